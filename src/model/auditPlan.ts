import type { Localized } from './localized.js';
import type { Points } from './units.js';

/** The record types a population can be drawn from (the records analysis's, datasets/records.ts). */
export type AuditRecordType = 'repair' | 'installation' | 'consultation' | 'complaint' | 'return' | 'recall' | 'other';

/** reference/audit-sampling.yaml as the build checked it: our sample-size rule and what each criterion samples. */
export interface AuditSampling {
  rule: {
    id: 'ceil-sqrt';
    /** n = ⌈factor × √N⌉ before the bounds (IAF MD 1's 1.0 for an initial audit). */
    factor: number;
    minimum: number;
    maximum: number;
    label: Localized;
  };
  populations: Record<string, AuditPopulationDef>;
  /** Criterion id → population id. */
  criteria: Record<string, string>;
}

export interface AuditPopulationDef {
  title: Localized;
  unit: Localized;
  /** N from the evidence file's `metrics.NAME` … */
  metric?: string;
  /** … or from the records dataset's tickets of this type. */
  records?: AuditRecordType;
  minimum?: number;
  maximum?: number;
}

/** Where a population's size was found. `none`: nowhere yet; the plan says what to add. */
export type PopulationSource =
  | { kind: 'records'; file: string; type: AuditRecordType }
  | { kind: 'metric'; metric: string }
  | { kind: 'none'; metric?: string; records?: AuditRecordType };

/** One drawn item: its place in the population (1..N) and, drawn from records, the export's line and masked id. */
export interface AuditItem {
  /** 1-based position in the population (the n-th ticket of that type in the export, or slot n). */
  position: number;
  line?: number;
  /** The ticket id with phone numbers and e-mail addresses masked, as the records analysis masks them. */
  id?: string;
}

export interface AuditCriterion {
  id: string;
  title: Localized;
  points: Points;
  /** What the auditor samples, in the rubric's words. */
  sampling: Localized;
  population: {
    id: string | null;
    title: Localized;
    unit: Localized;
    /** N: null when neither the records nor the evidence file give it. */
    size: number | null;
    source: PopulationSource;
  };
  /** n by the rule; null when N is unknown. */
  sampleSize: number | null;
  /** The records dataset sets this criterion's credit (a data rule): the sample checks the records, `sample:` does not score it. */
  scoredFromData: boolean;
  /** What the evidence file already says, for the checklist's fill-in columns. */
  current: { status?: string; checked?: number; conforming?: number };
  items: AuditItem[];
}

/** `audit-plan`: the mock audit, one model that every output format lays out. */
export interface AuditPlan {
  schemaVersion: 1;
  tool: { name: string; version: string };
  evidenceFile: { path: string; sha256: string };
  company: string;
  assessmentDate: string;
  rubric: { id: string; version: string };
  /** The seed the draws came from: `--seed`, or derived from the evidence file's sha256 (printed to repeat it). */
  seed: { value: number; source: 'option' | 'company-and-date' };
  rule: AuditSampling['rule'] & { ours: true };
  /** The records dataset the evidence file declares (`datasets.records`): read, or why not (then slots are drawn). */
  records: { file: string; read: true; valid: number } | { file: string; read: false; reason: string } | null;
  criteria: AuditCriterion[];
}
