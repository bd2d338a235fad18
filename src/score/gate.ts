import { criteriaOf } from '../model/criteriaOf.js';
import type { Report } from '../model/report.js';
import type { Outcome } from '../model/outcome.js';
import { LEVEL_IDS, type LevelId } from '../model/rubric.js';
import type { Points, Score100 } from '../model/units.js';

/**
 * What CI requires of a report, from every source at once (--fail-under, --min-level, --thresholds,
 * --fail-on-regression): where two sources set the same bar, the stricter one applies, so one failure
 * gives one message.
 */
export interface Gate {
  minScore?: Score100 | undefined;
  minLevel?: LevelId | undefined;
  /** Minimum points earned per section or clause id. */
  points?: Record<string, Points> | undefined;
  mustPass?: readonly string[] | undefined;
  failOnRegression?: boolean | undefined;
}

export type GateFailure =
  | { code: 'min-score'; value: Score100; required: Score100 }
  | { code: 'min-level'; value: LevelId; required: LevelId }
  | { code: 'min-points'; id: string; value: Points; required: Points }
  | { code: 'must-pass'; id: string; outcome: Outcome }
  | { code: 'regression'; against: string; base: { final: Score100; level: LevelId }; head: { final: Score100; level: LevelId } };

/** Merges the bars of several sources, keeping the stricter of each. */
export function mergeGates(...gates: Gate[]): Gate {
  const out: Gate = {};
  for (const g of gates) {
    if (g.minScore !== undefined) out.minScore = Math.max(out.minScore ?? 0, g.minScore);
    if (g.minLevel !== undefined)
      out.minLevel = out.minLevel === undefined || LEVEL_IDS.indexOf(g.minLevel) > LEVEL_IDS.indexOf(out.minLevel) ? g.minLevel : out.minLevel;
    for (const [id, p] of Object.entries(g.points ?? {})) out.points = { ...out.points, [id]: Math.max(out.points?.[id] ?? 0, p) };
    if (g.mustPass) out.mustPass = [...new Set([...(out.mustPass ?? []), ...g.mustPass])];
    if (g.failOnRegression) out.failOnRegression = true;
  }
  return out;
}

/** Pure: the bars a report misses, typed; [] when it meets them all. Wording: messages/gate.ts. */
export function checkGate(report: Report, gate: Gate): GateFailure[] {
  const out: GateFailure[] = [];
  if (gate.minScore !== undefined && report.score.final < gate.minScore) out.push({ code: 'min-score', value: report.score.final, required: gate.minScore });
  if (gate.minLevel !== undefined && LEVEL_IDS.indexOf(report.level.id) < LEVEL_IDS.indexOf(gate.minLevel))
    out.push({ code: 'min-level', value: report.level.id, required: gate.minLevel });
  if (gate.points) {
    const earned = new Map<string, Points>();
    for (const s of report.sections) {
      earned.set(s.id, s.earned);
      for (const cl of s.clauses) earned.set(cl.id, cl.earned);
    }
    for (const [id, required] of Object.entries(gate.points)) {
      const value = earned.get(id) ?? 0;
      if (value < required) out.push({ code: 'min-points', id, value, required });
    }
  }
  if (gate.mustPass?.length) {
    const outcomes = new Map(criteriaOf(report).map((c) => [c.id, c.outcome] as const));
    for (const id of gate.mustPass) {
      const outcome = outcomes.get(id) ?? 'not-assessed';
      if (outcome !== 'met' && outcome !== 'not-applicable') out.push({ code: 'must-pass', id, outcome });
    }
  }
  const diff = report.comparison?.kind === 'baseline' ? report.comparison.diff : null;
  if (gate.failOnRegression && diff?.regression)
    out.push({
      code: 'regression',
      against: diff.base.label,
      base: { final: diff.base.final, level: diff.base.level },
      head: { final: diff.head.final, level: diff.head.level },
    });
  return out;
}

/** A stable name for the check (JUnit test case names, SARIF ids): never the measured value. */
export function gateCheckName(f: GateFailure): string {
  switch (f.code) {
    case 'min-score':
      return 'minimum score';
    case 'min-level':
      return 'minimum level';
    case 'min-points':
      return `minimum points ${f.id}`;
    case 'must-pass':
      return `must pass ${f.id}`;
    case 'regression':
      return 'no regression';
  }
}

/** The names of every check a gate asks for, failing or not: CI test reports list each, so a check keeps
 *  its identity from run to run (a check that passes is a passed test, not a missing one). */
export function requestedChecks(gate: Gate): string[] {
  const out: string[] = [];
  if (gate.minScore !== undefined) out.push(gateCheckName({ code: 'min-score', value: 0, required: gate.minScore }));
  if (gate.minLevel !== undefined) out.push(gateCheckName({ code: 'min-level', value: gate.minLevel, required: gate.minLevel }));
  for (const id of Object.keys(gate.points ?? {})) out.push(gateCheckName({ code: 'min-points', id, value: 0, required: 0 }));
  for (const id of gate.mustPass ?? []) out.push(gateCheckName({ code: 'must-pass', id, outcome: 'met' }));
  if (gate.failOnRegression) out.push('no regression');
  return out;
}
