import type { Localized } from './localized.js';
import type { Points, Ratio, Score100, WorkingDays } from './units.js';

export type Confidence = 'H' | 'M' | 'L';

export interface Provenance {
  /** A key of `Rubric.sources`. */
  source: string;
  confidence: Confidence;
  /** How the value was arrived at: plain text (shown in English reports only), or localized. */
  note?: string | Localized;
}

/** How a criterion turns evidence into credit. Add a kind here, then in evaluate/criterionKinds.ts. */
/**
 * How a criterion is evaluated. `data` is not written in a rubric: a criterion with a `data` rule is
 * evaluated as `data`, which falls back to its written kind when no referenced dataset speaks to it.
 */
export const CRITERION_KINDS = ['claim', 'ratio-threshold', 'data'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const DATA_RULES = ['proportional', 'complement', 'conducted', 'at-least'] as const;
export type DataRuleKind = (typeof DATA_RULES)[number];
export interface DataRule {
  metric: string;
  rule: DataRuleKind;
  atLeast?: Ratio;
  minSample?: number;
  maxAgeMonths?: number;
}

export interface RatioMeasure {
  /** Keys of `Rubric.metrics`. */
  numerator: string;
  denominator: string;
  atLeast: Ratio;
}

export interface Criterion {
  id: string;
  points: Points;
  /** Working days its action takes: an estimate (the bundled rubric's are ours), overridable per evidence file. */
  effort?: WorkingDays;
  title: Localized;
  /** Absent means `claim`. A kind this build does not know is scored as `unsupported`, not a crash. */
  kind?: CriterionKind | string;
  measure?: RatioMeasure;
  /**
   * When the evidence file references the dataset this metric comes from, the data sets the credit
   * instead of the claimed status: `proportional` credits the share itself (like a sample), `complement`
   * credits 1 − the share (a failure rate such as repeat repairs), `conducted` is met when the dataset is
   * recent and large enough (a survey carried out as the criterion describes), `at-least` is met at or
   * above `atLeast`. The data must cover at least `minSample` rows and be no older than `maxAgeMonths`
   * (default: the criterion's).
   */
  data?: DataRule;
  /** Present when the criterion may be excluded (删减); the text says when. */
  notApplicable?: Localized;
  /** Evidence dated more than this many months before the assessment date does not count. */
  maxAgeMonths?: number;
  /** What an auditor samples for proportional credit, when the criterion is sampled. */
  sampling?: Localized;
  expects: Localized;
  action: Localized;
  provenance: Provenance;
}

export interface Clause {
  id: string;
  points: Points;
  title: Localized;
  provenance: Provenance;
  criteria: Criterion[];
}

export interface Section {
  id: string;
  points: Points;
  title: Localized;
  provenance: Provenance;
  clauses: Clause[];
}

export const LEVEL_IDS = ['fail', 'compliant', 'three-star', 'four-star', 'five-star'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export interface LevelDef {
  id: LevelId;
  minScore: Score100;
  stars: number;
  name: Localized;
}

export interface MetricDef {
  unit: string;
  title: Localized;
  /** A dataset metric this typed figure must agree with, when the dataset is referenced. */
  computedFrom?: string;
}

export interface Rubric {
  schemaVersion: 1;
  id: string;
  version: string;
  title: Localized;
  standard: { code: string; issued: string; effective: string };
  provenance: Provenance;
  /** `title` for tools; `label` is how a client's report names the source. */
  /** What the points rest on, in one sentence (every report's decision page states it). */
  pointsBasis?: Localized;
  /** `see`: where the source is described, relative to the rubric file (the bundled one: sources.md beside it). */
  sources: Record<string, { title: string; see?: string; label?: Localized; confidence: Confidence }>;
  scoring: {
    partialCredit: Ratio;
    specialDeductionPoints: Score100;
    bonusPoints: Score100;
    maxBonuses: number;
    provenance: Provenance;
  };
  levels: {
    failWhenSpecialDeductionsAtLeast: number;
    provenance: Provenance;
    /** Ordered from lowest to highest minScore; the first is the failing level. */
    list: LevelDef[];
  };
  metrics: Record<string, MetricDef>;
  sections: Section[];
}

/** A rubric plus where it came from, as the report cites it. */
export interface LoadedRubric {
  rubric: Rubric;
  /** sha256 of the rubric file's bytes, so a report names exactly what it was scored against. */
  sha256: string;
  /** "bundled" or the path the user gave. */
  origin: string;
}
