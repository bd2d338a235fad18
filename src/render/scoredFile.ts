import type { Report } from '../model/report.js';
import type { GateFailure } from '../score/gate.js';
import { isRedundant } from '../score/gaps.js';

/** A report together with the evidence file it came from, as CI renderers annotate that file. */
export interface ScoredFile {
  /** Path as shown to the user and to CI (relative to the working directory where possible). */
  file: string;
  report: Report;
  /** Gate checks that failed (--fail-under, --min-level, --thresholds, --fail-on-regression); wording: messages/gate.ts. */
  failures: GateFailure[];
  /** Names of every gate check asked for (score/gate.ts requestedChecks), passed or failed. */
  checks?: string[];
}

/** Every finding of a report with its criterion (null for report-level findings), summaries that repeat others left out. */
export function allFindings(report: Report) {
  return [
    ...report.sections.flatMap((s) =>
      s.clauses.flatMap((cl) => cl.criteria.flatMap((c) => c.findings.filter((f) => !isRedundant(f, c)).map((f) => ({ criterion: c, finding: f })))),
    ),
    ...report.findings.map((f) => ({ criterion: null, finding: f })),
  ];
}
