import { appendFileSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import type { EvidenceResult } from '../../model/report.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { mergeGates, requestedChecks } from '../../score/gate.js';
import { gateMessage } from '../../messages/gate.js';
import { diag, type Diagnostic } from '../../model/diagnostic.js';
import { ui } from '../../messages/ui.js';
import type { Lang } from '../../model/localized.js';
import type { LoadedRubric } from '../../model/rubric.js';
import type { Thresholds } from '../../model/thresholds.js';
import type { ScoredFile } from '../../render/scoredFile.js';
import { RENDERERS, type Format, type RenderInput, type Rendered } from '../../render/registry.js';
import type { PdfFonts } from '../../render/pdf/renderPdf.js';
import { isStream, type FileAssessOptions as AssessOptions } from '../assessFile.js';
import { loadPdfRenderer } from '../pdfRenderer.js';
import { assessAll, workerCount, type BatchJob } from '../batchAssess.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { UsageError } from '../../model/usage.js';
import { parseCount, parseDate, parseLevel, parseScore } from '../options.js';
import { expandInputs } from '../inputs.js';
import { detectTerminal, writeIntoFolder, writeOutput } from '../io.js';
import { cutUtf8, hrefPath, wellFormed } from '../../shared/href.js';
import { safeText } from '../../shared/safeText.js';
import type { ReportDocument } from '../../model/document.js';
import type { Report } from '../../model/report.js';
import { REPORT_ID, defaultReportNumber } from '../../report/reportNumber.js';
import { loadBrandFile } from '../../validate/loadBrand.js';

export { FORMATS, type Format } from '../../render/registry.js';

export interface ScoreOptions {
  format?: Format;
  lang: Lang;
  failUnder?: string;
  minLevel?: string;
  thresholds?: string;
  baseline?: string;
  failOnRegression?: boolean;
  asOf?: string;
  root?: string;
  out?: string;
  outDir?: string;
  color?: boolean;
  ascii?: boolean;
  top: string;
  maxBytes?: string;
  font?: string;
  fontBold?: string;
  gateOnly?: boolean;
  brand?: string;
  reportNumber?: string;
  reportVersion?: string;
  final?: boolean;
}

export interface ScoreIo {
  printDiagnostics: (d: readonly Diagnostic[], format: Format) => void;
  loadThresholds: (file: string) => Promise<Thresholds>;
}

/** The thin shell around the core: expand inputs, assess each, check thresholds, render, decide the exit code. */
export async function scoreCommand(args: string[], opts: ScoreOptions, rubric: LoadedRubric, io: ScoreIo): Promise<ExitCode> {
  const format: Format = opts.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'terminal');
  const failUnder = parseScore('--fail-under', opts.failUnder);
  const minLevel = parseLevel('--min-level', opts.minLevel);
  parseDate('--as-of', opts.asOf);
  const top = parseCount('--top', opts.top, 0, 9999)!;
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, 64 * 1024 * 1024);
  if (opts.baseline !== undefined && opts.baseline.trim() === '') throw new UsageError('baseline-empty', {});
  if (opts.failOnRegression && !opts.baseline) throw new UsageError('regression-needs-baseline', {});
  const thresholds = opts.thresholds ? await io.loadThresholds(opts.thresholds) : undefined;
  // Every bar from every source in one gate: where two set the same bar, the stricter applies.
  const gate = mergeGates(
    { minScore: failUnder, minLevel, failOnRegression: opts.failOnRegression },
    thresholds
      ? {
          minScore: thresholds.minScore,
          minLevel: thresholds.minLevel,
          points: { ...thresholds.sections, ...thresholds.clauses },
          mustPass: thresholds.mustPass,
        }
      : {},
  );

  const checks = requestedChecks(gate);
  const { files, refused } = await expandInputs(args);
  if (files.length === 0 && refused.length === 0) throw new UsageError('no-evidence-files', { args: args.join(' ') });
  const batch = files.length > 1 || args.some((a) => a !== files[0]);
  if (batch && opts.baseline) throw new UsageError('baseline-one-file', {});
  checkDocumentOptions(opts, format, batch);
  if ((batch || opts.baseline) && files.some(isStream)) throw new UsageError('stream-one-file', {});
  if (opts.outDir !== undefined && opts.outDir.trim() === '') throw new UsageError('out-dir-empty', {});
  if (opts.outDir !== undefined && !(format === 'html' && batch)) throw new UsageError('out-dir-needs-html-batch', {});
  // Every report embedded in a portfolio is ~130 KB (both languages): past this many the page is too heavy
  // to open, so it is refused before anything is assessed.
  if (format === 'html' && batch && opts.outDir === undefined && files.length > MAX_EMBEDDED_REPORTS)
    throw new UsageError('portfolio-too-large', { n: files.length, max: MAX_EMBEDDED_REPORTS });
  if (format === 'pdf') {
    if (batch) throw new UsageError('pdf-one-file', {});
    if ((opts.out === undefined || opts.out === '-') && process.stdout.isTTY) {
      throw new UsageError('pdf-to-terminal', {});
    }
  }

  const assessOpts: AssessOptions = {
    rubric,
    lang: opts.lang,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.root ? { root: opts.root } : {}),
    ...(maxBytes ? { maxBytes } : {}),
  };
  const scored: ScoredFile[] = [];
  // Where each scored file's cited documents are, for links (decided with its other names: evidencePaths).
  const citedFrom: string[] = [];
  const streaming = format === 'jsonl' && (opts.out === undefined || opts.out === '-');
  const gateLines: string[] = [];
  // Names a folder holds that cannot be assessed (not UTF-8, not a regular file): each is reported and counted.
  let invalid = refused.length;
  if (refused.length > 0)
    io.printDiagnostics(
      refused.map(({ file, code }) => diag(code, {}, { file, line: 0, column: 0 })),
      format,
    );
  const progress = batch ? progressBar(files.length) : null;
  const job: BatchJob = { assess: assessOpts, gate, streaming, batch, baseline: opts.baseline };
  let i = 0;
  progress?.(0, files[0] ?? '');
  for await (const { result } of assessAll(files, job, batch ? workerCount(files.length) : 0)) {
    if (++i < files.length) progress?.(i, files[i]!);
    if (result.kind === 'invalid') {
      // One bad file in a batch is reported and skipped; the others are still scored.
      invalid++;
      io.printDiagnostics(result.diagnostics, format);
      continue;
    }
    io.printDiagnostics(result.warnings, format);
    if (streaming) {
      // JSONL to standard output: each report goes out as it is made and is not kept, so a batch of any
      // size holds one report at a time; only the gate's wording is kept for the end.
      process.stdout.write(result.line!);
      gateLines.push(...result.gateLines!);
      continue;
    }
    scored.push({ file: result.paths.shown, report: result.report!, failures: result.failures, checks });
    citedFrom.push(result.paths.citedFrom);
  }
  progress?.(files.length, '');

  if (streaming) {
    for (const line of gateLines) process.stderr.write(`aftersales-assess: ${line}\n`);
    if (invalid > 0) {
      process.stderr.write(`aftersales-assess: ${ui('batchSkipped', opts.lang, { invalid, files: files.length + refused.length })}\n`);
      return EXIT.invalidInput;
    }
    return gateLines.length > 0 ? EXIT.belowThreshold : EXIT.ok;
  }

  const term = detectTerminal(opts.color);
  const toFile = opts.out !== undefined && opts.out !== '-';
  const input: RenderInput = {
    files: scored,
    lang: opts.lang,
    batch,
    layout: { color: term.color && !toFile, ascii: Boolean(opts.ascii), width: term.columns, topGaps: top, gateOnly: Boolean(opts.gateOnly) },
  };
  const folder = format === 'html' ? htmlLinks(input, scored, citedFrom, batch, opts) : undefined;
  if (format === 'pdf' || format === 'html') input.document = reportDocument(opts);
  if (format === 'pdf') input.pdf = { fonts: await pdfFonts(opts), date: pdfDate(scored[0]!.report.assessmentDate), load: loadPdfRenderer };
  const rendered = await renderChecked(format, input, opts);
  if (rendered.missingGlyphs?.length) warnMissingGlyphs(rendered.missingGlyphs);
  if (folder) {
    // An HTML batch with --out-dir: the companies' pages, and without --out the portfolio as the folder's index.html.
    const pages = folder.names.map((name, i) => ({ name, content: () => rendered.pages![i]! }));
    const index = toFile ? [] : [{ name: folder.portfolioName, content: () => rendered.content }];
    writeIntoFolder([...pages, ...index], folder.dir, opts.outDir!, files);
    if (toFile) writeOutput(rendered.content, opts.out, files);
  } else writeOutput(rendered.content, opts.out, files);
  if (format === 'github' && process.env.GITHUB_STEP_SUMMARY) {
    const { renderMarkdown } = await import('../../render/markdown.js');
    const { renderGithubSummary } = await import('../../render/github.js');
    // The report, then every annotation (GitHub shows only 10 errors and 10 warnings per step).
    appendSummary(process.env.GITHUB_STEP_SUMMARY, renderMarkdown(scored, opts.lang, top) + renderGithubSummary(scored, opts.lang));
  }

  for (const s of scored)
    for (const f of s.failures) process.stderr.write(`aftersales-assess: ${batch ? s.file + ': ' : ''}${gateMessage(f, s.report, opts.lang)}\n`);
  if (invalid > 0) {
    process.stderr.write(`aftersales-assess: ${ui('batchSkipped', opts.lang, { invalid, files: files.length + refused.length })}\n`);
    return EXIT.invalidInput;
  }
  return scored.some((s) => s.failures.length > 0) ? EXIT.belowThreshold : EXIT.ok;
}

/**
 * Links of the HTML report (one file) or the portfolio (a batch): cited files link relative to the page that
 * cites them, so the links work when the page is written beside the evidence (or its folder is published with
 * it). With --out-dir each company's report is a page in that folder, linked from the portfolio; the folder
 * and the pages' names are returned for writing.
 */
function htmlLinks(
  input: RenderInput,
  scored: ScoredFile[],
  citedFrom: readonly string[],
  batch: boolean,
  opts: ScoreOptions,
): { dir: string; names: string[]; portfolioName: string } | undefined {
  const toFile = opts.out !== undefined && opts.out !== '-';
  const pageDir = toFile ? dirname(resolve(opts.out!)) : process.cwd();
  const hrefFrom = (fromDir: string) => (i: number, e: EvidenceResult) => {
    if (e.kind !== 'file' || e.state === 'missing' || e.state === 'outside-root' || e.state === 'not-a-file') return null;
    return hrefPath(relative(fromDir, resolve(citedFrom[i]!, e.ref)), sep);
  };
  if (!batch || opts.outDir === undefined) {
    input.html = { hrefFor: hrefFrom(pageDir) };
    return undefined;
  }
  // Resolved once: the folder may be a symlink, but nothing inside it is followed (writeIntoFolder).
  const dir = ensureFolder(resolve(opts.outDir), opts.outDir);
  const portfolio = toFile ? resolve(opts.out!) : join(dir, 'index.html');
  const portfolioDir = toFile ? realDirOf(portfolio) : dir;
  // The portfolio's own name, when it is written into the same folder, is never a company's.
  const names = reportFileNames(
    scored.map((s) => s.file),
    portfolioDir === dir ? [basename(portfolio)] : [],
  );
  input.html = {
    hrefFor: hrefFrom(portfolioDir),
    pageHrefFor: hrefFrom(dir),
    pageHref: (i) => hrefPath(relative(portfolioDir, join(dir, names[i]!)), sep),
    backHref: hrefPath(relative(dir, join(portfolioDir, basename(portfolio))), sep),
  };
  return { dir, names, portfolioName: basename(portfolio) };
}

/** The real folder a file will be written into (the folder of --out, resolved), or the folder as given when it does not exist yet. */
function realDirOf(file: string): string {
  try {
    return realpathSync(dirname(file));
  } catch {
    return dirname(file);
  }
}

/** Companies whose full reports one portfolio page embeds; more need --out-dir. */
export const MAX_EMBEDDED_REPORTS = 100;

/** A folder for --out-dir: made when missing (with its parents), refused when something else is there; its real path. */
function ensureFolder(dir: string, given: string): string {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new UsageError('out-dir-not-folder', { dir: given });
  if (!st) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError('out-dir-cannot-create', { dir: given, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }
  return realpathSync(dir);
}

/** One file name per evidence file, from its path ("clients/acme/company.yaml" → "clients-acme-company.html"), never two alike. */
export function reportFileNames(files: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set<string>(reserved.map((r) => r.toLowerCase()));
  return files.map((f) => {
    const slug = wellFormed(f)
      .replace(/\.(ya?ml)$/i, '')
      .replace(/^(\.\.?[\\/])+/, '')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    // 200 bytes leave room for "-NNNN.html" within the 255 bytes a file name may have.
    const stem = cutUtf8(slug, 200).replace(/-+$/, '') || 'report';
    let name = `${stem}.html`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.html`;
    used.add(name.toLowerCase());
    return name;
  });
}

async function pdfFonts(opts: ScoreOptions): Promise<PdfFonts> {
  const { resolvePdfFonts } = await import('../pdfFonts.js');
  return resolvePdfFonts(opts.font, opts.fontBold);
}

/** --brand, --report-number, --report-version and --final make a document: only PDF and HTML are documents. */
function checkDocumentOptions(opts: ScoreOptions, format: Format, batch: boolean): void {
  const given = (
    [
      ['--brand', opts.brand !== undefined],
      ['--report-number', opts.reportNumber !== undefined],
      ['--report-version', opts.reportVersion !== undefined && opts.reportVersion !== '1.0'],
      ['--final', Boolean(opts.final)],
    ] as const
  ).find(([, on]) => on);
  if (given && format !== 'pdf' && format !== 'html') throw new UsageError('document-options-need-pdf-html', { option: given[0] });
  // Each company's report in a batch has a number of its own.
  if (batch && opts.reportNumber !== undefined) throw new UsageError('report-number-one-file', {});
  for (const [option, value] of [
    ['--report-number', opts.reportNumber],
    ['--report-version', opts.reportVersion],
  ] as const)
    if (value !== undefined && !REPORT_ID.test(value)) throw new UsageError('bad-report-id', { option, value: safeText(value.slice(0, 60)) });
}

/** The document around the report: its number (given, or made from the evidence), version, draft or final, and brand. */
function reportDocument(opts: ScoreOptions): (report: Report) => ReportDocument {
  const brand = opts.brand ? loadBrandFile(opts.brand) : null;
  return (report) => ({
    number: opts.reportNumber ?? defaultReportNumber(report),
    version: opts.reportVersion ?? '1.0',
    final: Boolean(opts.final),
    brand,
  });
}

/** The format's renderer; a font that cannot be used is the user's input (exit 2), not a bug. */
async function renderChecked(format: Format, input: RenderInput, opts: ScoreOptions): Promise<Rendered> {
  try {
    return await RENDERERS[format](input);
  } catch (e) {
    if (format !== 'pdf') throw e;
    const [{ FontError, LogoError }, { fontUsageError }] = await Promise.all([loadPdfRenderer(), import('../pdfFonts.js')]);
    if (e instanceof FontError) throw fontUsageError(e, opts.font, opts.fontBold);
    if (e instanceof LogoError)
      throw new UsageError('brand-logo-unusable', { file: opts.brand ?? '', detail: safeText(e.message.split('\n')[0]!.slice(0, 200)) });
    throw e;
  }
}

function warnMissingGlyphs(missing: readonly string[]): void {
  const list = missing
    .slice(0, 20)
    .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
  process.stderr.write(
    `aftersales-assess: warning: ${missing.length} character(s) have no glyph in the PDF font and will not render: ${list}${missing.length > 20 ? ', …' : ''}\n  hint: pass a font that has them with --font FILE (e.g. Debian fonts-noto-cjk)\n`,
  );
}

/** Creation and modification dates of the PDF: SOURCE_DATE_EPOCH when set, else the assessment date. */
export function pdfDate(assessmentDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // PDF dates have four-digit years: 1970 to 9999.
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > 253402300799) throw new UsageError('bad-source-date-epoch', { value: epoch.slice(0, 40) });
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${assessmentDate}T00:00:00Z`);
}

/** A one-line progress bar on stderr, only for a person at a terminal. */
function progressBar(total: number) {
  if (!process.stderr.isTTY || total < 2) return null;
  const width = 24;
  return (done: number, file: string) => {
    if (done >= total) {
      process.stderr.write('\r\u001b[2K');
      return;
    }
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done + 1}/${total} ${safeText(file)}`);
  };
}
/** The runner's step summary file: appended to when it is a regular file (or new), never anything else. */
function appendSummary(path: string, text: string): void {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && !st.isFile()) throw new UsageError('summary-not-file', { path });
    appendFileSync(path, text);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('summary-error', { path, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}
