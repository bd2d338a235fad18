import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { detectTerminal } from '../io.js';
import { MAX_BYTES_CEILING, parseCount, parseDate } from '../options.js';
import { TOOL } from '../version.js';
import type { CommandContext } from './context.js';

export const HISTORY_FORMATS = ['terminal', 'json', 'jsonl', 'markdown'] as const;

export interface HistoryOptions {
  since?: string;
  until?: string;
  format: (typeof HISTORY_FORMATS)[number];
  lang: Lang;
  rubric?: string;
  root?: string;
  color?: boolean;
  maxBytes?: string;
  every?: string;
  monthly?: boolean;
}

/** `history FILE`: the evidence file scored at each commit that changed it or what it cites; stdout only, nothing written. */
export async function historyCommand(file: string, opts: HistoryOptions, ctx: CommandContext): Promise<ExitCode> {
  // A date is checked as a date (2026-02-30 refused); anything else is a revision, checked as --baseline checks it.
  const since = opts.since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(opts.since) ? parseDate('--since', opts.since) : opts.since;
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const every = parseCount('--every', opts.every, 1);
  if (every !== undefined && opts.monthly) throw new UsageError('history-every-or-monthly', {});
  const sample = opts.monthly ? ('monthly' as const) : every !== undefined ? { every } : undefined;
  const rubric = await ctx.rubricFrom(opts.rubric);
  const { assessHistory } = await import('../../assess/history.js');
  const h = await assessHistory(
    file,
    { since, until: opts.until, root: opts.root, sample },
    { rubric, lang: opts.lang, tool: TOOL, ...(maxBytes ? { maxBytes } : {}) },
  );
  const r = await import('../../render/history.js');
  const text =
    opts.format === 'json'
      ? r.renderHistoryJson(h)
      : opts.format === 'jsonl'
        ? r.renderHistoryJsonl(h)
        : opts.format === 'markdown'
          ? r.renderHistoryMarkdown(h, opts.lang)
          : r.renderHistoryTerminal(h, opts.lang, detectTerminal(opts.color).color);
  process.stdout.write(text);
  return EXIT.ok;
}
