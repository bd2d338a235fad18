import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CAUSES } from '../../src/model/diff.js';
import { LEVEL_IDS } from '../../src/model/rubric.js';
import { ROOT } from '../helpers.js';
import { historyRepo } from '../history/gitRepo.js';
import { cli } from './run.js';

/**
 * `history --format html|pdf|json|jsonl` on a small repository with every kind of point: two scored commits,
 * a gap (a YAML error), the fix, and a projection to an audit date after an evidence item expires.
 */
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/history.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateHistory = ajv.compile(schema);
const validateLine = ajv.compile({ $ref: `${schema.$id}#/definitions/jsonlLine` });

let repo: ReturnType<typeof historyRepo>;
const out = mkdtempSync(join(tmpdir(), 'asa-trend-'));
beforeAll(() => {
  repo = historyRepo();
  repo.commit('three-star as in the example', '2026-03-02');
  repo.edit('{ file: docs/org-chart.md, title: 客户成功部组织架构 }', '{ file: docs/org-chart.md, title: 客户成功部组织架构, expires: 2026-12-31 }');
  repo.commit('org chart with its expiry date', '2026-04-01');
  repo.edit('company:', 'company: [');
  repo.commit('broken', '2026-05-01');
  repo.edit('company: [', 'company:');
  repo.commit('fixed', '2026-06-01');
});
const run = (...args: string[]) => cli(['history', repo.file, '--as-of', '2027-01-15', ...args]);

describe('history JSON and JSONL against schema/history.schema.json', () => {
  it('validates the JSON (scored points, a gap, the projection, the span) and every JSONL line', { timeout: 180_000 }, () => {
    const r = run('--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.points.map((p: { kind: string }) => p.kind)).toEqual(['scored', 'scored', 'gap', 'scored']);
    expect(h.projection.kind).toBe('projection');
    validateHistory(h);
    expect(validateHistory.errors ?? []).toEqual([]);
    const lines = run('--format', 'jsonl').stdout.trim().split('\n');
    // One line per point, the projection last.
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(['scored', 'scored', 'gap', 'scored', 'projection']);
    for (const l of lines) {
      validateLine(JSON.parse(l));
      expect(validateLine.errors ?? []).toEqual([]);
    }
    // Without --as-of: projection null, still valid.
    const plain = JSON.parse(cli(['history', repo.file, '--format', 'json']).stdout);
    expect(plain.projection).toBeNull();
    expect(validateHistory(plain)).toBe(true);
  });

  it('rejects what the contract rules out (the schema is not vacuous)', () => {
    const h = JSON.parse(run('--format', 'json').stdout);
    const bad = [
      { ...h, points: [{ ...h.points[0], kind: 'maybe' }] },
      { ...h, points: [{ ...h.points[0], final: 101 }] },
      { ...h, points: [{ ...h.points[0], file: 'x' }] },
      { ...h, projection: { ...h.projection, asOf: '15/01/2027' } },
      { ...h, extra: 1 },
    ];
    for (const b of bad) expect(validateHistory(b)).toBe(false);
    // A JSONL line names its file and rubric.
    expect(validateLine(h.points[0])).toBe(false);
    expect(validateLine({ file: h.file, rubric: h.rubric, ...h.points[0] })).toBe(true);
  });

  it('refuses an audit date before the last commit, or not a date (exit 2, one line)', () => {
    const r = cli(['history', repo.file, '--as-of', '2026-05-15', '--lang', 'en']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'aftersales-assess: --as-of 2026-05-15 is before the last commit (2026-06-01); a projection runs forward from the history: give the audit date\n',
    ]);
    expect(cli(['history', repo.file, '--as-of', '2027-02-30']).code).toBe(2);
  });

  it("names the same levels and causes as the code's", () => {
    expect(schema.definitions.levelId.enum).toEqual([...LEVEL_IDS]);
    expect(schema.definitions.change.properties.causes.items.enum).toEqual([...CHANGE_CAUSES]);
  });
});

describe('history --format html', () => {
  it('writes one self-contained page in both languages with the trend, the projection and the gap', () => {
    const file = join(out, 'trend.html');
    const r = run('--format', 'html', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('default-src &#39;none&#39;');
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|src="http/);
    for (const lang of ['zh-CN', 'en']) expect(html).toContain(`data-l="${lang}"`);
    // The rubric's level names label the bands in each language; the projection and the gap are named.
    for (const name of ['不合格', '达标级', '三星级', '四星级', '五星级', 'Compliant', 'Five-star']) expect(html).toContain(`>${name}</text>`);
    expect(html).toContain('预测至 2027-01-15：79.3');
    expect(html).toContain('Projected to 2027-01-15: 79.3');
    expect(html).toContain('证据文件无法评估');
    // The criterion that expires before the audit: hand-worked in test/history/projection.test.ts (−2.128, one decimal: −2.1).
    expect(html).toMatch(/5\.1\.1\.1<\/span> [^<]*<\/td><td class="num s-bad" data-label="[^"]*">−2\.1</);
    // No --commit-url: short hashes as text, no link.
    expect(html).not.toMatch(/<a href="http/);
  });

  it('links each commit with --commit-url, only to http(s) addresses', { timeout: 180_000 }, () => {
    const file = join(out, 'linked.html');
    const r = run('--format', 'html', '--out', file, '--commit-url', 'https://git.example.com/org/repo/-/commit/{sha}');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    const hrefs = [...html.matchAll(/<a href="([^"]+)" rel="noreferrer"><code>([0-9a-f]{12})<\/code><\/a>/g)];
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [, href, short] of hrefs) expect(href).toMatch(new RegExp(`^https://git\\.example\\.com/org/repo/-/commit/${short}[0-9a-f]{28}$`));
    // Markdown (a job summary) links the same way.
    const md = run('--format', 'markdown', '--commit-url', 'https://git.example.com/org/repo/-/commit/{sha}').stdout;
    expect(md).toMatch(/\| \[`[0-9a-f]{12}`\]\(https:\/\/git\.example\.com\/org\/repo\/-\/commit\/[0-9a-f]{40}\) \|/);
    // The formats without links refuse it rather than ignore it.
    expect(run('--format', 'json', '--commit-url', 'https://host/{sha}').code).toBe(2);
    for (const bad of [
      'javascript:alert(1)//{sha}',
      'file:///etc/{sha}',
      'https://host/commit/',
      '//host/{sha}',
      'https://[bad/{sha}',
      'https://host/{sha}) [x](javascript:1',
      'https://host/"><script>/{sha}',
      'https://user:secret@host/{sha}', // credentials would be written into every link
    ]) {
      const b = run('--format', 'html', '--out', join(out, 'bad.html'), '--commit-url', bad);
      expect(b.code, bad).toBe(2);
      expect(b.stderr).toContain('--commit-url');
      expect(b.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('never writes over an input', () => {
    const before = readFileSync(repo.file);
    const r = run('--format', 'html', '--out', repo.file);
    expect(r.code).toBe(2);
    expect(readFileSync(repo.file)).toEqual(before);
  });
});

describe('history --format pdf', () => {
  it('lays out the trend, the sections, every commit and the criteria that moved, with short hashes', { timeout: 120_000 }, () => {
    const file = join(out, 'trend.pdf');
    const r = run('--format', 'pdf', '--out', file, '--lang', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const hashes = [...new Set(JSON.parse(run('--format', 'json').stdout).points.map((p: { short: string }) => p.short))];
    for (const h of hashes) expect(text).toContain(h);
    for (const s of ['Final score over time', 'Points per section over time', 'Criteria that moved, and why', 'Three-star', 'Compliant', 'Projection 79.3'])
      expect(text).toContain(s);
    expect(text).toMatch(/2027-01-15\s+\S+\s+79\.3\s+Compliant\s+−2\.1/);
    expect(text).toContain('the evidence file cannot be assessed');
    // Byte-identical for the same input (fixed dates).
    expect(run('--format', 'pdf', '--out', join(out, 'again.pdf'), '--lang', 'en').code).toBe(0);
    expect(readFileSync(join(out, 'again.pdf'))).toEqual(readFileSync(file));
    // Chinese labels in Chinese.
    const zh = join(out, 'zh.pdf');
    expect(run('--format', 'pdf', '--out', zh).code).toBe(0);
    const zhText = execFileSync('pdftotext', [zh, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['总分趋势', '达标级', '三星级', '预测']) expect(zhText).toContain(s);
  });
});

describe('history html and pdf at the edges', () => {
  it('one commit with markup in its message: one point, the message shown as text', { timeout: 180_000 }, () => {
    const one = historyRepo();
    one.commit('<img src=x onerror=alert(1)> & "quotes"', '2026-03-02');
    const file = join(out, 'one.html');
    const r = cli(['history', one.file, '--format', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html.match(/<polyline/g)).toBeNull();
    expect(cli(['history', one.file, '--format', 'pdf', '--out', join(out, 'one.pdf')]).code).toBe(0);
  });

  it('no commit that can be scored: says so instead of drawing an empty chart', { timeout: 180_000 }, () => {
    const bad = historyRepo();
    bad.edit('company:', 'company: [');
    bad.commit('broken from the start', '2026-03-02');
    const file = join(out, 'none.html');
    const r = cli(['history', bad.file, '--format', 'html', '--out', file, '--as-of', '2027-01-01', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('No commit could be scored');
    expect(html).not.toContain('<svg');
    const pdf = join(out, 'none.pdf');
    expect(cli(['history', bad.file, '--format', 'pdf', '--out', pdf, '--lang', 'en']).code).toBe(0);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('No commit could be scored');
  });
});
