import { en } from '../helpers.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubricFile } from '../../src/validate/loadRubric.js';
import { InputError } from '../../src/model/diagnostic.js';
import { RUBRIC_FILE, rubric } from '../helpers.js';

describe('the bundled GB/T 27922-2011 rubric', () => {
  it('has the 40/35/25 sections and the 15 clauses with their points', () => {
    expect(rubric.sections.map((s) => [s.id, s.points])).toEqual([
      ['5.1', 40],
      ['5.2', 35],
      ['5.3', 25],
    ]);
    const clauses = rubric.sections.flatMap((s) => s.clauses.map((c) => [c.id, c.points]));
    expect(clauses).toEqual([
      ['5.1.1', 4],
      ['5.1.2', 7],
      ['5.1.3', 6],
      ['5.1.4', 5],
      ['5.1.5', 7],
      ['5.1.6', 5],
      ['5.1.7', 6],
      ['5.2.1', 6],
      ['5.2.2', 6],
      ['5.2.3', 4],
      ['5.2.4', 10],
      ['5.2.5', 7],
      ['5.2.6', 2],
      ['5.3.1', 15],
      ['5.3.2', 10],
    ]);
  });

  it('lints clean, with bilingual text and provenance on every criterion', () => {
    const { warnings } = loadRubricFile(RUBRIC_FILE);
    expect(warnings).toEqual([]);
    for (const c of rubric.sections.flatMap((s) => s.clauses.flatMap((k) => k.criteria))) {
      expect(c.title['zh-CN'] && c.title.en && c.expects.en && c.action['zh-CN'] && c.provenance.source).toBeTruthy();
    }
  });

  it('measures 5.1.2.2 (5 points) at 10 % and lets 5.2.6.1 be excluded', () => {
    const all = rubric.sections.flatMap((s) => s.clauses.flatMap((k) => k.criteria));
    expect(all.find((c) => c.id === '5.1.2.2')).toMatchObject({ points: 5, kind: 'ratio-threshold', measure: { atLeast: 0.1 } });
    expect(all.find((c) => c.id === '5.2.6.1')!.notApplicable).toBeDefined();
    expect(rubric.levels.list.map((l) => [l.id, l.minScore])).toEqual([
      ['fail', 0],
      ['compliant', 70],
      ['three-star', 80],
      ['four-star', 90],
      ['five-star', 95],
    ]);
  });
});

describe('rubric lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-rubric-'));
  const original = readFileSync(RUBRIC_FILE, 'utf8');
  const lint = (edit: (s: string) => string) => {
    const file = join(dir, 'r.yaml');
    writeFileSync(file, edit(original));
    try {
      loadRubricFile(file);
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.diagnostics.map((d) => `${d.line}: ${en(d).message}`);
    }
  };
  const lineOf = (needle: string) => original.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('catches points that no longer add up, at the clause', () => {
    const d = lint((s) => s.replace('id: "5.1.1.1"\n            points: 2', 'id: "5.1.1.1"\n            points: 3'));
    expect(d).toContain(`${lineOf('id: "5.1.1"') + 1}: clause 5.1.1 is worth 4 but its criteria add up to 5`);
  });
  it('catches duplicate and misplaced ids', () => {
    const d = lint((s) => s.replace('id: "5.1.1.2"', 'id: "5.1.1.1"'));
    expect(d.some((x) => /duplicate id 5\.1\.1\.1/.test(x))).toBe(true);
    const e = lint((s) => s.replace('id: "5.1.1.2"', 'id: "5.2.1.9"'));
    expect(e.some((x) => /not a child of clause 5\.1\.1/.test(x))).toBe(true);
  });
  it('catches undeclared metrics and unordered levels', () => {
    expect(
      lint((s) => s.replace('numerator: certifiedServiceManagers', 'numerator: certifiedManagers')).some((x) =>
        /undeclared metric `certifiedManagers`/.test(x),
      ),
    ).toBe(true);
    expect(lint((s) => s.replace('minScore: 90', 'minScore: 79')).some((x) => /four-star \(79\) must have a higher minScore/.test(x))).toBe(true);
  });
  it('catches undeclared provenance sources and unknown data metrics', () => {
    expect(
      lint((s) => s.replace('provenance: { source: seed-003, confidence: M }', 'provenance: { source: seed-999, confidence: M }')).some((x) =>
        /provenance source `seed-999` is not declared/.test(x),
      ),
    ).toBe(true);
    expect(
      lint((s) => s.replace('metric: survey.satisfactionRate', 'metric: survey.happiness')).some((x) => /unknown data metric `survey.happiness`/.test(x)),
    ).toBe(true);
  });
  it('effort is a positive number of days, and a rubric that estimates effort estimates it for every criterion', () => {
    expect(
      lint((s) => s.replace('id: "5.1.1.1"\n            points: 2\n            effort: 2', 'id: "5.1.1.1"\n            points: 2\n            effort: 0')),
    ).toHaveLength(1);
    const file = join(dir, 'no-effort.yaml');
    writeFileSync(file, original.replace('id: "5.1.1.1"\n            points: 2\n            effort: 2\n', 'id: "5.1.1.1"\n            points: 2\n'));
    // 34 criteria, 33 with an estimate.
    expect(loadRubricFile(file).warnings.map((w) => `${w.line}: ${en(w).message}`)).toEqual([
      `${lineOf('id: "5.1.1.1"')}: criterion 5.1.1.1 has no \`effort\` (estimated working days) while 33 others have one`,
    ]);
  });
  it('warns, without failing, about a criterion kind this version does not know', () => {
    const file = join(dir, 'future.yaml');
    writeFileSync(file, original.replace('kind: ratio-threshold', 'kind: ratio-threshold-v2'));
    const { warnings } = loadRubricFile(file);
    expect(warnings.map((w) => en(w).message)).toEqual([
      'criterion kind `ratio-threshold-v2` is not known to this version; 5.1.2.2 will be scored as unsupported',
      'criterion 5.1.2.2 has a `measure` but kind `ratio-threshold-v2` ignores it',
    ]);
  });
  it('catches schema errors with the position of the offending key', () => {
    const d = lint((s) => s.replace('partialCredit: 0.5', 'partialCredit: 1.5'));
    expect(d).toEqual([`${lineOf('partialCredit')}: \`scoring.partialCredit\` must be at most 1`]);
  });
});
