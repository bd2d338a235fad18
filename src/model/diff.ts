import type { Localized } from './localized.js';
import type { LevelId } from './rubric.js';
import type { Outcome } from './outcome.js';
import type { IsoDate, Points, Score100 } from './units.js';

/** Why a criterion's points changed between two reports. */
export const CHANGE_CAUSES = [
  'evidence-expired',
  'evidence-aged',
  'file-missing',
  'evidence-changed',
  'data-changed',
  'applicable-total',
  'rubric-changed',
  'evidence-edited',
] as const;
export type ChangeCause = (typeof CHANGE_CAUSES)[number];

export interface ReportSide {
  label: string;
  assessmentDate: IsoDate;
  final: Score100;
  level: LevelId;
  levelName: Localized;
  rubricSha256: string;
  company: string;
}

export interface CriterionChange {
  id: string;
  clause: string;
  title: Localized;
  before: { earned: Points; outcome: Outcome } | null;
  after: { earned: Points; outcome: Outcome } | null;
  /** Effect on the final score, on the 100-point scale (negative: lost). */
  delta: Score100;
  causes: ChangeCause[];
  /** Evidence refs involved in the change (expired, aged, missing, changed). */
  refs: string[];
}

export interface ClauseChange {
  id: string;
  title: Localized;
  before: Points | null;
  after: Points | null;
  delta: Points;
}

export interface ReportDiff {
  base: ReportSide;
  head: ReportSide;
  scoreDelta: Score100;
  levelChange: 'up' | 'down' | 'same';
  /** True when the level or the final score dropped. */
  regression: boolean;
  clauses: ClauseChange[];
  /** Largest effect first. */
  criteria: CriterionChange[];
  /** The parts of the final score that are not criteria (100-point scale), before → after. */
  parts: {
    applicable: { before: Points; after: Points };
    deductions: { before: Score100; after: Score100; countBefore: number; countAfter: number };
    bonus: { before: Score100; after: Score100 };
  };
  /** The two reports are of different companies (by name): the comparison is probably a mistake. */
  companyChanged: boolean;
}
