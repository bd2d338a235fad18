import type { Gap, LevelResult } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';
import { roundTo, type Score100 } from '../model/units.js';

/** The level read from the rounded final score and the count of special deductions (levels are rubric data). */
export function determineLevel(rubric: Rubric, final: Score100, specialDeductions: number, gaps: readonly Gap[]): LevelResult {
  const list = rubric.levels.list;
  const blocked = specialDeductions >= rubric.levels.failWhenSpecialDeductionsAtLeast;
  const index = levelIndex(rubric, final, specialDeductions);
  const current = list[index]!;
  const nextDef = list[index + 1];
  const next = nextDef
    ? (() => {
        const pointsNeeded = roundTo(Math.max(0, nextDef.minScore - final), 1);
        return {
          id: nextDef.id,
          name: nextDef.name,
          threshold: nextDef.minScore,
          pointsNeeded,
          closingGaps: closingGaps(gaps, pointsNeeded),
          blockedBySpecialDeductions: blocked,
        };
      })()
    : null;
  return { id: current.id, name: current.name, stars: current.stars, next };
}

/** Index in `rubric.levels.list` of the level a rounded final score and a count of special deductions give. */
export function levelIndex(rubric: Rubric, final: Score100, specialDeductions: number): number {
  if (specialDeductions >= rubric.levels.failWhenSpecialDeductionsAtLeast) return 0;
  let index = 0;
  rubric.levels.list.forEach((level, i) => {
    if (final >= level.minScore) index = i;
  });
  return index;
}

/** The fewest gaps, largest first, that together recover `needed` points; [] when all of them cannot. */
function closingGaps(gaps: readonly Gap[], needed: Score100): string[] {
  if (needed <= 0) return [];
  const chosen: string[] = [];
  let sum = 0;
  for (const gap of gaps) {
    chosen.push(gap.criterion);
    sum += gap.recoverable;
    if (sum >= needed - 1e-9) return chosen;
  }
  return [];
}
