import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { safeText } from '../../shared/safeText.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { detectTerminal, writeOutput } from '../io.js';
import { MAX_BYTES_CEILING, parseCount, parseDate } from '../options.js';
import { loadPdfRenderer } from '../pdfRenderer.js';
import { TOOL } from '../version.js';
import type { CommandContext } from './context.js';

export const HISTORY_FORMATS = ['terminal', 'json', 'jsonl', 'markdown', 'html', 'pdf'] as const;

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
  out?: string;
  asOf?: string;
  commitUrl?: string;
  font?: string;
  fontBold?: string;
}

/** `history FILE`: the evidence file scored at each commit that changed it or what it cites; nothing written but --out. */
export async function historyCommand(file: string, opts: HistoryOptions, ctx: CommandContext): Promise<ExitCode> {
  // A date is checked as a date (2026-02-30 refused); anything else is a revision, checked as --baseline checks it.
  const since = opts.since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(opts.since) ? parseDate('--since', opts.since) : opts.since;
  const asOf = parseDate('--as-of', opts.asOf);
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const every = parseCount('--every', opts.every, 1);
  if (every !== undefined && opts.monthly) throw new UsageError('history-every-or-monthly', {});
  const commitHref = commitUrl(opts.commitUrl);
  if (opts.commitUrl !== undefined && opts.format !== 'html' && opts.format !== 'markdown') throw new UsageError('history-commit-url-format', {});
  if (opts.format === 'pdf' && (opts.out === undefined || opts.out === '-') && process.stdout.isTTY) throw new UsageError('pdf-to-terminal', {});
  const sample = opts.monthly ? ('monthly' as const) : every !== undefined ? { every } : undefined;
  const rubric = await ctx.rubricFrom(opts.rubric);
  const fonts = opts.format === 'pdf' ? (await import('../pdfFonts.js')).resolvePdfFonts(opts.font, opts.fontBold) : undefined;
  const { assessHistory } = await import('../../assess/history.js');
  const h = await assessHistory(
    file,
    { since, until: opts.until, root: opts.root, sample, asOf },
    { rubric, lang: opts.lang, tool: TOOL, ...(maxBytes ? { maxBytes } : {}) },
  );
  const inputs = [
    file,
    ...(opts.rubric ? [opts.rubric] : []),
    ...(opts.font ? [opts.font.split('#')[0]!] : []),
    ...(opts.fontBold ? [opts.fontBold.split('#')[0]!] : []),
  ];
  if (opts.format === 'pdf') {
    const pdf = await loadPdfRenderer();
    const { pdfDate, warnMissingGlyphs } = await import('./score.js');
    const last = h.points.at(-1)!;
    let out: import('../../render/pdf/renderPdf.js').PdfResult;
    try {
      out = await pdf.renderHistoryPdf(h, opts.lang, fonts!, pdfDate(last.date));
    } catch (e) {
      if (e instanceof pdf.FontError) throw (await import('../pdfFonts.js')).fontUsageError(e, opts.font, opts.fontBold);
      throw e;
    }
    if (out.missingGlyphs.length) warnMissingGlyphs(out.missingGlyphs);
    writeOutput(out.bytes, opts.out, inputs);
    return EXIT.ok;
  }
  const r = await import('../../render/history.js');
  const text =
    opts.format === 'html'
      ? (await import('../../render/html/renderHistory.js')).renderHistoryHtml(h, opts.lang, { commitHref })
      : opts.format === 'json'
        ? r.renderHistoryJson(h)
        : opts.format === 'jsonl'
          ? r.renderHistoryJsonl(h)
          : opts.format === 'markdown'
            ? r.renderHistoryMarkdown(h, opts.lang, commitHref)
            : r.renderHistoryTerminal(h, opts.lang, detectTerminal(opts.color).color && (opts.out === undefined || opts.out === '-'));
  writeOutput(text, opts.out, inputs);
  return EXIT.ok;
}

/**
 * `--commit-url TEMPLATE`: `{sha}` replaced by the full commit id. Only http(s) addresses: a javascript: or
 * file: link in a page handed to a client is refused, not written.
 */
export function commitUrl(template: string | undefined): (commit: string) => string | null {
  if (template === undefined) return () => null;
  const bad = () => new UsageError('history-commit-url', { value: JSON.stringify(safeText(template.slice(0, 80))) });
  // No spaces, quotes, brackets or backslashes: none is needed in a commit's address, and each would end it early
  // in Markdown or an attribute.
  if (!/^https?:\/\//i.test(template) || !template.includes('{sha}') || /[\s<>()"'`\\]/.test(template)) throw bad();
  try {
    const u = new URL(template.replaceAll('{sha}', '0'.repeat(40)));
    // user:password@ would be written into every link of a page that is handed on.
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username !== '' || u.password !== '') throw bad();
  } catch {
    throw bad();
  }
  // A commit id is hex: it cannot change what the address means.
  return (commit) => template.replaceAll('{sha}', commit);
}
