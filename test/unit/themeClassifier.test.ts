// The comment-theme classifier measured on a hand-coded set (test/fixtures/themes/labelled-comments.tsv):
// each answer's complaint themes as a consultant reads them, written and labelled by hand. Precision and
// recall are micro-averaged over (answer, theme) pairs; the figures go into the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_THEMES } from '../../src/datasets/analyze.js';
import { loadChineseText } from '../../src/datasets/chineseText.js';
import { compileThemes, matchThemes } from '../../src/datasets/themes.js';
import { ROOT } from '../helpers.js';

const load = (name: string) =>
  readFileSync(join(ROOT, 'test/fixtures/themes', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [text, labels] = l.split('\t');
      return { text: text!, labels: new Set(labels === '-' || !labels ? [] : labels.split(',').map((x) => x.trim())) };
    });
const set = load('labelled-comments.tsv');
const heldOut = load('held-out-comments.tsv');

function score(set: ReturnType<typeof load>, predict: (s: string) => string[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const { text, labels } of set) {
    const got = new Set(predict(text));
    for (const g of got) labels.has(g) ? tp++ : fp++;
    for (const l of labels) if (!got.has(l)) fn++;
    const same = got.size === labels.size && [...got].every((g) => labels.has(g));
    if (!same) errors.push(`${text}\twant ${[...labels].join(',') || '-'}\tgot ${[...got].join(',') || '-'}`);
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), errors };
}

describe('comment themes on the hand-coded set', () => {
  beforeAll(loadChineseText);

  it('has at least 300 answers, each label a theme of the bundled dictionary', () => {
    expect(set.length).toBeGreaterThanOrEqual(300);
    const ids = new Set(BUNDLED_THEMES.themes.map((t) => t.id));
    for (const { labels } of set) for (const l of labels) expect(ids, l).toContain(l);
  });

  const t = () => compileThemes(BUNDLED_THEMES);
  const run = (name: string, s: ReturnType<typeof load>) => {
    const r = score(s, (x) => matchThemes(x, t()).complaints);
    if (process.env.THEME_EVAL)
      console.log(`${name}: n=${s.length} tp=${r.tp} fp=${r.fp} fn=${r.fn} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)}\n${r.errors.join('\n')}`);
    return r;
  };

  it('reaches precision and recall of at least 0.9 on the set the rules were tuned on', () => {
    // Measured 2026-12-03: n = 449, tp 398, fp 3, fn 6 → P 0.993, R 0.985 (THEME_EVAL=1 prints the misses).
    const r = run('tuning set', set);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('on new answers (the held-out set) keeps its precision; recall is what phrase rules reach on unseen wording', () => {
    // Measured 2026-12-03: n = 97, tp 45, fp 5, fn 42 → P 0.900, R 0.517. The README states both figures:
    // a theme the tool reports is right nine times in ten; about half of the complaints in wording it has
    // not seen are missed (listed as answers matching no theme). These floors guard against regressions.
    const r = run('held-out set', heldOut);
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.5);
  });
});
