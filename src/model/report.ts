import type { DataRuleKind } from './rubric.js';
import type { Finding } from './finding.js';
import type { Lang, Localized } from './localized.js';
import type { LevelId } from './rubric.js';
import type { IsoDate, Points, Ratio, Score100, WorkingDays } from './units.js';
import type { Status } from './evidence.js';
import type { ReportDiff } from './diff.js';
import type { DatasetSummary } from './data.js';
import type { Outcome } from './outcome.js';

export type EvidenceState = 'found' | 'url' | 'missing' | 'expired' | 'too-old' | 'undated' | 'hash-mismatch' | 'outside-root' | 'not-a-file';

export interface EvidenceResult {
  /** The file path or URL as written. */
  ref: string;
  kind: 'file' | 'url';
  title: string | null;
  date: IsoDate | null;
  expires: IsoDate | null;
  state: EvidenceState;
  /** True when this item is enough to support the claim. */
  counts: boolean;
  /** The content was reviewed: a sha256 recorded for the file, and the file unchanged since. */
  reviewed: boolean;
  path: string;
}

export interface CriterionResult {
  id: string;
  title: Localized;
  points: Points;
  applicable: boolean;
  /** What the evidence file claims; null when it says nothing. */
  status: Status | null;
  /** The assessor's own remark on the criterion (`note` in the evidence file). */
  note: string | null;
  /** Who closes the gap and by when (`owner`, `due` in the evidence file). */
  owner: string | null;
  due: IsoDate | null;
  /** Working days closing a gap here takes, and whose estimate it is (`default`: neither gave one, 1 day assumed). */
  effort: Effort;
  /** Share of the points credited after the evidence checks. */
  credit: Ratio;
  earned: Points;
  outcome: Outcome;
  findings: Finding[];
  evidence: EvidenceResult[];
  expects: Localized;
  action: Localized;
  path: string;
}

export interface Effort {
  days: WorkingDays;
  source: 'rubric' | 'evidence' | 'default';
}

/** What sections and clauses both report. */
interface ScoredGroup {
  id: string;
  title: Localized;
  points: Points;
  /** Points left after exclusions (删减). */
  applicablePoints: Points;
  earned: Points;
  /** earned / applicablePoints; null when nothing applies. */
  ratio: Ratio | null;
}

export interface ClauseResult extends ScoredGroup {
  criteria: CriterionResult[];
}

export interface SectionResult extends ScoredGroup {
  clauses: ClauseResult[];
}

/**
 * What closing a gap takes: `evidence` — the practice is claimed but the evidence does not hold up
 * (missing, expired, none cited); `assess` — nobody assessed the criterion yet; `practice` — a real
 * nonconformity to correct; `upgrade` — the rubric needs a newer aftersales-assess.
 */
export type GapFix = 'evidence' | 'assess' | 'practice' | 'upgrade';

export interface Gap {
  criterion: string;
  clause: string;
  title: Localized;
  outcome: Outcome;
  /** Points lost on the criterion's own scale. */
  lost: Points;
  /** What fixing it adds to the final score, on the 100-point scale. */
  recoverable: Score100;
  /** The findings that explain the loss (severity error). */
  reasons: Finding[];
  fix: GapFix;
  /** What an auditor expects to see for the criterion. */
  expects: Localized;
  owner: string | null;
  due: IsoDate | null;
  /** The rubric's action for the criterion (what to put in place). */
  action: Localized;
  effort: Effort;
  /** With an industry profile selected (`company.industry`) that speaks to the criterion: its guidance, beside the generic. */
  industry?: GapIndustry;
}

export interface GapIndustry {
  /** The profile's id. */
  profile: string;
  name: Localized;
  expects: Localized;
  /** The typical evidence in the industry. */
  evidence: Localized;
  /** Where the guidance comes from: a key of the profile's sources, then where in it. */
  source: string;
}

export interface LevelResult {
  id: LevelId;
  name: Localized;
  stars: number;
  next: {
    id: LevelId;
    name: Localized;
    threshold: Score100;
    pointsNeeded: Score100;
    /** The fewest top gaps whose recovery reaches the threshold; empty if the gaps cannot. */
    closingGaps: string[];
    /** Set when special deductions cap the level whatever the score. */
    blockedBySpecialDeductions: boolean;
  } | null;
}

/** A final score and the level it gives, as one bound of what is reachable. */
export interface ScorePoint {
  final: Score100;
  level: LevelId;
  levelName: Localized;
}

/**
 * The lowest and highest final score and level once every unanswered criterion is assessed (the rest as it
 * stands, special deductions and the bonus kept); with none unanswered, both are the score itself.
 */
export interface ScoreBounds {
  /** Ids of the applicable criteria not yet assessed, in rubric order. */
  unanswered: string[];
  low: ScorePoint;
  high: ScorePoint;
}

/** Why no set of gaps reaches a level. */
export type PathBlocker =
  /** So many special deductions that the assessment fails whatever the points. */
  | { code: 'special-deductions-fail'; count: number; limit: number }
  /** The special deductions' points keep even a full score below the threshold. */
  | { code: 'special-deductions-points'; points: Score100; maxFinal: Score100 }
  /** Criteria of a kind this build cannot score (a newer aftersales-assess is needed). */
  | { code: 'unsupported'; criteria: string[] }
  /** Closing every gap still falls short (e.g. a custom rubric's thresholds). */
  | { code: 'points'; maxFinal: Score100 };

/** The least-effort way to one level above the current one. */
export interface LevelPath {
  level: LevelId;
  levelName: Localized;
  threshold: Score100;
  reachable: boolean;
  /**
   * The gaps to close, in rubric order, with what each adds, its effort and `after`: the final score once it and
   * every action before it are done (the last one's is `final`); empty when unreachable.
   */
  actions: Array<{ criterion: string; recoverable: Score100; effort: Effort; after: Score100 }>;
  /** Total working days of the actions (an estimate); 0 when unreachable. */
  effort: WorkingDays;
  /** The final score once they are done; when unreachable, the most that closing every gap gives. */
  final: Score100;
  blockers: PathBlocker[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  lang: Lang;
  rubric: { id: string; version: string; title: Localized; standard: string; sha256: string; origin: string };
  company: { name: string; [extra: string]: unknown };
  assessmentDate: IsoDate;
  assessor: string | null;
  /** The evidence file assessed: its path as given (relative to the working directory) and the sha256 of its bytes. */
  evidenceFile?: { path: string; sha256: string };
  score: {
    earned: Points;
    applicable: Points;
    normalized: Score100;
    specialDeductions: { count: number; points: Score100 };
    bonus: Score100;
    final: Score100;
  };
  level: LevelResult;
  bounds: ScoreBounds;
  /** The industry profile `company.industry` selected: its typical commitments and KPIs, with their sources. */
  industry?: {
    id: string;
    name: Localized;
    sources: Record<string, { title: string }>;
    commitments: Array<{ text: Localized; source: string }>;
    kpis: Array<{ id: string; title: Localized; source: string }>;
  };
  /** For the next level and every one above it: the least-effort set of gaps that reaches it, or what blocks it. */
  paths: LevelPath[];
  counts: Record<Outcome, number> & { warnings: number };
  sections: SectionResult[];
  gaps: Gap[];
  /** Findings about the whole assessment (deductions, bonus, level rules). */
  findings: Finding[];
  /**
   * Present with --as-of (a forecast: the same evidence judged on another day) or --baseline
   * (an earlier report or git revision): what changed and why.
   */
  comparison?: { kind: 'as-of' | 'baseline'; diff: ReportDiff };
  /** Datasets the metrics were computed from: file, rows, sha256 and each metric. */
  datasets: DatasetSummary[];
  /** The rules and values used, so a reader can check every number (from the rubric). */
  method: ReportMethod;
}

export interface ReportMethod {
  partialCredit: Ratio;
  specialDeductionPoints: Score100;
  bonusPoints: Score100;
  maxBonuses: number;
  failWhenSpecialDeductionsAtLeast: number;
  levels: Array<{ id: LevelId; name: Localized; minScore: Score100; stars: number }>;
  /** Where each clause's points come from (the standard's table is not public). */
  provenance: Array<{ id: string; points: Points; source: string; confidence: 'H' | 'M' | 'L'; note: string | Localized | null }>;
  sources: Record<string, { title: string; see?: string; label?: Localized; confidence: 'H' | 'M' | 'L' }>;
  /** What the points rest on, in one sentence, from the rubric; null when a custom rubric does not say. */
  pointsBasis: Localized | null;
  /** Criteria measured from typed figures: numerator ÷ denominator ≥ atLeast (a ratio). */
  measures: Array<{ criterion: string; numerator: Localized; denominator: Localized; atLeast: Ratio }>;
  /** Criteria scored from data: the metric, the rule and its numbers (minimum sample in rows, age in months). */
  dataRules: Array<{
    criterion: string;
    metric: string;
    rule: DataRuleKind;
    atLeast: Ratio | null;
    minSample: number | null;
    maxAgeMonths: number | null;
    source: string;
    confidence: 'H' | 'M' | 'L';
    note: string | Localized | null;
  }>;
}
