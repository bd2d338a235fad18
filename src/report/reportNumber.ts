import type { Report } from '../model/report.js';

/**
 * A report number when the consultant gives none: the assessment date and the first six hex digits of the
 * evidence file's sha256 ("AS-20261115-3F2A1C"), so the same evidence always gets the same number and an
 * edited file a new one. Without an evidence file (a report re-rendered from JSON), the rubric's digest.
 */
export function defaultReportNumber(r: Report): string {
  const digest = (r.evidenceFile?.sha256 ?? r.rubric.sha256).slice(0, 6).toUpperCase();
  return `AS-${r.assessmentDate.replaceAll('-', '')}-${digest}`;
}

/** What a report number or version may be: short, printable, safe in a file name and a footer. */
export const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
