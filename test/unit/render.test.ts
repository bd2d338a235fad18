// Renderers and the comparison, on reports built in-process from hand-made evidence.
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/compare/diffReports.js';
import { renderGithub } from '../../src/render/github.js';
import { renderJson } from '../../src/render/json.js';
import { renderJunit } from '../../src/render/junit.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { breakLines } from '../../src/render/lineBreak.js';
import { percent } from '../../src/messages/numbers.js';
import { allCriteria, score, withCriteria } from '../helpers.js';

const URL = [{ url: 'https://x.y/doc', date: '2026-10-01' }];
// 5.1.1.1 (2 points) not met: 98 of 100 → 98.0, five-star.
const report = score(withCriteria({ '5.1.1.1': { status: 'not-met', evidence: URL } }));
const scored = [{ file: 'company.yaml', report, failures: [{ code: 'min-score' as const, value: 98, required: 99 }] }];

describe('renderers of one Report', () => {
  it('JSON: the same bytes twice, the report as it is', () => {
    expect(renderJson(report)).toBe(renderJson(report));
    expect(JSON.parse(renderJson(report)).score.final).toBe(98);
  });
  it('terminal: score, level, the lost criterion; no escape codes without colour', () => {
    const text = renderTerminal(report, { color: false, ascii: false, width: 100, topGaps: 5 });
    expect(text).toContain('98.0');
    expect(text).toContain('5.1.1.1');
    expect(text).not.toContain('\u001b[');
  });
  it('Markdown: every table row has as many cells as its header', () => {
    const md = renderMarkdown(scored, 'en', 5);
    for (const table of md.split('\n\n').filter((b) => b.trimStart().startsWith('|'))) {
      const rows = table.trim().split('\n');
      const cells = (r: string) => r.replace(/\\\|/g, '').split('|').length;
      for (const r of rows) expect(cells(r)).toBe(cells(rows[0]!));
    }
    expect(md).toContain('score 98 is below the required 99');
  });
  it('JUnit: a test case per applicable criterion plus the gate checks, named without values', () => {
    const xml = renderJunit(scored);
    expect(xml.match(/<testcase /g)!.length).toBe(allCriteria.length + 1);
    expect(xml).toContain('name="minimum score"');
  });
  it('SARIF: the lost criterion is a result located in the evidence file', () => {
    const sarif = JSON.parse(renderSarif(scored, 'en'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(results.some((r) => r.ruleId === '5.1.1.1' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'company.yaml')).toBe(true);
  });
  it('GitHub: workflow commands, the gate failure among the errors', () => {
    const out = renderGithub(scored, 'en');
    for (const line of out.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice)/);
    expect(out).toContain('score 98 is below the required 99');
  });
});

describe('comparing two reports', () => {
  it('the change of score and level and the criterion that changed, with its cause', () => {
    const base = score(withCriteria({}));
    const diff = diffReports(base, report, { base: 'before', head: 'after' });
    expect(diff.scoreDelta).toBe(-2);
    expect(diff.regression).toBe(true);
    expect(diff.criteria.map((c) => [c.id, c.delta, c.causes])).toEqual([['5.1.1.1', -2, ['evidence-edited']]]);
  });
});

describe('comparing two reports: causes beyond the criteria', () => {
  it('names the score parts that changed, the largest criterion change first, and a change of company', () => {
    const base = score(withCriteria({}));
    const head = score({
      ...withCriteria({ '5.1.1.1': { status: 'not-met', evidence: URL }, '5.3.2.3': { status: 'partial', evidence: URL } }),
      company: { name: 'Other Co' },
      specialDeductions: [{ clause: '5.3.2', reason: 'late complaint' }],
    });
    const diff = diffReports(base, head, { base: 'a', head: 'b' });
    // 5.1.1.1 loses its 2 points; 5.3.2.3 (3 points) loses half of them: 1.5.
    expect(diff.criteria.map((c) => [c.id, c.delta])).toEqual([
      ['5.1.1.1', -2],
      ['5.3.2.3', -1.5],
    ]);
    expect(diff.parts.deductions).toEqual({ before: 0, after: 1, countBefore: 0, countAfter: 1 });
    expect(diff.companyChanged).toBe(true);
  });
  it('a criterion whose points did not change but whose share did is put down to the applicable total', () => {
    const base = score(withCriteria({}));
    // 5.2.6.1 (2 points) excluded: the applicable total drops from 100 to 98; 5.1.1.1's share grows.
    const head = score(withCriteria({ '5.2.6.1': { status: 'n/a', justification: 'software only' } }));
    const c = diffReports(base, head, { base: 'a', head: 'b' }).criteria.find((x) => x.id === '5.1.1.1');
    expect(c?.causes).toEqual(['applicable-total']);
  });
});

describe('line breaking shared by the terminal and the PDF', () => {
  const len = (s: string) => [...s].length;
  it('keeps a bracketed status mark whole', () => {
    // "abc [已找到]" is 9 wide; the mark moves down whole rather than splitting.
    expect(breakLines('abc [已找到] def', 8, len)).toEqual(['abc', '[已找到]', 'def']);
  });
  it('never starts a line with closing punctuation (避头点)', () => {
    expect(breakLines('一二三四，五六', 4, len)).toEqual(['一二三', '四，五六']);
    // Two closing marks in a row: the first fits the line, the second does not; both go down with "四".
    expect(breakLines('一二三四）：五六', 5, len)).toEqual(['一二三', '四）：五六']);
  });
  it('never ends a line with opening punctuation', () => {
    expect(breakLines('一二三（四五）', 4, len)).toEqual(['一二三', '（四五）']);
  });
  it('leaves no one or two characters alone on the last line', () => {
    expect(breakLines('一二三四五六七八九', 8, len)).toEqual(['一二三四五六', '七八九']);
  });
  it('cuts a path only when it alone is wider than a line, after a separator where one is in the latter half, and wraps English at spaces', () => {
    // 10 columns: "docs/abcde" would fit, but "/" ends the fifth column (≥ 10 / 2), so the cut is after it;
    // "abcdefghijkl.md" has no separator in its first ten, so it is cut at ten.
    // a Latin word cut between two letters takes a hyphen in place of its last letter.
    expect(breakLines('see docs/abcdefghijkl.md', 10, len)).toEqual(['see', 'docs/', 'abcdefghi\u2010', 'jkl.md']);
    expect(breakLines('Recoverable', 6, len)).toEqual(['Recov\u2010', 'erable']);
    // The URL that ended "warrant / y" in the evidence index: cut after its last "/" that fits.
    expect(breakLines('https://example.com/north-home/warranty', 32, len)).toEqual(['https://example.com/north-home/', 'warranty']);
    expect(breakLines('one two three', 7, len)).toEqual(['one two', 'three']);
  });
});

describe('percent', () => {
  it('writes one decimal with grouping, a dash for no value, and no "-0.0%"', () => {
    expect([0, 0.1234, -0.05, 12.3456, 1, -0.00001].map((r) => percent(r))).toEqual(['0.0%', '12.3%', '-5.0%', '1,234.6%', '100.0%', '0.0%']);
    expect(percent(null)).toBe('—');
    expect(percent(Number.NaN, 'en')).toBe('—');
  });
});
