import type { ScoreBounds, SectionResult } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';
import type { Points, Score100 } from '../model/units.js';
import { finalScore } from './finalScore.js';
import { levelIndex } from './levels.js';

/**
 * How low and how high the final score and level can land once every unanswered (not-assessed) criterion is
 * assessed, everything else as it stands (special deductions and the bonus kept).
 *
 * Lowest: each unanswered criterion found not conforming — 0 points, its points still applicable. Marking it
 * n/a instead (where the rubric allows) would take its points out of the total and so raise the score, never
 * lower it. Highest: each met in full — (E + p) / (A + p) ≥ E / A whenever E ≤ A, so met is never worse than
 * n/a either, and n/a is not needed for the maximum. With nothing unanswered both bounds are the score itself.
 */
export function scoreBounds(
  rubric: Rubric,
  sections: readonly SectionResult[],
  score: { earned: Points; applicable: Points; deductionPoints: Score100; bonusPoints: Score100; deductionCount: number },
): ScoreBounds {
  const unanswered = sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria.filter((k) => k.applicable && k.outcome === 'not-assessed')));
  const open: Points = unanswered.reduce((a, k) => a + (k.points - k.earned), 0);
  const at = (earned: Points) => {
    const final = finalScore(earned, score.applicable, score.deductionPoints, score.bonusPoints);
    const level = rubric.levels.list[levelIndex(rubric, final, score.deductionCount)]!;
    return { final, level: level.id, levelName: level.name };
  };
  return {
    unanswered: unanswered.map((k) => k.id),
    low: at(score.earned),
    high: at(score.earned + open),
  };
}
