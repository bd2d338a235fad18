import type { Localized } from './localized.js';
/** Arguments of each input diagnostic; the wording, in every language, is in messages/diagnostics.ts. */
export interface DiagnosticArgs {
  'file-not-found': Record<string, never>;
  'not-a-regular-file': Record<string, never>;
  unreadable: { reason: string };
  'too-large': { size: number; max: number };
  'not-utf8': Record<string, never>;
  'name-not-utf8': Record<string, never>;
  'folder-entry-not-a-file': Record<string, never>;
  utf16: Record<string, never>;
  'outside-root': Record<string, never>;
  'too-deep': { depth: number };
  'too-many-entries': { limit: number };
  'too-many-aliases': { limit: number };
  'too-many-errors': { shown: number };
  'multiple-documents': Record<string, never>;
  'yaml-syntax': { code: string; detail: string };
  'alias-expansion': Record<string, never>;
  'alias-unresolved': { detail: string };
  'invalid-key': { where: string[]; name: string };
  'missing-property': { where: string[]; name: string };
  'needs-one-of': { where: string[]; names: string[] };
  'unknown-property': { where: string[]; name: string; guess: string | null; allowed: string[] };
  'not-one-of': { where: string[]; values: string[]; guess: string | null };
  'cited-file': { file: string; state: 'missing' | 'outside-root' | 'not-a-file'; guess: string | null; backslash: boolean };
  'must-equal': { where: string[]; value: string };
  'wrong-type': { where: string[]; expected: string[]; typed: string | null };
  'bad-format': { where: string[]; format: 'date' | 'url' | 'sha256' | 'id' | 'other' };
  'out-of-range': { where: string[]; bound: 'min' | 'max' | 'above'; limit: number };
  empty: { where: string[] };
  'too-few-items': { where: string[]; limit: number };
  'too-many-items': { where: string[]; limit: number };
  'schema-other': { where: string[]; detail: string };
  'not-a-date': { where: string[]; value: string };
  'file-and-url': { where: string[] };
  'unknown-criterion': { id: string; rubric: string; clauseCriteria: string[] | null; guess: string | null };
  'na-not-allowed': { id: string; title: Localized };
  'conforming-exceeds-checked': { id: string; checked: number; conforming: number };
  'met-with-nonconforming': { id: string; nonconforming: number };
  'metric-zero': { metric: string; criterion: string };
  'metric-exceeds': { numerator: string; denominator: string; num: number; den: number };
  'metric-unused': { metric: string; rubric: string; guess: string | null; known: string[] };
  'unknown-clause': { clause: string; guess: string | null };
  'unknown-industry': { industry: string; guess: string | null; known: string[] };
  'industry-unknown-criterion': { id: string; rubric: string; guess: string | null };
  'industry-undeclared-source': { source: string; declared: string[] };
  'too-many-bonuses': { max: number; found: number };
  'brand-logo': { file: string; problem: 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'unreadable' | 'not-an-image' };
  'unknown-threshold-id': { what: 'section' | 'clause' | 'criterion'; id: string; guess: string | null; known: string[] };
  'dataset-not-found': Record<string, never>;
  'dataset-not-a-file': Record<string, never>;
  'dataset-too-large': { size: number; max: number };
  'xlsx-unreadable': { detail: string };
  'xlsx-too-large': { part: string; max: number };
  'xlsx-extent': { ref: string; rows: number; columns: number };
  'sheet-empty': Record<string, never>;
  'csv-unparseable': { detail: string };
  'table-empty': Record<string, never>;
  'wrong-encoding': { encoding: string | null };
  'mapping-unknown-field': { field: string; guess: string | null; fields: string[] };
  'mapping-unknown-header': { field: string; header: string; headers: string[] };
  'columns-missing': { missing: Array<{ field: string; aliases: string[] }>; headers: string[] };
  'mapping-shape': Record<string, never>;
  'themes-shape': { index: number };
  'mapping-not-found': { file: string; state: string };
  'holidays-shape': { year: string };
  'duplicate-id': { id: string; first: string };
  'undeclared-source': { source: string; declared: string[] };
  'sections-sum': { total: number };
  'children-sum': { kind: 'section' | 'clause'; id: string; points: number; sum: number };
  'not-a-child': { kind: 'clause' | 'criterion'; id: string; parent: string };
  'unknown-data-metric': { subject: string; metric: string; known: string[] };
  'at-least-missing': { id: string };
  'unknown-kind': { kind: string; id: string; known: string[] };
  'measure-missing': { id: string };
  'undeclared-metric': { id: string; metric: string };
  'measure-ignored': { id: string; kind: string };
  'effort-missing': { id: string; given: number };
  'levels-unordered': { id: string; min: number; prevId: string; prevMin: number };
  'first-level-not-fail': Record<string, never>;
  'level-ids-duplicate': Record<string, never>;
  'workbook-limit': { what: 'shared-strings' | 'rows' | 'columns' | 'cell-text'; limit: number; cell: string };
  'workbook-sheet-missing': { sheet: string; en: string };
  'workbook-column-missing': { sheet: string; header: string; en: string };
  'workbook-bad-status': { value: string; allowed: string[]; guess: string | null };
  'workbook-bad-date': { value: string };
  'workbook-bad-number': { value: string; integer: boolean };
  'workbook-bad-json': { value: string };
  'workbook-unknown-field': { field: string; guess: string | null };
  'workbook-unknown-ref': { ref: string; guess: string | null };
  'workbook-duplicate-row': { id: string; first: string };
  'workbook-evidence-unowned': Record<string, never>;
}

export type DiagnosticCode = keyof DiagnosticArgs;

/**
 * A problem with an input file, positioned for `file:line:col` output and CI annotations: a code and its
 * arguments, like a Finding; the message and hint are worded at the edge (messages/diagnostics.ts).
 */
export type Diagnostic = {
  [C in DiagnosticCode]: {
    file: string;
    /** 1-based; 0 when the problem concerns the whole file. */
    line: number;
    /** 1-based, counted in characters (right for Chinese text). */
    column: number;
    /** In a workbook: the sheet and cell (`评价项!E12`) instead of a line and column. */
    cell?: string;
    severity: 'error' | 'warning';
    code: C;
    args: DiagnosticArgs[C];
  };
}[DiagnosticCode];

/** Thrown by loaders for input the user must fix; the CLI turns it into exit code 2. */
export class InputError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.code}`).join('\n'));
    this.name = 'InputError';
  }
}

/** A diagnostic with its code and arguments; its English text fills `message` for logs and tests. */
export function diag<C extends DiagnosticCode>(
  code: C,
  args: DiagnosticArgs[C],
  at: { file: string; line: number; column: number },
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { ...at, severity, code, args } as Diagnostic;
}
