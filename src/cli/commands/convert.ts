import { lstatSync } from 'node:fs';
import { readSource } from '../../load/readSource.js';
import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { industryWorkbookText, withIndustryInstructions } from '../../messages/workbook.js';
import { findIndustry } from '../../validate/industries.js';
import { evidenceSource, loadEvidenceSource } from '../../validate/loadEvidence.js';
import { evidenceYaml } from '../../workbook/evidenceYaml.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { writeOutput } from '../io.js';
import { MAX_BYTES_CEILING, parseCount } from '../options.js';
import { loadWorkbookWriter } from '../workbookWriter.js';
import type { CommandContext } from './context.js';

export interface ConvertOptions {
  to: 'xlsx' | 'yaml';
  out?: string;
  rubric?: string;
  lang: Lang;
  maxBytes?: string;
}

/**
 * `convert FILE --to xlsx|yaml`: the evidence file, checked as `validate` checks it (an invalid file is not
 * converted), written in the other form. Everything the contract holds survives; YAML comments do not.
 */
export async function convertCommand(file: string, opts: ConvertOptions, ctx: CommandContext): Promise<ExitCode> {
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const rubric = (await ctx.rubricFrom(opts.rubric)).rubric;
  const load = loadEvidenceSource(await evidenceSource(readSource(file, maxBytes)), rubric);
  await ctx.printDiagnostics(load.warnings);
  const out = opts.out ?? file.replace(/\.(ya?ml|xlsx)$/i, '') + (opts.to === 'xlsx' ? '.xlsx' : '.yaml');
  // A workbook or YAML file already beside the input may hold someone's edits: only an explicit --out replaces it.
  if (opts.out === undefined && lstatSync(out, { throwIfNoEntry: false })) throw new UsageError('convert-exists', { target: out });
  if (opts.to === 'yaml') {
    writeOutput(evidenceYaml(load.evidence), out, [file]);
  } else {
    if (opts.out === '-' && process.stdout.isTTY) throw new UsageError('convert-binary-to-terminal', {});
    const { writeWorkbook } = await loadWorkbookWriter();
    // A file whose company.industry names a profile gets the industry's column and lines, as init --industry writes them.
    const industry = typeof load.evidence.company.industry === 'string' ? findIndustry(load.evidence.company.industry) : undefined;
    const guidance = industry ? industryWorkbookText(industry) : undefined;
    const text = { instructions: withIndustryInstructions(guidance?.instructions), ...(guidance ? { industryColumn: guidance.industryColumn } : {}) };
    writeOutput(await writeWorkbook(rubric, load.evidence, opts.lang, text), out, [file]);
  }
  return EXIT.ok;
}
