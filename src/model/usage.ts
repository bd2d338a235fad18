type S = string;
/** Arguments of each command-line or output error; the wording, in both languages, is below. */
export interface UsageArgs {
  'report-unreadable': { file: S; why: S };
  'report-invalid': { file: S; detail: S };
  'out-empty': Record<string, never>;
  'out-dir-empty': Record<string, never>;
  'stdin-is-terminal': Record<string, never>;
  'stream-too-large': { file: string; max: number; atCeiling?: boolean };
  'stdin-read-twice': { file: S };
  'stream-is-folder': { file: S };
  'stream-one-file': Record<string, never>;
  'stream-unreadable': { file: string; why: string };
  'out-error': { out: S; why: S };
  'out-is-input': { out: S; option?: '--out-dir' };
  'out-is-folder': { out: S };
  'out-parent-not-folder': { out: S; dir: S };
  'out-parent-missing': { out: S; dir: S };
  'bad-date': { option: S; value: S };
  'bad-score': { option: S; value: S };
  'bad-level': { option: S; value: S; levels: S[] };
  'bad-count': { option: S; value: S; min: number; max: number };
  'bad-encoding': { value: S };
  'unknown-industry': { value: S; guess: S | null; known: S[] };
  'records-needs-date': Record<string, never>;
  'font-missing-bundled': Record<string, never>;
  'font-woff': { file: S };
  'font-unreadable': { file: S; why: S };
  'font-not-font': { file: S };
  'font-unusable': { file: S; detail: S; face: boolean; truncatedTable?: S };
  'font-collection-face': { file: S; face?: S; faces: S[] };
  'baseline-empty': Record<string, never>;
  'regression-needs-baseline': Record<string, never>;
  'no-evidence-files': { args: S };
  'baseline-one-file': Record<string, never>;
  'pdf-one-file': Record<string, never>;
  'document-options-need-pdf-html': { option: S };
  'bad-report-id': { option: S; value: S };
  'report-number-one-file': Record<string, never>;
  'brand-logo-unusable': { file: S; detail: S };
  'pdf-to-terminal': Record<string, never>;
  'out-dir-needs-html-batch': Record<string, never>;
  'portfolio-too-large': { n: number; max: number };
  'out-dir-not-folder': { dir: S };
  'out-dir-cannot-create': { dir: S; why: S };
  'out-dir-entry-not-file': { path: S; kind: 'symlink' | 'folder' | 'special' };
  'bad-source-date-epoch': { value: S };
  'summary-not-file': { path: S };
  'summary-error': { path: S; why: S };
  'init-dir-is-file': { dir: S };
  'init-exists': { target: S };
  'convert-exists': { target: S };
  'convert-binary-to-terminal': Record<string, never>;
  'init-bad-file': { file: S };
  'init-bad-company': { value: S; problem: 'blank' | 'control' | 'not-utf8' };
  'init-parent-missing': { dir: S };
  'init-cannot-create': { path: S; why: S };
  'init-cannot-write': { target: S; why: S };
  'history-shallow': Record<string, never>;
  'history-missing-object': { object: S };
  'history-empty': { file: S };
  'history-no-file': { file: S };
  'history-every-or-monthly': Record<string, never>;
  'history-as-of-before': { asOf: S; date: S };
  'history-commit-url': { value: S };
  'history-git-failed': { command: S; said: S };
  'git-bad-revision': { rev: S };
  'git-missing': Record<string, never>;
  'git-output-too-large': { command: S; rev: S };
  'git-failed': { command: S; rev: S; said: S };
}
export type UsageCode = keyof UsageArgs;

/**
 * Thrown for command-line misuse the parser cannot catch (e.g. --fail-under abc): a code and its arguments,
 * worded at the edge by `usageMessage` (messages/usage.ts), so that input code can throw it without the wording.
 */
export class UsageError<C extends UsageCode = UsageCode> extends Error {
  constructor(
    readonly code: C,
    readonly args: UsageArgs[C],
  ) {
    super(code);
  }
}
