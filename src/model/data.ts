import type { Ratio } from './units.js';

/** Metrics computed from referenced datasets; rubric criteria name them in their `data` rule. */
export const DATA_METRICS = [
  'survey.satisfactionRate',
  'survey.firstContactResolutionRate',
  'survey.recommendRate',
  'records.repair.responseWithinCommitment',
  'records.repair.firstTimeFix',
  'records.installation.withinCommitment',
  'records.consultation.responseWithinCommitment',
  'records.complaint.replyWithinCommitment',
  'records.complaint.resolutionWithinCommitment',
] as const;
export type DataMetricId = (typeof DATA_METRICS)[number];

export interface DataMetric {
  value: Ratio;
  /** Rows (responses or tickets) the share is computed over. */
  n: number;
  dataset: 'survey' | 'records';
}

export interface DatasetSummary {
  name: 'survey' | 'records';
  /** As written in the evidence file. */
  file: string;
  format: string;
  encoding: string | null;
  rows: number;
  valid: number;
  invalid: number;
  sha256: string;
  metrics: Partial<Record<DataMetricId, DataMetric>>;
}

/** What the data told the core; absent datasets simply leave criteria to their claims. */
export interface DataInput {
  datasets: DatasetSummary[];
  /** Datasets the evidence file references but that could not be read. */
  unavailable: Array<{ name: string; file: string; reason: string }>;
}
