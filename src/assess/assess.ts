import { createHash } from 'node:crypto';
import { diffReports } from '../compare/diffReports.js';
import { citedFiles, pinnedFiles } from '../load/gatherFileFacts.js';
import { evidenceSource, loadEvidenceSource } from '../validate/loadEvidence.js';
import { findIndustry } from '../validate/industries.js';
import { findingLocator } from '../load/locate.js';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';
import type { DataInput } from '../model/data.js';
import { InputError, type Diagnostic, diag } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { IndustryProfile } from '../model/industry.js';
import type { FileFacts } from '../model/facts.js';
import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { LoadedRubric } from '../model/rubric.js';
import { buildReport, type CoreReport } from '../report/buildReport.js';
import type { FileTree } from '../load/fileTree.js';

/** The one assessment's inputs besides the tree: what it is judged against, worded in, stamped with, and when. */
export interface AssessmentOptions {
  rubric: LoadedRubric;
  lang: Lang;
  tool: { name: string; version: string };
  /** Judge expiry and age as of this date instead of the evidence file's own (a forecast). */
  asOf?: string | undefined;
  maxBytes?: number | undefined;
}

export interface Assessment {
  report: Report;
  warnings: Diagnostic[];
  evidence: EvidenceFile;
}

/**
 * The one assessment: an evidence tree (the working tree, or a git revision) → load → validate →
 * facts about cited files and the datasets they name → the Report. `score`, `diff` and `--baseline`
 * all come through here, so a baseline is built exactly as the run it is compared with.
 */
export async function assess(tree: FileTree, opts: AssessmentOptions): Promise<Assessment> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const source = await evidenceSource(tree.readEvidence(maxBytes));
  const { evidence, parsed, warnings, locate } = loadEvidenceSource(source, opts.rubric.rubric, { past: tree.past });
  // Names the exact bytes assessed: two companies with the same name in a batch are told apart by file.
  const evidenceFile = { path: source.file.split('\\').join('/'), sha256: createHash('sha256').update(source.bytes).digest('hex') };
  const pinned = pinnedFiles(evidence);
  const facts: FileFacts = new Map(citedFiles(evidence).map((f) => [f, tree.fact(f, pinned.has(f))]));
  const industry = typeof evidence.company.industry === 'string' ? findIndustry(evidence.company.industry) : undefined;
  const data = evidence.datasets ? await loadDatasets(tree, evidence, opts.asOf ?? evidence.assessment.date, industry) : undefined;
  const common = { tool: opts.tool, ...(data ? { data } : {}), ...(industry ? { industry } : {}) };
  // The language is the reader's, not the score's: added here, never decided by the core.
  const report = {
    ...withLang(
      buildReport(opts.rubric, evidence, facts, { ...common, locate: locate ?? findingLocator(parsed), ...(opts.asOf ? { asOf: opts.asOf } : {}) }),
      opts.lang,
    ),
    evidenceFile,
  };
  if (opts.asOf && opts.asOf !== evidence.assessment.date) {
    // A forecast: the same evidence judged on its own date, then on --as-of.
    const today = withLang(buildReport(opts.rubric, evidence, facts, common), opts.lang);
    const diff = diffReports(today, report, { base: evidence.assessment.date, head: opts.asOf });
    return { report: { ...report, comparison: { kind: 'as-of', diff } }, warnings, evidence };
  }
  return { report, warnings, evidence };
}

/**
 * The survey and records the evidence file references, analysed. A dataset that is missing, cannot be
 * read or holds no valid row is reported as unavailable: its criteria then earn nothing from data.
 */
async function loadDatasets(tree: FileTree, evidence: EvidenceFile, asOf: string, industry: IndustryProfile | undefined): Promise<DataInput> {
  const { analyzeSurveyFile, analyzeRecordsFile, workCalendar } = await import('../datasets/analyze.js');
  const { loadMappingSource, commitmentsOf } = await import('../datasets/options.js');
  const { kpiRequest } = await import('../datasets/industryKpis.js');
  const { surveySummary, recordsSummary } = await import('../datasets/metrics.js');
  const out: DataInput = { datasets: [], unavailable: [] };
  const refs = evidence.datasets ?? {};
  let mapping: Record<string, string> | undefined;
  if (refs.mapping) {
    const fact = tree.fact(refs.mapping, false);
    // A mapping outside the evidence root is never read, and its content never echoed.
    if (fact.state !== 'found')
      throw new InputError([diag('mapping-not-found', { file: refs.mapping, state: fact.state }, { file: tree.label, line: 0, column: 0 })]);
    mapping = loadMappingSource(tree.localCopy(refs.mapping)!, refs.mapping);
  }
  for (const name of ['survey', 'records'] as const) {
    const ref = refs[name];
    if (!ref) continue;
    const fact = tree.fact(ref, false);
    if (fact.state !== 'found') {
      out.unavailable.push({ name, file: ref, reason: fact.state });
      continue;
    }
    const path = tree.localCopy(ref)!;
    try {
      const summary =
        name === 'survey'
          ? surveySummary(await analyzeSurveyFile(path, { mapping, label: ref }), ref)
          : recordsSummary(
              await analyzeRecordsFile(path, {
                commitments: commitmentsOf(evidence),
                calendar: workCalendar(null, evidence.commitments),
                asOf,
                mapping,
                label: ref,
                industry: kpiRequest(industry),
              }),
              ref,
            );
      if (summary.valid === 0) out.unavailable.push({ name, file: ref, reason: 'empty' });
      else out.datasets.push(summary);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.unavailable.push({ name, file: ref, reason: 'unreadable' });
    }
  }
  return out;
}

/** The core's report read in `lang`, the language in its documented place (after `tool`). */
function withLang(core: CoreReport, lang: Lang): Report {
  const { schemaVersion, tool, ...rest } = core;
  return { schemaVersion, tool, lang, ...rest };
}
