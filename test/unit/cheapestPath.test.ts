import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriterionEntry } from '../../src/model/evidence.js';
import { readReport } from '../../src/render/reading.js';
import { allCriteria, allMet, score, withCriteria } from '../helpers.js';

// Four gaps, all claimed not met, each with the company's own effort (working days):
//   A 5.1.5.1 4 points, 4 days   B 5.1.4.1 3 points, 3 days   D 5.1.1.1 2 points, 1 day   E 5.1.1.2 2 points, 1.5 days
// Lost 4 + 3 + 2 + 2 = 11 → earned 89 of 100 → 89.0, three-star.
const notMet = (effort: number): CriterionEntry => ({ status: 'not-met', effort });
const gaps = (eEffort = 1.5) => withCriteria({ '5.1.5.1': notMet(4), '5.1.4.1': notMet(3), '5.1.1.1': notMet(1), '5.1.1.2': notMet(eEffort) });
const ids = (p: { actions: Array<{ criterion: string }> }) => p.actions.map((a) => a.criterion);

describe('cheapest path to each level (exact 0/1 knapsack on effort)', () => {
  it('is exact where greedy by points (and greedy by points per day) picks a dearer set', () => {
    const r = score(gaps());
    expect(r.score.final).toBe(89);
    expect(r.paths.map((p) => p.level)).toEqual(['four-star', 'five-star']);
    const [four, five] = r.paths;
    // Four-star needs 1 point: greedy by points takes A (4 days, 93.0); D alone does it in 1 day: 91.0.
    expect(four).toMatchObject({ reachable: true, effort: 1, final: 91 });
    expect(ids(four!)).toEqual(['5.1.1.1']);
    // Five-star needs 6 points. Greedy by points: A + B = 7 points, 4 + 3 = 7 days. Greedy by points per day:
    // D (2/day), E (1.33/day), A (1/day) = 8 points, 1 + 1.5 + 4 = 6.5 days. Every set of ≥ 6 points:
    // A+D 6 pts 5 d · A+E 6 pts 5.5 d · B+D+E 7 pts 5.5 d · A+B 7 d · … → A + D, 5 days, 95 / 100 → 95.0.
    expect(five).toMatchObject({ reachable: true, effort: 5, final: 95 });
    expect(ids(five!)).toEqual(['5.1.1.1', '5.1.5.1']);
    expect(five!.actions.map((a) => a.effort)).toEqual([
      { days: 1, source: 'evidence' },
      { days: 4, source: 'evidence' },
    ]);
  });

  it('breaks ties deterministically: same effort and score, fewer actions, then rubric order', () => {
    // E at 1 day: D and E each reach four-star in 1 day at 91.0; D (5.1.1.1) comes first in the rubric.
    expect(ids(score(gaps(1)).paths[0]!)).toEqual(['5.1.1.1']);
    // And the same run again gives the same answer.
    expect(score(gaps(1)).paths).toEqual(score(gaps(1)).paths);
  });

  it('uses the rubric estimate without an override, and an override on an unanswered criterion', () => {
    // 5.1.4.2 not met (2 points, rubric: 3 days); 5.1.6.1 unanswered (3 points) with the company's 0.5 days.
    const r = score(withCriteria({ '5.1.4.2': { status: 'not-met' }, '5.1.6.1': { effort: 0.5 } }));
    // Earned 95 → 95.0 five-star: the top level, no path.
    expect(r.paths).toEqual([]);
    expect(r.gaps.map((g) => [g.criterion, g.effort])).toEqual([
      ['5.1.6.1', { days: 0.5, source: 'evidence' }],
      ['5.1.4.2', { days: 3, source: 'rubric' }],
    ]);
  });

  it('says what blocks a level no set of gaps reaches: five special deductions fail whatever the points', () => {
    const e = { ...gaps(), specialDeductions: Array.from({ length: 5 }, (_, i) => ({ clause: '5.3.2', reason: `r${i}` })) };
    const r = score(e);
    expect(r.level.id).toBe('fail');
    expect(r.paths.map((p) => [p.level, p.reachable])).toEqual([
      ['compliant', false],
      ['three-star', false],
      ['four-star', false],
      ['five-star', false],
    ]);
    // Every gap closed: 100 − 5 = 95.0, but the deductions fail it.
    expect(r.paths[0]).toMatchObject({ final: 95, effort: 0, actions: [], blockers: [{ code: 'special-deductions-fail', count: 5, limit: 5 }] });
    expect(readReport(r, 'en').decisionLines[0]).toBe('Compliant (≥ 70): out of reach — 5 special deductions (5 fail the assessment) must be corrected first');
  });

  it('the reading words each path in both languages, the effort marked as an estimate', () => {
    const r = score(gaps());
    expect(readReport(r, 'en').decisionLines).toEqual([
      'Least effort to Four-star (≥ 90): close 5.1.1.1 (estimated working days: 1), for 91.0',
      'Least effort to Five-star (≥ 95): close 5.1.1.1, 5.1.5.1 (estimated working days: 5), for 95.0',
    ]);
    expect(readReport(r, 'zh-CN').decisionLines[1]).toBe('最省工作量达到五星级（≥ 95）：完成 5.1.1.1、5.1.5.1，估计共 5 个工作日，预计得分 95.0');
  });

  it('all met: nothing to plan', () => {
    expect(score(allMet()).paths).toEqual([]);
  });
});

describe('cheapest path against brute force', () => {
  // Claim criteria with whole points: with nothing excluded and no deduction the final score is the points
  // earned, so every subset's score is plain addition and all 2^n subsets can be tried.
  const pool = allCriteria.filter((c) => !c.kind && !c.data && Number.isInteger(c.points)).slice(0, 9);
  it('the least total effort to each level equals the minimum over every subset of the gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 40 })), { minLength: pool.length, maxLength: pool.length }), (picks) => {
        const open = pool.flatMap((c, i) => (picks[i]![0] ? [{ id: c.id, points: c.points, days: picks[i]![1] / 2 }] : []));
        const r = score(withCriteria(Object.fromEntries(open.map((o) => [o.id, { status: 'not-met' as const, effort: o.days }]))));
        const earned = 100 - open.reduce((a, o) => a + o.points, 0);
        for (const p of r.paths) {
          let min = Number.POSITIVE_INFINITY;
          for (let mask = 0; mask < 1 << open.length; mask++) {
            const set = open.filter((_, i) => mask & (1 << i));
            if (earned + set.reduce((a, o) => a + o.points, 0) >= p.threshold)
              min = Math.min(
                min,
                set.reduce((a, o) => a + o.days, 0),
              );
          }
          expect(p.reachable).toBe(true);
          expect(p.effort).toBeCloseTo(min, 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
