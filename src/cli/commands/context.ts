import type { Diagnostic } from '../../model/diagnostic.js';
import type { LoadedRubric } from '../../model/rubric.js';

/** What main.ts hands a subcommand: the rubric (its warnings printed) and the run's one way of printing diagnostics. */
export interface CommandContext {
  rubricFrom(path: string | undefined): Promise<LoadedRubric>;
  printDiagnostics(ds: readonly Diagnostic[]): Promise<void>;
}
