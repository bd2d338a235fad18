import type { ReportDocument } from '../model/document.js';
import { defaultReportNumber } from '../report/reportNumber.js';
import type { Lang } from '../model/localized.js';
import type { EvidenceResult, Report } from '../model/report.js';
import type { PdfFonts } from './pdf/renderPdf.js';
import type { ScoredFile } from './scoredFile.js';

export const FORMATS = ['terminal', 'json', 'jsonl', 'markdown', 'github', 'sarif', 'junit', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * What every renderer is given: the scored files (one, or a batch) and the layout choices the command line
 * made. A renderer lays these out; what to do, in what order and every number come from the Report and its
 * reading (reading.ts).
 */
export interface RenderInput {
  files: readonly ScoredFile[];
  /** The report language, decided once at the edge (--lang). */
  lang: Lang;
  batch: boolean;
  layout: {
    color: boolean;
    ascii: boolean;
    /** Terminal columns. */
    width: number;
    /** Gaps listed in the terminal and Markdown reports. */
    topGaps: number;
    gateOnly: boolean;
  };
  /** PDF and HTML: the document the report is issued as (number, version, draft or final, the consultant's brand). */
  document?: (report: Report) => ReportDocument;
  /**
   * PDF: the font faces, the document's date (fixed, so the same input gives the same bytes) and how to load
   * the renderer (its own code-cached bundle in the package: the CLI knows where that is).
   */
  pdf?: { fonts: PdfFonts; date: Date; load: () => Promise<typeof import('./pdf/renderPdf.js')> };
  /**
   * HTML: where the i-th file's cited evidence links to (null: no link); with `pageHref`, each company's
   * report is a page of its own (`pages`, in input order) linked from the portfolio, and links back with `backHref`.
   */
  html?: {
    hrefFor: (file: number, e: EvidenceResult) => string | null;
    pageHref?: (file: number) => string;
    pageHrefFor?: (file: number, e: EvidenceResult) => string | null;
    backHref?: string;
  };
}

export interface Rendered {
  content: string | Uint8Array;
  /** HTML with `pageHref`: each company's page, in input order. */
  pages?: string[];
  /** PDF: characters the font has no glyph for. */
  missingGlyphs?: string[];
}

export type Renderer = (input: RenderInput) => Promise<Rendered>;

const text = (content: string): Rendered => ({ content });

/**
 * One renderer per format, loaded when asked for (a renderer's modules cost start-up time only where used).
 * Adding a format: its module under render/, one line here; the compiler holds the table complete.
 */
export const RENDERERS: Record<Format, Renderer> = {
  // A batch as JSON is one array, so `--format json` stays one parseable document; jsonl streams.
  json: async ({ files, batch }) => {
    const { renderJson } = await import('./json.js');
    return text(batch ? `[\n${files.map((s) => renderJson(s.report).trimEnd()).join(',\n')}\n]\n` : renderJson(files[0]!.report));
  },
  jsonl: async ({ files }) => {
    const { renderJson } = await import('./json.js');
    return text(files.map((s) => renderJson(s.report, 0)).join(''));
  },
  terminal: async ({ files, batch, lang, layout }) => {
    const m = await import('./terminal.js');
    return text(batch ? m.renderBatchTerminal(files, lang, layout) : m.renderTerminal(files[0]!.report, layout));
  },
  markdown: async ({ files, lang, layout }) => text((await import('./markdown.js')).renderMarkdown(files, lang, layout.topGaps)),
  github: async ({ files, lang }) => text((await import('./github.js')).renderGithub(files, lang)),
  sarif: async ({ files, lang }) => text((await import('./sarif.js')).renderSarif(files, lang)),
  junit: async ({ files, layout }) => text((await import('./junit.js')).renderJunit(files, { gateOnly: layout.gateOnly })),
  pdf: async ({ files, pdf, document }) => {
    if (!pdf) throw new Error('pdf: fonts and date are needed');
    const { renderPdf } = await pdf.load();
    const report = files[0]!.report;
    const { bytes, missingGlyphs } = await renderPdf(report, pdf.fonts, pdf.date, documentOf(report, document));
    return { content: bytes, missingGlyphs };
  },
  html: async ({ files, batch, lang, html, document }) => {
    const { renderHtml } = await import('./html/renderHtml.js');
    const hrefFor = (i: number) => (e: EvidenceResult) => html?.hrefFor(i, e) ?? null;
    if (!batch) return text(renderHtml(files[0]!.report, { hrefFor: hrefFor(0), document: documentOf(files[0]!.report, document) }));
    const { renderPortfolio } = await import('./html/renderPortfolio.js');
    if (!html?.pageHref) return text(renderPortfolio(files, { lang, hrefFor: (i, e) => html?.hrefFor(i, e) ?? null }));
    const pages = files.map((s, i) =>
      renderHtml(s.report, {
        hrefFor: (e) => html.pageHrefFor?.(i, e) ?? null,
        document: documentOf(s.report, document),
        ...(html.backHref ? { backHref: html.backHref } : {}),
      }),
    );
    return { content: renderPortfolio(files, { lang, reportHref: html.pageHref }), pages };
  },
};

/** Without options from the command line (a library caller, a test): a draft, numbered from the evidence. */
function documentOf(report: Report, document: RenderInput['document']): ReportDocument {
  return document?.(report) ?? { number: defaultReportNumber(report), version: '1.0', final: false, brand: null };
}
