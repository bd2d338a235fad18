import { diagnosticText } from '../messages/diagnostics.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Lang } from '../model/localized.js';
import { shownEscaped } from '../shared/safeText.js';

/**
 * A diagnostic's file name, message and hint with control and bidi characters written out (`\u001B`): they
 * quote keys, values and file names from the user's input, which the user must be able to see and which
 * must not act on the terminal or CI log. Every medium that prints diagnostics words them here.
 */
export function diagnosticParts(d: Diagnostic, lang: Lang): { file: string; message: string; hint: string | undefined } {
  const text = diagnosticText(d, lang);
  return { file: shownEscaped(d.file), message: shownEscaped(text.message), hint: text.hint ? shownEscaped(text.hint) : undefined };
}

/** `file:line:col: error: message` plus an indented hint: the shape editors and CI logs link to. */
export function formatDiagnostic(diagnostic: Diagnostic, color: boolean, lang: Lang = 'en'): string {
  const d = diagnostic;
  const text = diagnosticParts(d, lang);
  const where = d.cell ? `${text.file}: ${shownEscaped(d.cell)}` : d.line > 0 ? `${text.file}:${d.line}:${d.column}` : text.file;
  const sev = color ? (d.severity === 'error' ? '\u001b[31merror\u001b[39m' : '\u001b[33mwarning\u001b[39m') : d.severity;
  return `${where}: ${sev}: ${text.message}${text.hint ? `\n  hint: ${text.hint}` : ''}`;
}
