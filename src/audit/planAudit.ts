import type { AuditCriterion, AuditPlan, AuditRecordType, AuditSampling, PopulationSource } from '../model/auditPlan.js';
import { criteriaOf } from '../model/criteriaOf.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { Rubric } from '../model/rubric.js';
import { sampleSize } from './sampleSize.js';
import { drawDistinct, hash32, mulberry32 } from './seededRandom.js';

/** What the application found out before planning: the records dataset's valid tickets per type. */
export interface RecordCounts {
  file: string;
  counts: Partial<Record<AuditRecordType, number>>;
}

export interface AuditInput {
  rubric: Rubric;
  evidence: EvidenceFile;
  sampling: AuditSampling;
  /** null when the evidence file declares no records dataset (or it cannot be read: then slots are drawn). */
  records: RecordCounts | null;
  seed: AuditPlan['seed'];
  meta: Pick<AuditPlan, 'tool' | 'evidenceFile' | 'rubric' | 'records'>;
}

/**
 * The mock audit, pure: every criterion the rubric samples (`sampling:`), its population and size, n by our
 * rule and the positions drawn. A criterion the evidence file excludes (n/a) is not sampled. Items drawn from
 * records carry positions only here; the application adds each one's line and masked id (a second pass over
 * the export, so memory does not grow with its size).
 */
export function planAudit(input: AuditInput): AuditPlan {
  const { rubric, evidence, sampling, records } = input;
  const criteria: AuditCriterion[] = [];
  for (const c of criteriaOf(rubric)) {
    if (!c.sampling) continue;
    const entry = evidence.criteria?.[c.id];
    if (entry?.status === 'n/a') continue;
    const popId = sampling.criteria[c.id] ?? null;
    const pop = popId === null ? undefined : sampling.populations[popId];
    let size: number | null = null;
    let source: PopulationSource;
    if (pop?.records !== undefined && records) {
      size = records.counts[pop.records] ?? 0;
      source = { kind: 'records', file: records.file, type: pop.records };
    } else if (pop?.metric !== undefined && typeof evidence.metrics?.[pop.metric] === 'number') {
      size = evidence.metrics[pop.metric]!;
      source = { kind: 'metric', metric: pop.metric };
    } else {
      source = { kind: 'none', ...(pop?.metric !== undefined ? { metric: pop.metric } : {}), ...(pop?.records !== undefined ? { records: pop.records } : {}) };
    }
    const n = size === null ? null : sampleSize(size, sampling.rule, pop);
    // One stream per criterion from (seed, id): adding a criterion or changing another's N leaves these draws alone.
    const items = size === null || n === null ? [] : drawDistinct(size, n, mulberry32(hash32(`${input.seed.value}:${c.id}`))).map((position) => ({ position }));
    const current = {
      ...(entry?.status ? { status: entry.status } : {}),
      ...(entry?.sample ? { checked: entry.sample.checked, conforming: entry.sample.conforming } : {}),
    };
    criteria.push({
      id: c.id,
      title: c.title,
      points: c.points,
      sampling: c.sampling,
      population: { id: popId, title: pop?.title ?? c.sampling, unit: pop?.unit ?? c.sampling, size, source },
      sampleSize: n,
      scoredFromData: source.kind === 'records' && c.data !== undefined && c.data.metric.startsWith('records.'),
      current,
      items,
    });
  }
  return {
    schemaVersion: 1,
    ...input.meta,
    company: evidence.company.name,
    assessmentDate: evidence.assessment.date,
    seed: input.seed,
    rule: { ...sampling.rule, ours: true },
    criteria,
  };
}

/** The default seed: the first 32 bits of the evidence file's sha256, so one file always gives one plan. */
export function seedFromDigest(sha256: string): number {
  return Number.parseInt(sha256.slice(0, 8), 16) >>> 0;
}
