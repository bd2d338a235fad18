import { createHash } from 'node:crypto';
import auditSampling from '../generated/audit-sampling.json' with { type: 'json' };
import { planAudit, seedFromDigest, type RecordCounts } from '../audit/planAudit.js';
import type { FileTree } from '../load/fileTree.js';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';
import type { AuditPlan, AuditRecordType, AuditSampling } from '../model/auditPlan.js';
import { InputError } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { LoadedRubric } from '../model/rubric.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { evidenceSource, loadEvidenceSource } from '../validate/loadEvidence.js';

/** The bundled sampling rule (reference/audit-sampling.yaml, checked by the build). */
export const AUDIT_SAMPLING = auditSampling as unknown as AuditSampling;

export interface AuditPlanOptions {
  rubric: LoadedRubric;
  tool: { name: string; version: string };
  /** `--seed N`; without it, derived from the evidence file's sha256. */
  seed?: number | undefined;
  maxBytes?: number | undefined;
}

/**
 * `audit-plan`: the evidence file loaded and checked as `validate` checks it, the records dataset it declares
 * counted per type (the records analysis's own reading: the same valid tickets), the plan drawn, then the
 * drawn tickets looked up in a second pass (only the drawn ones are kept: memory does not grow with the export).
 */
export async function auditPlan(tree: FileTree, opts: AuditPlanOptions): Promise<{ plan: AuditPlan; warnings: Diagnostic[] }> {
  const source = await evidenceSource(tree.readEvidence(opts.maxBytes ?? DEFAULT_MAX_BYTES));
  const { evidence, warnings } = loadEvidenceSource(source, opts.rubric.rubric, { past: tree.past });
  const sha256 = createHash('sha256').update(source.bytes).digest('hex');
  // The default seed comes from who is audited and when, not from the file's bytes: the workbook audit-plan
  // writes (or the YAML after results are typed in) gives the same draws again, and the next assessment
  // date draws afresh.
  const identity = createHash('sha256').update(`${evidence.company.name}\n${evidence.assessment.date}`).digest('hex');
  const seed =
    opts.seed === undefined ? { value: seedFromDigest(identity), source: 'company-and-date' as const } : { value: opts.seed, source: 'option' as const };
  const ref = evidence.datasets?.records;
  let records: RecordCounts | null = null;
  let recordsNote: AuditPlan['records'] = null;
  let path: string | null = null;
  if (ref) {
    const fact = tree.fact(ref, false);
    path = fact.state === 'found' ? tree.localCopy(ref) : null;
    if (path === null) recordsNote = { file: ref, read: false, reason: fact.state };
    else {
      const counts: Partial<Record<AuditRecordType, number>> = {};
      const read = await readRecords(tree, evidence, path, ref, (type) => {
        counts[type] = (counts[type] ?? 0) + 1;
      });
      if (read === 'unreadable') recordsNote = { file: ref, read: false, reason: 'unreadable' };
      else if (read === 0) recordsNote = { file: ref, read: false, reason: 'empty' };
      else {
        records = { file: ref, counts };
        recordsNote = { file: ref, read: true, valid: read };
      }
    }
  }
  const plan = planAudit({
    rubric: opts.rubric.rubric,
    evidence,
    sampling: AUDIT_SAMPLING,
    records,
    seed,
    meta: {
      tool: opts.tool,
      evidenceFile: { path: source.file.split('\\').join('/'), sha256 },
      rubric: { id: opts.rubric.rubric.id, version: opts.rubric.rubric.version },
      records: recordsNote,
    },
  });
  if (records && path !== null && ref) {
    // Second pass: position p of type t is the p-th valid ticket of that type, in the export's order.
    const wanted = new Map<AuditRecordType, Map<number, Array<{ line?: number; id?: string }>>>();
    for (const c of plan.criteria) {
      if (c.population.source.kind !== 'records') continue;
      const type = c.population.source.type;
      let byPos = wanted.get(type);
      if (!byPos) wanted.set(type, (byPos = new Map()));
      for (const item of c.items) {
        const list = byPos.get(item.position) ?? [];
        list.push(item);
        byPos.set(item.position, list);
      }
    }
    const { maskPersonalData } = await import('../datasets/themes.js');
    const seen: Partial<Record<AuditRecordType, number>> = {};
    await readRecords(tree, evidence, path, ref, (type, id, line) => {
      const p = (seen[type] = (seen[type] ?? 0) + 1);
      const items = wanted.get(type)?.get(p);
      if (!items) return;
      const shown = maskPersonalData(id).slice(0, 40);
      for (const item of items) {
        item.line = line;
        item.id = shown;
      }
    });
  }
  return { plan, warnings };
}

/** The records export read by the records analysis (the evidence file's commitments, mapping and date): valid rows, or `unreadable`. */
async function readRecords(
  tree: FileTree,
  evidence: EvidenceFile,
  path: string,
  label: string,
  onValid: (type: AuditRecordType, id: string, line: number) => void,
): Promise<number | 'unreadable'> {
  const { analyzeRecordsFile, workCalendar } = await import('../datasets/analyze.js');
  const { loadMappingSource, commitmentsOf } = await import('../datasets/options.js');
  const mapRef = evidence.datasets?.mapping;
  const mapPath = mapRef && tree.fact(mapRef, false).state === 'found' ? tree.localCopy(mapRef) : null;
  try {
    const mapping = mapRef && mapPath ? loadMappingSource(mapPath, mapRef) : undefined;
    const analysis = await analyzeRecordsFile(path, {
      commitments: commitmentsOf(evidence),
      calendar: workCalendar(null, evidence.commitments),
      asOf: evidence.assessment.date,
      mapping,
      label,
      onValid,
    });
    return analysis.valid;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return 'unreadable';
  }
}
