import type { Lang } from '../../model/localized.js';
import { safeJson } from '../../shared/safeText.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { detectTerminal } from '../io.js';
import { MAX_BYTES_CEILING, parseCount } from '../options.js';
import type { CommandContext } from './context.js';

export interface DiffOptions {
  format: string;
  lang: Lang;
  rubric?: string;
  failOnRegression?: boolean;
  color?: boolean;
  maxBytes?: string;
}

/** `diff BASE HEAD`: two assessments compared, each side an evidence file (scored now) or a JSON report. */
export async function diffCommand(base: string, head: string, opts: DiffOptions, ctx: CommandContext): Promise<ExitCode> {
  const { reportFor } = await import('../assessFile.js');
  const { diffReports } = await import('../../compare/diffReports.js');
  const rubric = await ctx.rubricFrom(opts.rubric);
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const side = { rubric, lang: opts.lang, ...(maxBytes ? { maxBytes } : {}) };
  const headReport = await reportFor(head, side);
  const diff = diffReports(await reportFor(base, side), headReport, { base, head });
  if (opts.format === 'json') process.stdout.write(safeJson(diff, undefined, 2) + '\n');
  else if (opts.format === 'markdown')
    process.stdout.write((await import('../../render/markdown.js')).diffMarkdown(diff, 'baseline', opts.lang).join('\n') + '\n');
  else process.stdout.write((await import('../../render/diffTerminal.js')).renderDiffTerminal(diff, opts.lang, detectTerminal(opts.color).color));
  if (opts.failOnRegression && diff.regression) {
    const { gateMessage } = await import('../../messages/gate.js');
    const failure = {
      code: 'regression',
      against: diff.base.label,
      base: { final: diff.base.final, level: diff.base.level },
      head: { final: diff.head.final, level: diff.head.level },
    } as const;
    process.stderr.write(`aftersales-assess: ${gateMessage(failure, headReport, opts.lang)}\n`);
    return EXIT.belowThreshold;
  }
  return EXIT.ok;
}
