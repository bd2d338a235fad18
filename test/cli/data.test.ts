import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const WITH_DATA = 'examples/with-data/company.yaml';
const json = (args: string[]) => JSON.parse(cli(['score', ...args, '--format', 'json', '--lang', 'en']).stdout);
const criterion = (r: { sections: Array<{ clauses: Array<{ criteria: Array<{ id: string }> }> }> }, id: string) =>
  r.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).find((c) => c.id === id) as unknown as {
    earned: number;
    outcome: string;
    findings: Array<{ code: string; args: Record<string, unknown> }>;
  };

describe('metrics computed from referenced datasets feed the score', () => {
  const r = json([WITH_DATA]);

  it('5.3.1.2 is met because the survey was carried out (240 responses ≥ 30, within 12 months), whatever the rate', () => {
    // 77.5 % satisfied: no seed and not the standard set a level to reach, so the rate decides nothing.
    const c = criterion(r, '5.3.1.2');
    expect(c).toMatchObject({ earned: 5, outcome: 'met' });
    expect(c.findings[0]).toMatchObject({ code: 'data-survey-conducted', args: { n: 240, from: '2026-07-01', to: '2026-09-29', satisfactionRate: 0.775 } });
    expect(r.level.id).toBe('five-star');
    expect(JSON.stringify(r.findings) + JSON.stringify(r.sections)).not.toMatch(/80\.0 ?%/);
  });

  it('credits repair quality as the share of repairs not repeated (1 − 返修率)', () => {
    const c = criterion(r, '5.2.4.2');
    const m = r.datasets[1].metrics['records.repair.repeatRepairRate'];
    expect(c.findings[0]).toMatchObject({
      code: 'data-below',
      args: { metric: 'records.repair.repeatRepairRate', rule: 'complement', value: m.value, n: m.n },
    });
    expect(c.earned).toBe(Math.round(4 * (1 - m.value) * 100) / 100);
  });

  it('lists every number a data rule uses in the method, derived ones marked', () => {
    const rule = r.method.dataRules.find((d: { criterion: string }) => d.criterion === '5.3.1.2');
    expect(rule).toEqual({
      criterion: '5.3.1.2',
      metric: 'survey.satisfactionRate',
      rule: 'conducted',
      atLeast: null,
      minSample: 30,
      maxAgeMonths: 12,
      source: 'seed-002',
      confidence: 'L',
      note: 'points split derived; minimum of 30 responses derived',
    });
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
    const line =
      readFileSync(join(ROOT, WITH_DATA), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('satisfactionRate: 0.95')) + 1;
    expect(f.line).toBe(line);
  });

  it('a referenced dataset that is missing, unreadable, empty, too old or too small earns nothing from data', () => {
    const variants: Array<[string, (d: string) => void, Record<string, unknown>]> = [
      [
        'missing',
        (d) => rmSync(join(d, 'data/survey-2026Q3.csv')),
        { code: 'data-unavailable', args: { dataset: 'survey', file: 'data/survey-2026Q3.csv', reason: 'missing' } },
      ],
      [
        'unreadable',
        (d) => writeFileSync(join(d, 'data/survey-2026Q3.csv'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00])),
        { code: 'data-unavailable', args: { reason: 'unreadable' } },
      ],
      ['empty', (d) => writeFileSync(join(d, 'data/survey-2026Q3.csv'), '服务单号,整体满意度\n'), { code: 'data-unavailable', args: { reason: 'empty' } }],
      [
        'old',
        (d) => writeFileSync(join(d, 'data/survey-2026Q3.csv'), '日期,整体满意度\n' + '2023-05-01,5\n'.repeat(40)),
        { code: 'data-too-old', args: { latest: '2023-05-01', maxAgeMonths: 12 } },
      ],
      [
        'small',
        (d) => writeFileSync(join(d, 'data/survey-2026Q3.csv'), '日期,整体满意度\n2026-10-01,5\n2026-10-02,5\n2026-10-03,4\n'),
        { code: 'data-sample-too-small', args: { n: 3, min: 30 } },
      ],
    ];
    for (const [, change, expected] of variants) {
      const d = mkdtempSync(join(tmpdir(), 'asa-data-'));
      cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
      change(d);
      const c = criterion(json([join(d, 'company.yaml')]), '5.3.1.2');
      expect(c).toMatchObject({ earned: 0, outcome: 'not-met' });
      expect(c.findings[0]).toMatchObject(expected);
    }
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
    expect(text).toContain('满意率（整体满意度4–5分占比）');
    expect(text).not.toMatch(/survey\.|records\./);
    expect(text).toContain('开展并分析了调查即符合（不设满意率门槛）；至少30条（推定）');
    // The data-analysis chapter comes before the method, which is renumbered after it.
    expect(text).toContain('六、数据分析');
    expect(text).toContain('七、评分方法与依据');
    expect(text).toContain('华北一组');
    // The shortfall is relative to the mean (seed 002: a group more than 15 % below the mean is checked).
    expect(text).toContain('比均值相对低');
    expect(text).toContain('（复核线15.0%），需复核');
    expect(text).not.toContain('客户1');
  });
});

describe('one assessment for the working tree and a git revision', () => {
  it('an untouched repository with datasets is not a regression against HEAD (the baseline reads the datasets too)', async () => {
    const { spawnSync } = await import('node:child_process');
    const d = mkdtempSync(join(tmpdir(), 'asa-repo-'));
    cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
    const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...a], { cwd: d });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'evidence');
    const r = cli(['score', join(d, 'company.yaml'), '--baseline', 'HEAD', '--format', 'json', '--fail-on-regression']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout).comparison.diff;
    expect([diff.base.final, diff.head.final, diff.regression, diff.criteria]).toEqual([diff.head.final, JSON.parse(r.stdout).score.final, false, []]);
    // The survey changed in the working tree: the data change is seen against HEAD.
    writeFileSync(join(d, 'data/survey-2026Q3.csv'), '日期,整体满意度\n2026-10-01,5\n');
    const changed = JSON.parse(cli(['score', join(d, 'company.yaml'), '--baseline', 'HEAD', '--format', 'json']).stdout).comparison.diff;
    expect(changed.criteria.map((c: { id: string }) => c.id)).toContain('5.3.1.2');
  });
});

describe('survey and records commands', () => {
  it('survey: terminal and JSON, never showing personal data, with a previous period', () => {
    const r = cli(['survey', 'test/fixtures/survey/survey-2026Q3.csv', 'test/fixtures/survey/survey-2026Q2.csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^satisfaction rate \(overall 4–5\) +66\.7% {2}\+16\.7 pp$/m);
    expect(r.stdout).toContain('Compared with an earlier period: n 4 → 9');
    for (const pii of ['张三', '13812345678', '13712345678', 'a@b.com']) expect(r.stdout).not.toContain(pii);
    const j = JSON.parse(cli(['survey', 'test/fixtures/survey/survey-2026Q3-gb18030.csv', '--format', 'json']).stdout);
    // Lines 10 (overall 6) and 12 (blank overall) have no key rating, line 11 repeats S002: 12 − 3 = 9 responses.
    expect([j.responses, j.dataset.encoding, j.excluded.count, j.valueIssues.count]).toEqual([9, 'gb18030', 3, 1]);
  });

  it("records: per-type figures against the evidence file's commitments", () => {
    const j = JSON.parse(cli(['records', 'test/fixtures/records/tickets.csv', '--evidence', 'test/fixtures/records/company.yaml', '--format', 'json']).stdout);
    expect(j.asOf).toBe('2026-11-01');
    expect(j.types.find((t: { type: string }) => t.type === 'complaint').commitment.reply).toMatchObject({ within: 2, late: 1 });
    expect(cli(['records', 'test/fixtures/records/tickets.csv', '--as-of', '2026-02-30']).code).toBe(2);
    expect(cli(['records', 'test/fixtures/records/tickets.csv', '--lang', 'en']).stderr).toContain('needs the analysis date');
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

describe('score: survey and records declared together are joined on the order number', () => {
  it('the records digest carries the follow-up of closed tickets (figures worked out in test/unit/followUp.test.ts)', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-follow-'));
    try {
      cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
      cpSync(join(ROOT, 'test/fixtures/followup/tickets.csv'), join(d, 'data/tickets-2026Q3.csv'));
      cpSync(join(ROOT, 'test/fixtures/followup/survey-orders.csv'), join(d, 'data/survey-2026Q3.csv'));
      const r = json([join(d, 'company.yaml')]);
      expect(r.datasets.map((x: { name: string }) => x.name)).toEqual(['survey', 'records']);
      // 4 of 6 closed tickets followed up; median (23 + 39.4833) / 2 = 31.24 h; 2 of 4 within 24 h.
      expect(r.datasets[1].digest.followUp).toMatchObject({
        joinedOn: 'order',
        closed: 6,
        followedUp: 4,
        share: 0.6667,
        delayMedianHours: 31.24,
        within24h: { count: 2, share: 0.5 },
      });
      // The example's own exports share no order number (S… and SN…): no follow-up is claimed.
      expect(json([WITH_DATA]).datasets[1].digest.followUp).toBeUndefined();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
