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
  /** For reports: the analysis in brief, with no personal data and no free text. */
  digest: SurveyDigest | RecordsDigest;
}

export interface SurveyDigest {
  kind: 'survey';
  period: { from: string; to: string } | null;
  /** Mean 1–5 rating per dimension (speed, resolution, professionalism, patience, updates, overall, recommend). */
  means: Record<string, number | null>;
  themes: Array<{ id: string; label: { 'zh-CN': string; en: string }; mentions: number; share: Ratio; common: boolean }>;
  groups: Array<{ group: string; responses: number; meanOverall: number; belowMean: boolean; shortfall: Ratio }>;
}

export interface RecordsDigest {
  kind: 'records';
  asOf: string;
  types: Array<{
    type: string;
    count: number;
    responseMedianHours: number | null;
    responseP90Hours: number | null;
    withinCommitment: Ratio | null;
    withinBenchmark: Ratio | null;
    firstTimeFix: Ratio | null;
    overdueOpen: number;
  }>;
}

/** What the data told the core; absent datasets simply leave criteria to their claims. */
export interface DataInput {
  datasets: DatasetSummary[];
  /** Datasets the evidence file references but that could not be read. */
  unavailable: Array<{ name: string; file: string; reason: string }>;
}
