import type { Diagnostic } from './diagnostic.js';
import type { ChangeCause } from './diff.js';
import type { Localized } from './localized.js';
import type { LevelId } from './rubric.js';
import type { IsoDate, Points, Score100 } from './units.js';

/** One commit of an evidence file's history: where it stands, and what moved since the point before. */
interface PointBase {
  /** The full commit id. */
  commit: string;
  /** The commit as labels show it (12 hex digits; also the `REV` of `score --baseline REV`). */
  short: string;
  /** Committer date, YYYY-MM-DD. */
  date: IsoDate;
  subject: string;
  /** The evidence file's path at this commit, relative to the repository top (renames followed). */
  path: string;
}

export interface ScoredPoint extends PointBase {
  kind: 'scored';
  /** The assessment date of the evidence file at this commit: each point is judged on its own date. */
  assessmentDate: IsoDate;
  final: Score100;
  level: LevelId;
  levelName: Localized;
  /** Change of the final score since the previous scored point; null for the first. */
  delta: Score100 | null;
  /** The largest criterion changes since the previous scored point, largest effect first. */
  changes: PointChange[];
  /** Criteria that changed beyond those listed in `changes`. */
  moreChanges: number;
  /** Points earned per section (for a trend per section). */
  sections: { id: string; earned: Points; applicablePoints: Points }[];
}

export interface PointChange {
  id: string;
  title: Localized;
  /** Effect on the final score, on the 100-point scale. */
  delta: Score100;
  causes: ChangeCause[];
  refs: string[];
}

/** A commit whose evidence could not be assessed: a gap in the trend, with the reason. */
export interface GapPoint extends PointBase {
  kind: 'gap';
  reason: 'evidence-deleted' | 'invalid-evidence';
  /** The first problems found (for invalid-evidence). */
  diagnostics: Diagnostic[];
}

export type HistoryPoint = ScoredPoint | GapPoint;

/**
 * The forecast to the audit date (`--as-of`): the last scored commit's evidence assessed as of that date
 * (what expires or grows too old by then is lost). Its commit fields are that commit's; `delta` and
 * `changes` are against it. Not a commit of its own: drawn after the points, marked as a projection.
 */
export interface ProjectionPoint extends Omit<ScoredPoint, 'kind' | 'assessmentDate'> {
  kind: 'projection';
  /** The date the evidence is judged on (`--as-of`), YYYY-MM-DD; where the projection stands on the time axis. */
  asOf: IsoDate;
  /** The evidence file's own assessment date at that commit. */
  assessmentDate: IsoDate;
}

export interface History {
  /** The evidence file as given on the command line. */
  file: string;
  rubric: { id: string; version: string; sha256: string };
  /** The rubric's levels, lowest first: the bands of a trend chart start at each `minScore` (100-point scale). */
  levels: { id: LevelId; name: Localized; minScore: Score100 }[];
  /** The rubric's sections in order, for the labels of a trend per section (`points` available in each). */
  sections: { id: string; title: Localized; points: Points }[];
  points: HistoryPoint[];
  /** The forecast to `--as-of`; null without it, or when no commit was scored. */
  projection: ProjectionPoint | null;
  /** First scored point to last ("from 66 to 84 since March"); null with fewer than two scored points. */
  span: { from: string; fromDate: IsoDate; to: string; toDate: IsoDate; before: Score100; after: Score100; delta: Score100 } | null;
}
