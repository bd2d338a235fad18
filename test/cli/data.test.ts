import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const WITH_DATA = 'examples/with-data/company.yaml';
const json = (args: string[]) => JSON.parse(cli(['score', ...args, '--format', 'json', '--lang', 'en']).stdout);
const criterion = (r: { sections: Array<{ clauses: Array<{ criteria: Array<{ id: string }> }> }> }, id: string) =>
  r.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).find((c) => c.id === id) as unknown as { earned: number; outcome: string; findings: Array<{ code: string; args: Record<string, unknown> }> };

describe('metrics computed from referenced datasets feed the score', () => {
  const r = json([WITH_DATA]);

  it('pins the example: the survey says 77.5 % satisfied, below the rubric\'s 80 %, so 5.3.1.2 is lost', () => {
    expect(r.score.final).toBe(91.5);
    expect(r.level.id).toBe('four-star');
    const c = criterion(r, '5.3.1.2');
    expect(c).toMatchObject({ earned: 0, outcome: 'not-met' });
    expect(c.findings.map((f) => f.code)).toEqual(['data-below', 'status-contradicts-measure']);
  });

  it('credits records-based criteria in proportion to the share within commitment', () => {
    const c = criterion(r, '5.2.4.2');
    expect(c.findings[0]).toMatchObject({ code: 'data-below', args: { metric: 'records.repair.firstTimeFix', value: 0.9389, n: 180 } });
    expect(c.earned).toBe(3.76);
  });

  it('shows each dataset with its file, row count, sha256 and metrics', () => {
    expect(r.datasets.map((d: { name: string; file: string; rows: number; sha256: string }) => [d.name, d.file, d.rows, d.sha256.length])).toEqual([
      ['survey', 'data/survey-2026Q3.csv', 240, 64],
      ['records', 'data/tickets-2026Q3.csv', 400, 64],
    ]);
    expect(r.datasets[0].metrics['survey.satisfactionRate']).toEqual({ value: 0.775, n: 240, dataset: 'survey' });
  });

  it('flags a typed metric that disagrees with the data, at its line', () => {
    const f = r.findings.find((x: { code: string }) => x.code === 'metric-disagrees-with-data');
    expect(f).toMatchObject({ args: { metric: 'satisfactionRate', typed: 0.95, computed: 0.775, dataset: 'survey' }, severity: 'warning' });
    const line = readFileSync(join(ROOT, WITH_DATA), 'utf8').split('\n').findIndex((l) => l.includes('satisfactionRate: 0.95')) + 1;
    expect(f.line).toBe(line);
  });

  it('a referenced dataset that is missing is a finding, and its criteria fall back to the claims', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-data-'));
    cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
    rmSync(join(d, 'data/survey-2026Q3.csv'));
    const m = json([join(d, 'company.yaml')]);
    expect(m.findings.find((x: { code: string }) => x.code === 'dataset-unavailable').args).toEqual({ dataset: 'survey', file: 'data/survey-2026Q3.csv', reason: 'missing' });
    expect(criterion(m, '5.3.1.2')).toMatchObject({ earned: 5, outcome: 'met' });
  });

  it('a dataset path may not leave the evidence root', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-data-'));
    cpSync(join(ROOT, 'examples/with-data'), join(d, 'repo'), { recursive: true });
    cpSync(join(ROOT, 'examples/with-data/data/survey-2026Q3.csv'), join(d, 'outside.csv'));
    const file = join(d, 'repo/company.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('survey: data/survey-2026Q3.csv', 'survey: ../outside.csv'));
    expect(json([file]).findings.find((x: { code: string }) => x.code === 'dataset-unavailable').args.reason).toBe('outside-root');
  });

  it('the PDF has the data section', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'asa-data-pdf-')), 'r.pdf');
    expect(cli(['score', WITH_DATA, '--format', 'pdf', '--out', out]).code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('由原始数据计算的指标');
    expect(text).toContain('survey.satisfactionRate');
    // The data-analysis chapter comes before the method, which is renumbered after it.
    expect(text).toContain('六、数据分析');
    expect(text).toContain('七、评分方法与依据');
    expect(text).toContain('华北一组');
    expect(text).toContain('低于均值15%以上，需复核');
    expect(text).not.toContain('客户1');
  });
});

describe('survey and records commands', () => {
  it('survey: terminal and JSON, never showing personal data, with a previous period', () => {
    const r = cli(['survey', 'test/fixtures/survey/survey-2026Q3.csv', 'test/fixtures/survey/survey-2026Q2.csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^satisfaction rate \(overall 4–5\) +66\.7%  \(\+16\.7 pp\)$/m);
    for (const pii of ['张三', '13812345678', '13712345678', 'a@b.com']) expect(r.stdout).not.toContain(pii);
    const j = JSON.parse(cli(['survey', 'test/fixtures/survey/survey-2026Q3-gb18030.csv', '--format', 'json']).stdout);
    expect([j.responses, j.dataset.encoding, j.invalid.length]).toEqual([9, 'gb18030', 3]);
  });

  it('records: per-type figures against the evidence file\'s commitments', () => {
    const j = JSON.parse(cli(['records', 'test/fixtures/records/tickets.csv', '--evidence', 'test/fixtures/records/company.yaml', '--format', 'json']).stdout);
    expect(j.asOf).toBe('2026-11-01');
    expect(j.types.find((t: { type: string }) => t.type === 'complaint').commitment.reply).toMatchObject({ within: 2, n: 3 });
  });

  it('a missing required column is an input error naming what was found', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-cols-'));
    writeFileSync(join(d, 's.csv'), 'order,score\nA,5\n');
    const r = cli(['survey', join(d, 's.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('required column(s) not found: overall');
    expect(r.stderr).toContain('Headers found: order, score');
    writeFileSync(join(d, 'map.yaml'), 'columns: { overall: score }\n');
    expect(cli(['survey', join(d, 's.csv'), '--mapping', join(d, 'map.yaml'), '--format', 'json']).code).toBe(0);
  });

  it('a malformed CSV names the line', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-csv-'));
    writeFileSync(join(d, 'bad.csv'), '服务单号,总体满意度\nS1,5\nS2,"4\nS3,3\n');
    const r = cli(['survey', join(d, 'bad.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:\d+:0: error: CSV cannot be parsed/);
    expect(cli(['survey', join(d, 'bad.csv')]).stderr).toMatch(/bad\.csv:\d+:0: error: CSV 无法解析/);
  });
});
