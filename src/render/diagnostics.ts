import { diagnosticText } from '../messages/diagnostics.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Lang } from '../model/localized.js';

/** `file:line:col: error: message` plus an indented hint: the shape editors and CI logs link to. */
export function formatDiagnostic(diagnostic: Diagnostic, color: boolean, lang: Lang = 'en'): string {
  const d = diagnostic;
  const text = diagnosticText(d, lang);
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const sev = color ? (d.severity === 'error' ? '\u001b[31merror\u001b[39m' : '\u001b[33mwarning\u001b[39m') : d.severity;
  return `${where}: ${sev}: ${text.message}${text.hint ? `\n  hint: ${text.hint}` : ''}`;
}
