import { existsSync } from 'node:fs';
import { ReadRefused, readGuarded } from '../load/guardedRead.js';
import { diffReports } from '../compare/diffReports.js';
import { gatherFileFacts, locateCitedFile } from '../load/gatherFileFacts.js';
import type { DataInput } from '../model/data.js';
import { loadEvidenceFile } from '../load/loadEvidence.js';
import { findingLocator } from '../load/locate.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { diag } from '../messages/diagnostics.js';
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
 * The survey and records the evidence file references, analysed. A dataset that is missing, cannot be
 * read or holds no valid row is reported as unavailable: its criteria then earn nothing from data.
 */
async function loadDatasets(evidence: EvidenceFile, file: string, asOf: string, root?: string): Promise<DataInput> {
  const { analyzeSurveyFile, analyzeRecordsFile, workCalendar } = await import('../datasets/analyze.js');
  const { commitmentsOf, loadMapping } = await import('./commands/datasets.js');
  const { surveySummary, recordsSummary } = await import('../datasets/metrics.js');
  const out: DataInput = { datasets: [], unavailable: [] };
  const refs = evidence.datasets ?? {};
  let mapping: Record<string, string> | undefined;
  if (refs.mapping) {
    const m = locateCitedFile(refs.mapping, file, root);
    // A mapping outside the evidence root is never read, and its content never echoed.
    if (m.fact.state !== 'found') throw new InputError([diag('mapping-not-found', { file: refs.mapping, state: m.fact.state }, { file, line: 0, column: 0 })]);
    mapping = loadMapping(m.path);
  }
  for (const name of ['survey', 'records'] as const) {
    const ref = refs[name];
    if (!ref) continue;
    const { fact, path } = locateCitedFile(ref, file, root);
    if (fact.state !== 'found') {
      out.unavailable.push({ name, file: ref, reason: fact.state });
      continue;
    }
    try {
      const summary =
        name === 'survey'
          ? surveySummary(await analyzeSurveyFile(path, { mapping, label: ref }), ref)
          : recordsSummary(await analyzeRecordsFile(path, { commitments: commitmentsOf(evidence), calendar: workCalendar(null, evidence.commitments), asOf, mapping, label: ref }), ref);
      if (summary.valid === 0) out.unavailable.push({ name, file: ref, reason: 'empty' });
      else out.datasets.push(summary);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.unavailable.push({ name, file: ref, reason: 'unreadable' });
    }
  }
  return out;
}

/** JSON reports are a few hundred kilobytes; a batch of them a few megabytes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** A JSON report written earlier by `score --format json`, checked against the published report schema. */
export async function readJsonReport(file: string): Promise<Report> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readGuarded(file, { maxBytes: MAX_REPORT_BYTES })));
  } catch (e) {
    const why = e instanceof ReadRefused ? { missing: 'not found', 'not-a-file': 'not a regular file', 'too-large': `over ${MAX_REPORT_BYTES / 1048576} MB`, 'outside-root': 'outside the root', unreadable: e.detail.code ?? 'unreadable' }[e.reason] : (e as Error).message;
    throw new UsageError(`${file} is not a readable JSON report (${why})`);
  }
  const { validateReport } = await import('../validate/reportSchema.js');
  if (!validateReport(data)) {
    const err = validateReport.errors?.[0];
    throw new UsageError(`${file} is not an aftersales-assess JSON report (schemaVersion 1): ${err ? `${err.instancePath || '/'} ${err.message}` : 'invalid'}; write one with \`score --format json --out FILE\``);
  }
  return data as Report;
}

/** --baseline REF: a JSON report file, or else a git revision of the evidence file. */
export async function baselineReport(ref: string, file: string, opts: AssessOptions): Promise<Report> {
  if (ref.endsWith('.json') && existsSync(ref)) return await readJsonReport(ref);
  // git is spawned only here, so its module loads only for --baseline REV.
  return (await import('./gitBaseline.js')).assessGitRevision(file, ref, opts);
}

/** `diff BASE HEAD`: each side an evidence file (scored now) or a JSON report. */
export async function reportFor(path: string, opts: AssessOptions): Promise<Report> {
  return path.endsWith('.json') ? await readJsonReport(path) : (await assessFile(path, opts)).report;
}
