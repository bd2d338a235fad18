import { lstatSync } from 'node:fs';
import { auditPlan } from '../../assess/auditPlan.js';
import { workingTree } from '../../load/workingTree.js';
import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { WORKBOOK_INSTRUCTIONS } from '../../messages/workbook.js';
import { recordsWarning } from '../../messages/audit.js';
import { safeText } from '../../shared/safeText.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { writeOutput } from '../io.js';
import { MAX_BYTES_CEILING, parseCount } from '../options.js';
import { TOOL } from '../version.js';
import { loadWorkbookWriter } from '../workbookWriter.js';
import { loadPdfRenderer } from '../pdfRenderer.js';
import type { CommandContext } from './context.js';

export const AUDIT_FORMATS = ['terminal', 'json', 'xlsx', 'html', 'pdf'] as const;

export interface AuditPlanCliOptions {
  seed?: string;
  format: (typeof AUDIT_FORMATS)[number];
  out?: string;
  rubric?: string;
  lang: Lang;
  root?: string;
  maxBytes?: string;
  font?: string;
  fontBold?: string;
}

const MAX_SEED = 2 ** 32 - 1;

/** `--seed N`: a whole number 0 … 2³²−1 (the generator's state), written as digits only. */
export function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_SEED)
    throw new UsageError('bad-count', { option: '--seed', value: JSON.stringify(value.slice(0, 40)), min: 0, max: MAX_SEED });
  return Number(value);
}

/**
 * `audit-plan FILE`: the mock audit of every sampled criterion. The xlsx is the evidence workbook itself plus
 * the checklist sheet: the counts typed into 评价项's 抽样数 / 合格数 are what `score` reads next.
 */
export async function auditPlanCommand(file: string, opts: AuditPlanCliOptions, ctx: CommandContext): Promise<ExitCode> {
  const maxBytes = parseCount('--max-bytes', opts.maxBytes, 1, MAX_BYTES_CEILING);
  const seed = parseSeed(opts.seed);
  const rubric = await ctx.rubricFrom(opts.rubric);
  const { plan, warnings } = await auditPlan(workingTree(file, opts.root), { rubric, tool: TOOL, seed, maxBytes });
  await ctx.printDiagnostics(warnings);
  const unusable = recordsWarning(plan, opts.lang);
  if (unusable) process.stderr.write(`aftersales-assess: ${safeText(unusable)}\n`);
  switch (opts.format) {
    case 'json': {
      const { renderAuditJson } = await import('../../render/auditPlan.js');
      writeOutput(renderAuditJson(plan), opts.out, [file]);
      break;
    }
    case 'terminal': {
      const { renderAuditTerminal } = await import('../../render/auditPlan.js');
      writeOutput(renderAuditTerminal(plan, opts.lang, file), opts.out, [file]);
      break;
    }
    case 'html': {
      const { renderAuditHtml } = await import('../../render/auditHtml.js');
      writeOutput(renderAuditHtml(plan, opts.lang, file), opts.out, [file]);
      break;
    }
    case 'pdf': {
      if ((opts.out === undefined || opts.out === '-') && process.stdout.isTTY) throw new UsageError('pdf-to-terminal', {});
      const { resolvePdfFonts, fontUsageError } = await import('../pdfFonts.js');
      const fonts = resolvePdfFonts(opts.font, opts.fontBold);
      const pdf = await loadPdfRenderer();
      const { pdfDate } = await import('./score.js');
      let out: import('../../render/pdf/renderPdf.js').PdfResult;
      try {
        out = await pdf.renderAuditPdf(plan, opts.lang, file, fonts, pdfDate(plan.assessmentDate));
      } catch (e) {
        if (e instanceof pdf.FontError) throw fontUsageError(e, opts.font, opts.fontBold);
        throw e;
      }
      if (out.missingGlyphs.length)
        process.stderr.write(`aftersales-assess: warning: ${out.missingGlyphs.length} character(s) have no glyph in the PDF font\n`);
      const inputs = [file, ...[opts.font, opts.fontBold].filter((f): f is string => f !== undefined).map((f) => f.split('#')[0]!)];
      writeOutput(out.bytes, opts.out, inputs);
      break;
    }
    case 'xlsx': {
      // Beside the evidence file by default, so that the paths it cites resolve when the workbook is scored.
      const out = opts.out ?? `${file.replace(/\.(ya?ml|xlsx)$/i, '')}.audit.xlsx`;
      if (opts.out === undefined && lstatSync(out, { throwIfNoEntry: false })) throw new UsageError('convert-exists', { target: out });
      if (out === '-' && process.stdout.isTTY) throw new UsageError('convert-binary-to-terminal', {});
      const { loadEvidenceSource, evidenceSource } = await import('../../validate/loadEvidence.js');
      const { readSource } = await import('../../load/readSource.js');
      const { evidence } = loadEvidenceSource(await evidenceSource(readSource(file, maxBytes)), rubric.rubric);
      const { auditSheet } = await import('../../render/auditSheet.js');
      const { writeWorkbook, stableZip } = await loadWorkbookWriter();
      const bytes = await writeWorkbook(rubric.rubric, evidence, opts.lang, {
        instructions: WORKBOOK_INSTRUCTIONS,
        extraSheet: auditSheet(plan, opts.lang, file),
      });
      writeOutput(stableZip(bytes, plan.assessmentDate), out, [file]);
      break;
    }
  }
  return EXIT.ok;
}
