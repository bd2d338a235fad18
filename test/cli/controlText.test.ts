// Issue 19: escape sequences and bidi controls in any input (values, YAML keys, file names, data cells)
// must not reach any output raw. Diagnostics show them escaped; reports drop them; JSON keeps the user's
// string with the unsafe characters written as \u escapes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeJson, safeLines, safeText, shownEscaped } from '../../src/shared/safeText.js';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const nasty = (s: string) => `${s}\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eRTL\u202c\u2066iso\u2069end`;
const FORMATS = ['terminal', 'json', 'markdown', 'github', 'sarif', 'junit', 'html', 'pdf'] as const;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asa-control-'));
  cpSync(join(ROOT, 'examples/with-data/docs'), join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'data'));
  const cited = 'docs/ev\u202eil.md';
  writeFileSync(join(dir, cited), '# cited\n');
  const survey = readFileSync(join(ROOT, 'examples/with-data/data/survey-2026Q3.csv'), 'utf8').split('\n');
  survey[0] = survey[0]!.replace('团队', nasty('团队'));
  survey[1] = survey[1]!.replace('华东一组', nasty('华东一组')).replace('收费有点贵', nasty('收费有点贵'));
  writeFileSync(join(dir, 'data/survey.csv'), survey.join('\n'));
  const tickets = readFileSync(join(ROOT, 'examples/with-data/data/tickets-2026Q3.csv'), 'utf8').split('\n');
  tickets[1] = tickets[1]!.replace('T0000001', nasty('T1'));
  writeFileSync(join(dir, 'data/tickets.csv'), tickets.join('\n'));
  const evidence = {
    schemaVersion: 1,
    company: { name: nasty('公司'), creditCode: nasty('91'), sector: nasty('行业'), products: [nasty('产品')] },
    assessment: { date: '2026-11-01', assessor: nasty('审核员'), scope: nasty('范围') },
    criteria: {
      '5.1.1.1': { status: 'met', evidence: [{ file: cited, title: nasty('标题'), date: '2026-03-01' }] },
      '5.1.1.2': {
        status: 'partial',
        sample: { checked: 20, conforming: 18 },
        note: nasty('备注'),
        owner: nasty('负责人'),
        due: '2026-12-01',
        evidence: [{ url: `https://example.com/${nasty('u')}`, title: nasty('链接') }],
      },
      '5.1.2.1': { status: 'met', evidence: [{ file: `docs/${nasty('missing')}.md`, title: nasty('缺失') }] },
      '5.2.3.1': { status: 'n/a', justification: nasty('理由') },
      '5.3.1.4': { status: 'not-met', note: nasty('备注2'), owner: nasty('负责人2') },
    },
    specialDeductions: [{ clause: '5.3.2', reason: nasty('扣分') }],
    bonus: { reason: nasty('加分'), evidence: [{ url: 'https://example.com/b', title: nasty('加分证据') }] },
    datasets: { survey: 'data/survey.csv', records: 'data/tickets.csv' },
  };
  // JSON is YAML: the escapes in its strings are what a YAML double-quoted string would carry.
  writeFileSync(join(dir, 'company.yaml'), JSON.stringify(evidence, null, 2));
  const badKeys = structuredClone(evidence) as Record<string, unknown> & typeof evidence;
  (badKeys.criteria['5.1.1.1'] as Record<string, unknown>)[nasty('key')] = 1;
  (badKeys.criteria as Record<string, unknown>)[nasty('9.9')] = { status: 'met' };
  badKeys[nasty('top')] = 2;
  writeFileSync(join(dir, 'bad.yaml'), JSON.stringify(badKeys, null, 2));
  mkdirSync(join(dir, 'batch'));
  // Block YAML: the folder scan picks up files that start like evidence.
  const q = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(dir, 'batch', `${nasty('a')}.yaml`),
    `schemaVersion: 1\ncompany:\n  name: ${q(nasty('甲'))}\nassessment:\n  date: 2026-11-01\ncriteria:\n  5.1.1.1: { status: met }\n`,
  );
  writeFileSync(join(dir, 'batch', `${nasty('b')}.yaml`), 'schemaVersion: [\n');
});

/** stdout, stderr and the file written with --out (pdftotext for a PDF). */
function run(args: string[], out?: string): string {
  const r = cli(out ? [...args, '--out', out] : args);
  let written = '';
  if (out?.endsWith('.pdf')) {
    const t = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(t.status).toBe(0);
    // pdftotext ends each page with a form feed of its own.
    written = t.stdout.replace(/\f/g, '');
  } else if (out) written = readFileSync(out, 'utf8');
  return r.stdout + r.stderr + written;
}

function expectClean(text: string): void {
  const found = [...text.replace(/[\t\n\r]/g, '').matchAll(FORBIDDEN)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  expect(found).toEqual([]);
}

describe('no control or bidi character reaches an output', () => {
  for (const format of FORMATS)
    for (const lang of ['en', 'zh-CN'])
      it(`score --format ${format} --lang ${lang}: values, keys and batch file names`, () => {
        const out = join(dir, `out-${format}-${lang}.${format === 'pdf' ? 'pdf' : 'txt'}`);
        const good = run(['score', join(dir, 'company.yaml'), '--format', format, '--lang', lang], format === 'pdf' ? out : undefined);
        expect(good).toContain('PWNED');
        expectClean(good);
        expectClean(run(['score', join(dir, 'bad.yaml'), '--format', format, '--lang', lang]));
        if (format !== 'pdf') expectClean(run(['score', join(dir, 'batch'), '--format', format, '--lang', lang]));
      });

  it('validate shows an unsafe key escaped, at its line', () => {
    const text = run(['validate', join(dir, 'bad.yaml'), '--lang', 'en']);
    expectClean(text);
    expect(text).toMatch(/bad\.yaml:\d+:\d+: error: criterion 5\.1\.1\.1: unknown property `key\\u001B\]0;PWNED\\u0007\\u001B\[2J\\u009B31m\\u202ERTL/);
    expectClean(run(['validate', join(dir, 'company.yaml'), '--lang', 'en']));
  });

  it('a batch file name is escaped in the diagnostic about it', () => {
    const text = run(['score', join(dir, 'batch'), '--lang', 'en']);
    expect(text).toContain('b\\u001B]0;PWNED\\u0007');
    expectClean(text);
  });

  it('JSON keeps the text, with the unsafe characters as \\u escapes', () => {
    const text = run(['score', join(dir, 'company.yaml'), '--format', 'json']);
    expectClean(text);
    // Removed at load, like every report: the JSON says what the other formats show.
    expect(JSON.parse(text).company.name).toBe('公司]0;PWNED[2J31mRTLisoend');
  });

  it('survey and records: cells and headers', () => {
    for (const format of ['terminal', 'json']) {
      expectClean(run(['survey', join(dir, 'data/survey.csv'), '--min-group', '1', '--format', format]));
      expectClean(run(['records', join(dir, 'data/tickets.csv'), '--as-of', '2026-11-01', '--format', format]));
    }
  });
});

describe('the medium sanitizers', () => {
  const text = fc.string({ unit: 'binary' });
  const kept = (s: string, keep: RegExp) => [...s].filter((c) => !RAW.test(c) || keep.test(c)).join('');

  it('safeText: nothing unsafe, idempotent, all other text kept (line breaks and tabs as spaces)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = safeText(s);
        expect(t).not.toMatch(FORBIDDEN);
        expect(safeText(t)).toBe(t);
        expect(t).toBe(kept(s.replace(/[\t\n\r\v\f]/g, ' '), /^$/));
      }),
    );
  });

  it('safeLines: nothing unsafe but tabs and line feeds, idempotent, all other text kept', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = safeLines(s);
        expect(t.replace(/[\t\n]/g, '')).not.toMatch(FORBIDDEN);
        expect(safeLines(t)).toBe(t);
        expect(t).toBe(kept(s.replace(/\r\n?/g, '\n'), /[\t\n]/));
      }),
    );
  });

  it('shownEscaped: nothing unsafe, every unsafe character readable as \\uXXXX, all other text kept', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = shownEscaped(s);
        expect(t).not.toMatch(FORBIDDEN);
        expect(shownEscaped(t)).toBe(t);
        const restore = (m: string, h: string) => {
          const c = String.fromCharCode(Number.parseInt(h, 16));
          return RAW.test(c) || /[\t\n\r]/.test(c) ? c : m;
        };
        expect(t.replace(/\\u([0-9A-F]{4})/g, restore)).toBe(s);
      }),
    );
  });

  it('safeJson: no unsafe character in the JSON text, the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(text, text), (o) => {
        const t = safeJson(o, undefined, 2);
        expect(t.replace(/\n/g, '')).not.toMatch(FORBIDDEN);
        expect(JSON.parse(t)).toEqual(o);
      }),
    );
  });
});
