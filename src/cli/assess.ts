import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { diffReports } from '../compare/diffReports.js';
import { gatherFileFacts, citedFiles, locateCitedFile } from '../load/gatherFileFacts.js';
import type { DataInput } from '../model/data.js';
import { loadEvidenceFile, loadEvidenceSource } from '../load/loadEvidence.js';
import { findingLocator } from '../load/locate.js';
import { sourceFromBytes } from '../load/readSource.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { FileFact } from '../model/facts.js';
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

/**
 * The evidence file as it was at git revision `rev`, scored with today's rubric. Cited files are
 * looked up in that revision's tree, not in the working tree.
 */
export function assessGitRevision(file: string, rev: string, opts: AssessOptions): Report {
  const dir = dirname(resolve(file));
  const git = (args: string[], cwd = dir) => {
    try {
      return execFileSync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT') throw new UsageError('--baseline with a git revision needs git on the PATH');
      throw new UsageError(`git ${args[0]} failed for --baseline ${rev}: ${String(err.stderr ?? '').trim().split('\n')[0]}`);
    }
  };
  const top = git(['rev-parse', '--show-toplevel']).toString().trim();
  const relFile = relative(realpathSync(top), realpathSync(resolve(file))).split(sep).join('/');
  const bytes = git(['show', `${rev}:${relFile}`], top);
  const { evidence, parsed } = loadEvidenceSource(sourceFromBytes(`${rev}:${relFile}`, bytes, opts.maxBytes), opts.rubric.rubric);
  const tree = new Set(git(['ls-tree', '-r', '--name-only', '-z', rev], top).toString().split('\0').filter(Boolean));
  const evidenceDir = posix.dirname(relFile);
  const rootRel = opts.root ? relative(realpathSync(top), realpathSync(resolve(opts.root))).split(sep).join('/') : evidenceDir;
  const facts = new Map<string, FileFact>();
  for (const cited of citedFiles(evidence)) {
    const target = posix.normalize(posix.join(evidenceDir, cited));
    const inside = !posix.isAbsolute(cited) && (rootRel === '.' || rootRel === '' ? !target.startsWith('..') : target === rootRel || target.startsWith(rootRel + '/'));
    if (!inside) facts.set(cited, { state: 'outside-root' });
    else if (tree.has(target)) {
      const pinned = Object.values(evidence.criteria ?? {}).some((c) => c?.evidence?.some((i) => i.file === cited && i.sha256));
      facts.set(cited, pinned ? { state: 'found', sha256: createHash('sha256').update(git(['show', `${rev}:${target}`], top)).digest('hex') } : { state: 'found' });
    } else if ([...tree].some((p) => p.startsWith(target + '/'))) facts.set(cited, { state: 'not-a-file' });
    else facts.set(cited, { state: 'missing' });
  }
  return buildReport(opts.rubric, evidence, facts, { lang: opts.lang, tool: TOOL, locate: findingLocator(parsed) });
}

/** --baseline REF: a JSON report file, or else a git revision of the evidence file. */
export function baselineReport(ref: string, file: string, opts: AssessOptions): Report {
  if (ref.endsWith('.json') && existsSync(ref)) return readJsonReport(ref);
  return assessGitRevision(file, ref, opts);
}

/** `diff BASE HEAD`: each side an evidence file (scored now) or a JSON report. */
export async function reportFor(path: string, opts: AssessOptions): Promise<Report> {
  return path.endsWith('.json') ? readJsonReport(path) : (await assessFile(path, opts)).report;
}
