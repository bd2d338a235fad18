import { InputError } from '../../model/diagnostic.js';
import type { Lang } from '../../model/localized.js';
import { ui } from '../../messages/ui.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { MAX_BYTES_CEILING, parseCount } from '../options.js';
import type { CommandContext } from './context.js';

export interface ValidateOptions {
  rubric?: string;
  lang: Lang;
  root?: string;
  files: boolean;
  maxBytes?: string;
}

/** `validate FILE`: the evidence file loaded and checked, and its cited files looked up, without scoring. */
export async function validateCommand(file: string, opts: ValidateOptions, ctx: CommandContext): Promise<ExitCode> {
  // `-`, /dev/stdin and pipes are read as streams; their cited files are looked up from here (or --root).
  const { loadForValidation, streamLabel, isStream } = await import('../assessFile.js');
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const { load, tree } = await loadForValidation(file, await ctx.rubricFrom(opts.rubric), opts.root, maxBytes);
  await ctx.printDiagnostics(load.warnings);
  if (opts.files) {
    const { citedFileDiagnostics } = await import('../../validate/citedFiles.js');
    const problems = await citedFileDiagnostics(load.evidence, load.parsed, tree, isStream(file) ? streamLabel(file) : file, load.locate);
    if (problems.length > 0) throw new InputError(problems);
  }
  process.stdout.write(`${ui('fileValid', opts.lang, { file: file === '-' ? '<stdin>' : file })}\n`);
  return EXIT.ok;
}
