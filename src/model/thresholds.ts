import type { LevelId } from './rubric.js';
import type { Points, Score100 } from './units.js';

/** What a CI pipeline requires of a report (the --thresholds file). */
export interface Thresholds {
  minScore?: Score100;
  minLevel?: LevelId;
  /** Minimum points earned per section id. */
  sections?: Record<string, Points>;
  /** Minimum points earned per clause id. */
  clauses?: Record<string, Points>;
  /** Criteria that must be met in full (or excluded). */
  mustPass?: string[];
}
