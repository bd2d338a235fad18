import { describe, expect, it } from 'vitest';
import type { CriterionEntry } from '../../src/model/evidence.js';
import { readReport } from '../../src/render/reading.js';
import { allMet, score, withCriteria } from '../helpers.js';

// A third of the rubric's 34 criteria left unanswered (11 claim criteria of 5.1, worth 27 points:
// 5.1.1.1 2 + 5.1.1.2 2 + 5.1.2.1 2 + 5.1.3.1 2 + 5.1.3.2 2 + 5.1.3.3 2 + 5.1.4.1 3 + 5.1.4.2 2 + 5.1.5.1 4
// + 5.1.5.2 3 + 5.1.6.1 3 = 27), one criterion not met (5.2.1.1, 3 points), one special deduction (1 point).
const UNANSWERED = ['5.1.1.1', '5.1.1.2', '5.1.2.1', '5.1.3.1', '5.1.3.2', '5.1.3.3', '5.1.4.1', '5.1.4.2', '5.1.5.1', '5.1.5.2', '5.1.6.1'];

function thirdUnanswered(extra: Record<string, CriterionEntry> = {}) {
  const patch = Object.fromEntries(UNANSWERED.map((id) => [id, undefined]));
  const evidence = withCriteria({ ...patch, '5.2.1.1': { status: 'not-met' }, ...extra });
  return { ...evidence, specialDeductions: [{ clause: '5.3.1', reason: 'a complaint left unanswered' }] };
}

describe('score bounds (lowest and highest once the unanswered criteria are assessed)', () => {
  it('a third unanswered: from the score as it stands up to every open criterion met', () => {
    const r = score(thirdUnanswered());
    // Now: earned 100 − 27 − 3 = 70 of 100 → 70.0 − 1 deduction = 69.0 → fail (below 70).
    expect(r.score.final).toBe(69);
    expect(r.bounds.unanswered).toEqual(UNANSWERED);
    // Lowest: every unanswered criterion not conforming, 0 points still applicable: 69.0, fail.
    expect(r.bounds.low).toMatchObject({ final: 69, level: 'fail' });
    // Highest: all 27 points earned: 97 / 100 → 97.0 − 1 = 96.0 → five-star (≥ 95), the deduction kept.
    expect(r.bounds.high).toMatchObject({ final: 96, level: 'five-star' });
  });

  it('an exclusion stays excluded: the bounds use the applicable total without it', () => {
    const r = score(thirdUnanswered({ '5.2.6.1': { status: 'n/a', justification: 'no installation' } }));
    // Applicable 100 − 2 = 98; earned 98 − 27 − 3 = 68 → 68 / 98 × 100 = 69.387… − 1 = 68.387… → 68.4, fail.
    expect(r.bounds.low).toMatchObject({ final: 68.4, level: 'fail' });
    // Highest: 95 / 98 × 100 = 96.938… − 1 = 95.938… → 95.9, five-star.
    expect(r.bounds.high).toMatchObject({ final: 95.9, level: 'five-star' });
  });

  it('five special deductions fail at both bounds, whatever the points', () => {
    const e = thirdUnanswered();
    const r = score({ ...e, specialDeductions: Array.from({ length: 5 }, (_, i) => ({ clause: '5.3.1', reason: `r${i}` })) });
    expect(r.bounds.low.level).toBe('fail');
    // 97 − 5 = 92.0: four-star by points, but 5 deductions fail the assessment.
    expect(r.bounds.high).toMatchObject({ final: 92, level: 'fail' });
  });

  it('with nothing unanswered the bounds collapse to the score', () => {
    const r = score(withCriteria({ '5.2.1.1': { status: 'not-met' } }));
    // 97 / 100 = 97.0 → five-star.
    expect(r.bounds).toEqual({
      unanswered: [],
      low: { final: 97, level: 'five-star', levelName: r.level.name },
      high: { final: 97, level: 'five-star', levelName: r.level.name },
    });
    expect(readReport(r, 'en').decisionLines).toEqual([]);
    expect(score(allMet()).bounds.high.final).toBe(100);
  });

  it('the reading words the bounds in both languages', () => {
    const r = score(thirdUnanswered());
    expect(readReport(r, 'en').decisionLines[0]).toBe('Not assessed: 11. Once assessed: lowest 69.0 (Fail), highest 96.0 (Five-star)');
    expect(readReport(r, 'zh-CN').decisionLines[0]).toBe('未评估 11 项，评完后：最低 69.0（不合格），最高 96.0（五星级）');
  });
});
