import { FINDING_SEVERITY, type Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { gapAction } from '../messages/actions.js';
import { findingMessage } from '../messages/findings.js';
import { safeJson } from '../shared/safeText.js';

/**
 * The JSON contract (schema/report.schema.json). Findings gain their severity and a message in the
 * report's language; everything else is the Report as built. No timestamps or absolute paths, so
 * the same input gives the same bytes. Strings are the user's own, but no control or bidi character is
 * raw in the JSON text (safeJson).
 */
export function renderJson(report: Report, indent: 2 | 0 = 2): string {
  // Each gap's one action (`step`), worded as every human format words it, in both languages.
  const gaps = report.gaps.map((g) => ({ ...g, step: { 'zh-CN': gapAction(g, 'zh-CN'), en: gapAction(g, 'en') } }));
  return safeJson({ ...report, gaps }, (_key, value: unknown) => (isFinding(value) ? withMessage(value, report) : value), indent || undefined) + '\n';
}

function isFinding(v: unknown): v is Finding {
  return typeof v === 'object' && v !== null && 'code' in v && 'args' in v && 'path' in v && !('severity' in v);
}

function withMessage(f: Finding, report: Report) {
  return {
    code: f.code,
    severity: FINDING_SEVERITY[f.code],
    args: f.args,
    path: f.path,
    ...(f.line !== undefined ? { line: f.line, column: f.column } : {}),
    ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    message: findingMessage(f, report.lang),
  };
}
