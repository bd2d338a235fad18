import type { Gap, LevelPath, PathBlocker } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';
import { roundTo, type Points, type Score100, type WorkingDays } from '../model/units.js';
import { finalScore } from './finalScore.js';
import { levelIndex } from './levels.js';

export interface PathScore {
  earned: Points;
  applicable: Points;
  deductionPoints: Score100;
  bonusPoints: Score100;
  deductionCount: number;
}

/** One way to recover a given number of points: its total effort and the gaps closed (indices in rubric order). */
interface Way {
  effort: number;
  items: number[];
}

/**
 * For the next level and every level above it, the set of gaps with the least total effort whose closing
 * reaches it — exact, a 0/1 knapsack over the points each gap recovers (greedy by points, or by points per
 * day, can miss the cheapest set). Closing a gap earns its lost points in full; special deductions and the
 * bonus are kept, as an auditor would find them. Points are counted in hundredths and days in hundredths, so
 * sums are exact integers. Ties: the least effort, then the higher resulting score, then the fewest actions,
 * then the set that comes first in rubric order. Where no set reaches a level, what blocks it.
 *
 * Pure. The states are the distinct point sums reachable (a few hundred for this rubric), not every hundredth.
 */
export function cheapestPaths(rubric: Rubric, gaps: readonly Gap[], rubricOrder: readonly string[], score: PathScore): LevelPath[] {
  const levels = rubric.levels.list;
  const current = levelIndex(rubric, finalScore(score.earned, score.applicable, score.deductionPoints, score.bonusPoints), score.deductionCount);
  if (current >= levels.length - 1) return [];

  const order = new Map(rubricOrder.map((id, i) => [id, i] as const));
  const fixable = gaps.filter((g) => g.fix !== 'upgrade').sort((a, b) => (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0));
  const unsupported = gaps.filter((g) => g.fix === 'upgrade');
  const units = fixable.map((g) => Math.round(g.lost * 100));
  const cost = fixable.map((g) => Math.round(g.effort.days * 100));

  // best.get(s): the preferred way to recover exactly s hundredths of a point.
  const best = new Map<number, Way>([[0, { effort: 0, items: [] }]]);
  fixable.forEach((_, i) => {
    // Snapshot first: each gap is closed at most once (0/1).
    for (const [s, way] of [...best]) {
      const key = s + units[i]!;
      const effort = way.effort + cost[i]!;
      const held = best.get(key);
      // Most candidates lose on effort alone: only a possible winner gets its list of items built.
      if (held && held.effort < effort) continue;
      const next: Way = { effort, items: [...way.items, i] };
      if (!held || better(next, held)) best.set(key, next);
    }
  });

  const at = (recovered: number) => finalScore(score.earned + recovered / 100, score.applicable, score.deductionPoints, score.bonusPoints);
  const maxRecovered = units.reduce((a, b) => a + b, 0);
  const paths: LevelPath[] = [];
  for (let target = current + 1; target < levels.length; target++) {
    const level = levels[target]!;
    let chosen: { s: number; way: Way; final: Score100 } | null = null;
    for (const [s, way] of best) {
      const final = at(s);
      if (levelIndex(rubric, final, score.deductionCount) < target) continue;
      if (
        !chosen ||
        way.effort < chosen.way.effort ||
        (way.effort === chosen.way.effort && (final > chosen.final || (final === chosen.final && better(way, chosen.way))))
      )
        chosen = { s, way, final };
    }
    const base = { level: level.id, levelName: level.name, threshold: level.minScore };
    if (chosen) {
      paths.push({
        ...base,
        reachable: true,
        actions: runningActions(chosen.way.items, fixable, units, at),
        effort: roundTo(chosen.way.effort / 100, 2) as WorkingDays,
        final: chosen.final,
        blockers: [],
      });
    } else {
      paths.push({
        ...base,
        reachable: false,
        actions: [],
        effort: 0,
        final: at(maxRecovered),
        blockers: blockers(rubric, level.minScore, at(maxRecovered), score, unsupported),
      });
    }
  }
  return paths;
}

/**
 * The chosen gaps in rubric order, each with the final score once it and every one before it are closed —
 * scored by the same formula, so the last one's `after` is the path's `final` exactly (summing rounded
 * `recoverable`s could drift by a tenth).
 */
function runningActions(
  items: readonly number[],
  fixable: readonly Gap[],
  units: readonly number[],
  at: (recovered: number) => Score100,
): LevelPath['actions'] {
  let recovered = 0;
  return items.map((i) => {
    const g = fixable[i]!;
    recovered += units[i]!;
    return { criterion: g.criterion, recoverable: g.recoverable, effort: g.effort, after: at(recovered) };
  });
}

/** Same effort assumed: fewer actions first, then the set that comes first in rubric order. */
function better(a: Way, b: Way): boolean {
  if (a.effort !== b.effort) return a.effort < b.effort;
  if (a.items.length !== b.items.length) return a.items.length < b.items.length;
  for (let k = 0; k < a.items.length; k++) if (a.items[k] !== b.items[k]) return a.items[k]! < b.items[k]!;
  return false;
}

/** Why closing every gap the company can close still misses the level. */
function blockers(rubric: Rubric, threshold: Score100, maxFinal: Score100, score: PathScore, unsupported: readonly Gap[]): PathBlocker[] {
  const out: PathBlocker[] = [];
  const limit = rubric.levels.failWhenSpecialDeductionsAtLeast;
  if (score.deductionCount >= limit) out.push({ code: 'special-deductions-fail', count: score.deductionCount, limit });
  else if (maxFinal < threshold && score.deductionPoints > 0) out.push({ code: 'special-deductions-points', points: score.deductionPoints, maxFinal });
  if (unsupported.length > 0) out.push({ code: 'unsupported', criteria: unsupported.map((g) => g.criterion) });
  if (out.length === 0) out.push({ code: 'points', maxFinal });
  return out;
}
