import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const THIRD = 'test/fixtures/planning/third-unanswered.yaml';
const PDF_SUMMARY = { 'zh-CN': '执行摘要', en: 'Executive summary' } as const;

// Worked by hand in test/unit/bounds.test.ts: 69.0 now; 69.0 (fail) to 96.0 (five-star) once the 11 are assessed.
const BOUNDS = {
  'zh-CN': '未评估 11 项，评完后：最低 69.0（不合格），最高 96.0（五星级）',
  en: 'Not assessed: 11. Once assessed: lowest 69.0 (Fail), highest 96.0 (Five-star)',
} as const;

// Compliant needs 70: 69.0 + 1. The cheapest gap of at least 1 point: 5.1.1.1 and 5.1.3.1 (2 points, rubric
// estimate 2 days each) tie at 72 − 1 = 71.0 with one action each; 5.1.1.1 comes first in the rubric.
const PATH = {
  'zh-CN': '最省工作量达到达标级（≥ 70）：完成 5.1.1.1，估计共 2 个工作日，预计得分 71.0',
  en: 'Least effort to Compliant (≥ 70): close 5.1.1.1 (estimated working days: 2), for 71.0',
} as const;

/** pdftotext breaks lines where the PDF wraps them: compare without white space. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('score bounds on the decision page of every format', () => {
  it('JSON carries them and stays valid against the report schema', () => {
    const j = JSON.parse(cli(['score', THIRD, '--format', 'json']).stdout);
    expect(j.bounds.low).toMatchObject({ final: 69, level: 'fail' });
    expect(j.bounds.high).toMatchObject({ final: 96, level: 'five-star' });
    expect(j.paths[0]).toMatchObject({
      level: 'compliant',
      reachable: true,
      effort: 2,
      final: 71,
      actions: [{ criterion: '5.1.1.1', effort: { days: 2, source: 'rubric' } }],
    });
    expect(j.paths.map((p: { level: string }) => p.level)).toEqual(['compliant', 'three-star', 'four-star', 'five-star']);
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')),
    );
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`terminal, Markdown, HTML and the PDF summary page (${lang})`, () => {
      expect(squash(cli(['score', THIRD, '--lang', lang]).stdout)).toContain(squash(BOUNDS[lang]));
      expect(squash(cli(['score', THIRD, '--lang', lang]).stdout)).toContain(squash(PATH[lang]));
      const md = cli(['score', THIRD, '--lang', lang, '--format', 'markdown']).stdout;
      expect(md).toContain(BOUNDS[lang]);
      expect(md).toContain(PATH[lang]);
      const html = cli(['score', THIRD, '--lang', lang, '--format', 'html']).stdout;
      // Both languages are on the page; each summary has its own line.
      for (const l of ['zh-CN', 'en'] as const) {
        expect(html).toContain(BOUNDS[l]);
        expect(html).toContain(PATH[l].replace('≥', '≥'));
      }
      const pdf = join(mkdtempSync(join(tmpdir(), 'asa-bounds-')), 'r.pdf');
      cli(['score', THIRD, '--lang', lang, '--format', 'pdf', '--out', pdf]);
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
      const summary = text.slice(text.indexOf(PDF_SUMMARY[lang], 200));
      expect(squash(summary)).toContain(squash(BOUNDS[lang]));
      expect(squash(summary)).toContain(squash(PATH[lang]));
    });
  }

  it('a file with every criterion assessed shows no bounds line (they are the score)', () => {
    const out = cli(['score', 'examples/five-star/company.yaml', '--lang', 'en']).stdout;
    expect(out).not.toContain('Once assessed:');
    const j = JSON.parse(cli(['score', 'examples/five-star/company.yaml', '--format', 'json']).stdout);
    expect(j.bounds.low.final).toBe(j.score.final);
    expect(j.bounds.high.final).toBe(j.score.final);
  });
});
