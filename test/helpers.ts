import { join } from 'node:path';
import { diagnosticText } from '../src/messages/diagnostics.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { loadRubricFile } from '../src/validate/loadRubric.js';
import type { CriterionEntry, EvidenceFile } from '../src/model/evidence.js';
import type { FileFact } from '../src/model/facts.js';
import type { LoadedRubric, Rubric } from '../src/model/rubric.js';
import { buildReport } from '../src/report/buildReport.js';
import type { Report } from '../src/model/report.js';

export const ROOT = join(import.meta.dirname, '..');
export const RUBRIC_FILE = join(ROOT, 'rubrics/gbt27922-2011.yaml');
export const loaded: LoadedRubric = loadRubricFile(RUBRIC_FILE, 'bundled').loaded;
export const rubric: Rubric = loaded.rubric;
export const allCriteria = rubric.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria));

// Dated, so criteria with a maximum evidence age accept it.
const URL_EVIDENCE = [{ url: 'https://example.com/doc', date: '2026-10-01' }];

/** Every criterion met with a URL (which always counts), metrics meeting 10 %. */
export function allMet(): EvidenceFile {
  const criteria: Record<string, CriterionEntry> = {};
  for (const c of allCriteria) criteria[c.id] = { status: 'met', evidence: URL_EVIDENCE };
  return {
    schemaVersion: 1,
    company: { name: 'Test Co' },
    assessment: { date: '2026-11-01' },
    criteria,
    metrics: { certifiedServiceManagers: 3, serviceManagementStaff: 30 },
  };
}

export function withCriteria(patch: Record<string, CriterionEntry | undefined>, base = allMet()): EvidenceFile {
  const criteria = { ...base.criteria };
  for (const [id, entry] of Object.entries(patch)) {
    if (entry === undefined) delete criteria[id];
    else criteria[id] = entry;
  }
  return { ...base, criteria };
}

export function score(evidence: EvidenceFile, files: Record<string, FileFact['state']> = {}, asOf?: string): Report {
  const facts = new Map(Object.entries(files).map(([k, state]) => [k, { state } as FileFact]));
  return { lang: 'en', ...buildReport(loaded, evidence, facts, { tool: { name: 'aftersales-assess', version: 'test' }, ...(asOf ? { asOf } : {}) }) };
}

export function criterion(report: Pick<Report, 'sections'>, id: string) {
  const found = report.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

export const codes = (findings: ReadonlyArray<{ code: string }>) => findings.map((f) => f.code);

/** A diagnostic with its English wording, for assertions on what a user reads. */
export function en(d: Diagnostic): Diagnostic & { message: string; hint?: string } {
  return { ...d, ...diagnosticText(d, 'en') };
}
