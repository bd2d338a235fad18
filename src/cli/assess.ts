import { existsSync, readFileSync } from 'node:fs';
import { diffReports } from '../compare/diffReports.js';
import { gatherFileFacts, locateCitedFile } from '../load/gatherFileFacts.js';
import type { DataInput } from '../model/data.js';
import { loadEvidenceFile } from '../load/loadEvidence.js';
import { findingLocator } from '../load/locate.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { LoadedRubric } from '../model/rubric.js';
import { buildReport } from '../report/buildReport.js';
import { UsageError } from './exitCodes.js';
import { TOOL } from './version.js';

export interface AssessOptions {
  rubric: LoadedRubric;
  lang: Lang;
  asOf?: string;
  root?: string;
  maxBytes?: number;
}

export interface Assessment {
  report: Report;
  warnings: Diagnostic[];
  evidence: EvidenceFile;
}

/** load → validate → gather file facts and datasets → build the Report, for an evidence file in the working tree. */
export async function assessFile(file: string, opts: AssessOptions): Promise<Assessment> {
  const { evidence, parsed, warnings } = loadEvidenceFile(file, opts.rubric.rubric, opts.maxBytes);
  const facts = gatherFileFacts(evidence, file, opts.root);
  const data = evidence.datasets ? await loadDatasets(evidence, file, opts.asOf ?? evidence.assessment.date, opts.root) : undefined;
  const report = buildReport(opts.rubric, evidence, facts, {
    lang: opts.lang,
    tool: TOOL,
    locate: findingLocator(parsed),
    ...(data ? { data } : {}),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  });
  if (opts.asOf && opts.asOf !== evidence.assessment.date) {
    // A forecast: the same evidence judged on its own date, then on --as-of.
    const today = buildReport(opts.rubric, evidence, facts, { lang: opts.lang, tool: TOOL, ...(data ? { data } : {}) });
    const diff = diffReports(today, report, { base: evidence.assessment.date, head: opts.asOf });
    return { report: { ...report, comparison: { kind: 'as-of', diff } }, warnings, evidence };
  }
  return { report, warnings, evidence };
}

/**
 * The survey and records the evidence file references, analysed. A dataset that cannot be found
 * becomes a finding (its criteria fall back to the claims); one that cannot be parsed is bad input.
 */
async function loadDatasets(evidence: EvidenceFile, file: string, asOf: string, root?: string): Promise<DataInput> {
  const { readTable } = await import('../datasets/readTable.js');
  const { calendarOf, commitmentsOf, loadMapping } = await import('./commands/datasets.js');
  const { surveySummary, recordsSummary } = await import('../datasets/metrics.js');
  const out: DataInput = { datasets: [], unavailable: [] };
  const refs = evidence.datasets ?? {};
  const mapping = refs.mapping ? loadMapping(locateCitedFile(refs.mapping, file, root).path) : undefined;
  for (const name of ['survey', 'records'] as const) {
    const ref = refs[name];
    if (!ref) continue;
    const { fact, path } = locateCitedFile(ref, file, root);
    if (fact.state !== 'found') {
      out.unavailable.push({ name, file: ref, reason: fact.state });
      continue;
    }
    const table = await readTable(path);
    if (name === 'survey') {
      const { analyzeSurvey } = await import('../datasets/survey.js');
      out.datasets.push(surveySummary(analyzeSurvey(table, mapping), ref));
    } else {
      const { analyzeRecords } = await import('../datasets/records.js');
      out.datasets.push(recordsSummary(analyzeRecords(table, { commitments: commitmentsOf(evidence), calendar: calendarOf(evidence), asOf, ...(mapping ? { mapping } : {}) }), ref));
    }
  }
  return out;
}

/** A JSON report written earlier by `score --format json`. */
export function readJsonReport(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file} is not a readable JSON report (${(e as Error).message})`);
  }
  const r = data as Partial<Report>;
  if (r?.schemaVersion !== 1 || !Array.isArray(r.sections) || typeof r.score?.final !== 'number') {
    throw new UsageError(`${file} is not an aftersales-assess JSON report (schemaVersion 1); write one with \`score --format json --out FILE\``);
  }
  return data as Report;
}

/** --baseline REF: a JSON report file, or else a git revision of the evidence file. */
export async function baselineReport(ref: string, file: string, opts: AssessOptions): Promise<Report> {
  if (ref.endsWith('.json') && existsSync(ref)) return readJsonReport(ref);
  // git is spawned only here, so its module loads only for --baseline REV.
  return (await import('./gitBaseline.js')).assessGitRevision(file, ref, opts);
}

/** `diff BASE HEAD`: each side an evidence file (scored now) or a JSON report. */
export async function reportFor(path: string, opts: AssessOptions): Promise<Report> {
  return path.endsWith('.json') ? readJsonReport(path) : (await assessFile(path, opts)).report;
}
