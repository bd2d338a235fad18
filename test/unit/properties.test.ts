// Property tests (fast-check, fixed seed, bounded runs): hostile evidence files, rubrics and CSV exports
// never crash the tool, never hang, and give the same answer twice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { displayWidth } from '../../src/shared/width.js';
import { stringify } from 'yaml';
import { analyzeRecordsFile, analyzeSurveyFile } from '../../src/datasets/analyze.js';
import { buildCalendar, workingDaysBetween } from '../../src/datasets/workCalendar.js';
import { loadEvidenceSource } from '../../src/validate/loadEvidence.js';
import { loadRubricFile } from '../../src/validate/loadRubric.js';
import { sourceFromBytes } from '../../src/load/readSource.js';
import { InputError } from '../../src/model/diagnostic.js';
import { buildReport } from '../../src/report/buildReport.js';
import { allMet, loaded, rubric, RUBRIC_FILE } from '../helpers.js';

const SEED = 20261123;
/** The documented bound for validating and scoring a 1 MiB evidence file; the inputs here are far smaller. */
const BOUND_MS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'asa-prop-'));

/** Runs `f`; an InputError is the accepted way to refuse input. Returns a comparable outcome. */
function outcome(f: () => unknown): string {
  const t0 = performance.now();
  let result: string;
  try {
    result = JSON.stringify(f());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    result = 'input-error:' + e.diagnostics.map((d) => `${d.line}:${d.column}:${d.code}`).join(',');
  }
  expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  return result;
}

const scoreText = (text: string) => () => {
  const { evidence } = loadEvidenceSource(sourceFromBytes('prop.yaml', Buffer.from(text)), rubric);
  return buildReport(loaded, evidence, new Map(), { tool: { name: 'aftersales-assess', version: 'test' } });
};

const ids = rubric.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria.map((k) => k.id)));
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('met', 'partial', 'not-met', 'n/a', '2026-02-30', '2026-11-01', '5.10', 'https://x.y'),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...ids, 'status', 'evidence', 'file', 'url', 'sample', 'checked', 'conforming')),
      tie('v'),
      { maxKeys: 4 },
    ),
  ),
})).v;

/** Evidence files close to real ones, with random values and keys in random places. */
const evidenceLike = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(1), scalar),
    company: fc.oneof(fc.record({ name: fc.string({ maxLength: 20 }) }), value),
    assessment: fc.oneof(fc.record({ date: fc.constantFrom('2026-11-01', '2026-02-30', '1999-01-01', 'x') }), value),
    criteria: fc.dictionary(
      fc.constantFrom(...ids, '5.9.9.9', '5.1'),
      fc.oneof(
        fc.record(
          {
            status: fc.constantFrom('met', 'partial', 'not-met', 'n/a', 'meet'),
            sample: fc.option(fc.record({ checked: fc.integer({ min: -2, max: 20 }), conforming: fc.integer({ min: -2, max: 20 }) }), { nil: undefined }),
            evidence: fc.array(fc.record({ url: fc.constantFrom('https://a.b/c', 'x'), date: fc.constantFrom('2026-10-01', '2020-01-01', 'bad') }), {
              maxLength: 3,
            }),
          },
          { requiredKeys: [] },
        ),
        value,
      ),
      { maxKeys: 8 },
    ),
    metrics: fc.option(
      fc.dictionary(
        fc.constantFrom('certifiedServiceManagers', 'serviceManagementStaff', 'satisfactionRate', 'x'),
        fc.oneof(fc.integer({ min: -1, max: 50 }), scalar),
      ),
      { nil: undefined },
    ),
    specialDeductions: fc.option(
      fc.array(fc.record({ clause: fc.constantFrom('5.1', '5.3.2', 5.1, '9.9'), reason: fc.string({ maxLength: 10 }) }), { maxLength: 7 }),
      { nil: undefined },
    ),
    bonus: fc.option(value, { nil: undefined }),
  },
  { requiredKeys: [] },
);

describe('evidence files', () => {
  it('structured but hostile values: exit-2-style refusal or a report, deterministic, bounded', () => {
    fc.assert(
      fc.property(evidenceLike, (e) => {
        const text = stringify(e);
        expect(outcome(scoreText(text))).toBe(outcome(scoreText(text)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('arbitrary text, and valid files cut or spliced at random places', () => {
    const valid = readFileSync(join(import.meta.dirname, '../../examples/three-star/company.yaml'), 'utf8');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc
        .tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ unit: 'grapheme-ascii', maxLength: 30 }))
        .map(([a, b, s]) => valid.slice(0, Math.min(a, b)) + s + valid.slice(Math.max(a, b))),
      fc.constantFrom('[[[[', ']]]]]', '&a [*a, *a]', 'a: &a [*a]', '- - - -', '? ? ?', '{', '"', "'", '!!binary x', '%YAML 9.9\n---\n', '---\n---\n'),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(outcome(scoreText(t))).toBe(outcome(scoreText(t)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('rubrics', () => {
  const base = readFileSync(RUBRIC_FILE, 'utf8');
  it('mutated rubrics are refused with positions or, when they pass lint, score without crashing', () => {
    const mutation = fc.tuple(
      fc.constantFrom('points: 2', 'points: 4', 'minScore: 90', 'partialCredit: 0.5', 'id: "5.1.1.1"', 'kind: claim', 'rule: proportional', 'maxAgeMonths: 12'),
      fc.oneof(
        fc.constantFrom(
          'points: -1',
          'points: 1e9',
          'points: "x"',
          'minScore: 200',
          'partialCredit: 2',
          'id: "5.1.1.1"',
          'kind: magic',
          'rule: at-least',
          'maxAgeMonths: 0',
          '',
        ),
        fc.string({ maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(40), (muts, which) => {
        let text = base;
        for (const [from, to] of muts) {
          const parts = text.split(from);
          if (parts.length < 2) continue;
          const i = 1 + (which % (parts.length - 1));
          text = parts.slice(0, i).join(from) + to + parts.slice(i).join(from);
        }
        const file = join(dir, 'r.yaml');
        writeFileSync(file, text);
        const run = () => {
          const r = loadRubricFile(file).loaded;
          return buildReport(r, allMet(), new Map(), { tool: { name: 'aftersales-assess', version: 'test' } }).score;
        };
        expect(outcome(run)).toBe(outcome(run));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('CSV exports', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '5',
      '4分',
      '非常满意',
      '/',
      '',
      '—',
      '0',
      '6',
      '2026-07-01',
      '2026-13-01',
      '46000',
      '1000-01-01',
      '9999-12-31 23:59',
      '维修',
      '投诉',
      '咨询',
      '是',
      'SN1',
      '13812345678',
      '"',
      '\n',
      ',',
      '\u001b]0;x\u0007',
    ),
    fc.string({ maxLength: 8 }),
  );
  const headers = fc.shuffledSubarray(
    [
      '整体满意度',
      '响应及时性',
      '问题解决能力',
      '服务团队',
      '产品线',
      '日期',
      '服务单号',
      '建议',
      '工单号',
      '类型',
      '受理时间',
      '上门时间',
      '完成时间',
      '首次响应时间',
      '上门次数',
      '返修',
      '产品序列号',
      '区域',
      'x',
    ],
    { minLength: 1 },
  );
  const csv = fc
    .tuple(headers, fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 25 }), fc.constantFrom(',', '\t', ';'), fc.boolean())
    .map(([h, rows, sep, title]) => {
      const q = (s: string) => (/[",;\t\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      return (title ? '报表标题\n' : '') + [h, ...rows].map((r) => r.map(q).join(sep)).join('\n') + '\n';
    });
  it('survey and records: an analysis or a positioned input error, the same twice, no personal data out', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const file = join(dir, 'x.csv');
        writeFileSync(file, text);
        const run = async (f: () => Promise<unknown>) => {
          try {
            return JSON.stringify(await f());
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            return 'input-error:' + e.diagnostics.map((d) => d.code).join(',');
          }
        };
        const survey = () => analyzeSurveyFile(file, { label: 'x.csv' });
        const records = () =>
          analyzeRecordsFile(file, {
            label: 'x.csv',
            commitments: { repairResponseHours: 24, complaintReplyWorkingDays: 5 },
            calendar: buildCalendar(null),
            asOf: '2026-11-01',
          });
        const s1 = await run(survey);
        expect(await run(survey)).toBe(s1);
        expect(s1).not.toContain('13812345678');
        const r1 = await run(records);
        expect(await run(records)).toBe(r1);
        expect(r1).not.toContain('13812345678');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('working days', () => {
  it('the arithmetic count equals a day-by-day count, with any holidays and make-up days', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.array(day, { maxLength: 30 }), fc.array(day, { maxLength: 10 }), (a, b, holidays, extra) => {
        const cal = buildCalendar(null, { holidays, extraWorkdays: extra });
        const [from, to] = a <= b ? [a, b] : [b, a];
        let naive = 0;
        for (let t = Date.parse(from) + 86_400_000; t <= Date.parse(to); t += 86_400_000) {
          const d = new Date(t).toISOString().slice(0, 10);
          const dow = new Date(t).getUTCDay();
          if (extra.includes(d) || (!holidays.includes(d) && dow !== 0 && dow !== 6)) naive++;
        }
        expect(workingDaysBetween(Date.parse(`${from}T10:00:00Z`) / 60000, Date.parse(`${to}T10:00:00Z`) / 60000, cal)).toBe(naive);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('the command line on generated evidence files', () => {
  it('exit code 0, 1 or 2, never a stack trace, the same output twice', { timeout: 120_000 }, async () => {
    const { cli } = await import('../cli/run.js');
    fc.assert(
      fc.property(evidenceLike, fc.constantFrom('json', 'terminal', 'sarif'), (e, format) => {
        const file = join(dir, 'cli.yaml');
        writeFileSync(file, stringify(e));
        const a = cli(['score', file, '--format', format, '--fail-under', '90']);
        expect([0, 1, 2]).toContain(a.code);
        expect(a.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/);
        const b = cli(['score', file, '--format', format, '--fail-under', '90']);
        expect([b.code, b.stdout, b.stderr]).toEqual([a.code, a.stdout, a.stderr]);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe('found by the properties above', () => {
  it('`bonus: []` claims nothing (it crashed the core)', () => {
    const { evidence } = loadEvidenceSource(sourceFromBytes('b.yaml', Buffer.from(stringify({ ...allMet(), bonus: [] }))), rubric);
    const r = buildReport(loaded, evidence, new Map(), { tool: { name: 'aftersales-assess', version: 'test' } });
    expect(r.score.bonus).toBe(0);
  });
});

describe('display width', () => {
  it('the fast count equals string-width over ASCII, CJK, punctuation, arrows, boxes and ANSI colour', () => {
    const alphabet = [
      ...'abcXYZ 019.,;:!?%|-_/\\()[]{}<>~`\'"',
      ...'中文售后服务认证评价项符合不适用',
      ...'，。、；：！？（）「」【】《》“”‘’…—–·→←↑↓≥≤±×÷─│┌┐└┘├┤█░▼▲★☆✓✗',
      ...'ＡＢ１２％　',
      'é',
      'ü',
      '\u00a0',
      '\u001b[31m',
      '\u001b[0m',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
