import { roundTo, type Points, type Score100 } from '../model/units.js';

/**
 * Standard §6.3 rule 6, the one formula: earned / applicable × 100 (points on the rubric's scale → the
 * 100-point scale), minus the special deductions, plus the bonus, clamped to 0–100, one decimal. The report,
 * the bounds and the cheapest paths all call this, so a "what if" score is computed exactly as the real one.
 */
export function finalScore(earned: Points, applicable: Points, deductionPoints: Score100, bonusPoints: Score100): Score100 {
  const normalized = applicable > 0 ? (earned / applicable) * 100 : 0;
  return roundTo(Math.min(100, Math.max(0, normalized - deductionPoints + bonusPoints)), 1);
}
