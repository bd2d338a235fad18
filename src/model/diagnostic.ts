/** A problem with an input file, positioned for `file:line:col` output and CI annotations. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based, counted in characters (right for Chinese text). */
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it, when we can say. */
  hint?: string;
  /** Catalog code and arguments (messages/diagnostics.ts), so the text can be given in the user's language. */
  code?: string;
  args?: unknown;
}

/** Thrown by loaders for input the user must fix; the CLI turns it into exit code 2. */
export class InputError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'InputError';
  }
}
