import type { Localized } from './localized.js';
import type { Ratio } from './units.js';

/** Metrics computed from referenced datasets; rubric criteria name them in their `data` rule. */
export const DATA_METRICS = [
  'survey.satisfactionRate',
  'survey.resolutionRate',
  'survey.recommendRate',
  'records.repair.responseWithinCommitment',
  'records.repair.firstTimeFix',
  'records.repair.repeatRepairRate',
  'records.installation.withinCommitment',
  'records.consultation.responseWithinCommitment',
  'records.complaint.replyWithinCommitment',
  'records.complaint.resolutionWithinCommitment',
] as const;
export type DataMetricId = (typeof DATA_METRICS)[number];
export type DatasetName = 'survey' | 'records';
export const datasetOf = (metric: string): DatasetName => (metric.startsWith('records.') ? 'records' : 'survey');

export interface DataMetric {
  value: Ratio;
  /** Rows (responses or tickets) the share is computed over. */
  n: number;
  dataset: DatasetName;
}

export interface DatasetSummary {
  name: DatasetName;
  /** As written in the evidence file. */
  file: string;
  format: string;
  encoding: string | null;
  rows: number;
  valid: number;
  invalid: number;
  sha256: string;
  /** First and last day the data covers (survey dates, ticket opening times); null when undated. */
  period: { from: string; to: string } | null;
  metrics: Partial<Record<DataMetricId, DataMetric>>;
  /** For reports: the analysis in brief, with no personal data and no free text. */
  digest: SurveyDigest | RecordsDigest;
}

export interface SurveyDigest {
  kind: 'survey';
  period: { from: string; to: string } | null;
  /** Mean 1–5 rating per dimension (speed, resolution, professionalism, patience, updates, overall, recommend). */
  means: Record<string, number | null>;
  answersWithText: number;
  /** Seed 002's four classes (quality, attitude, process, other), answers mentioning each over `answersWithText`. */
  themeClasses?: Array<{ id: string; label: { 'zh-CN': string; en: string }; mentions: number; share: Ratio }>;
  themes: Array<{ id: string; label: { 'zh-CN': string; en: string }; mentions: number; share: Ratio; common: boolean }>;
  /** Teams and product lines whose satisfaction rate was compared with the mean of the groups. */
  groups: Array<{
    grouping: 'team' | 'productLine';
    group: string;
    responses: number;
    satisfactionRate: Ratio | null;
    belowMean: boolean;
    shortfall: Ratio | null;
    tooFew: boolean;
  }>;
  anomalies: { allFive: number; allOne: number };
  rules: { commonThemeShare: Ratio; groupShortfall: Ratio; minGroupResponses: number };
}

export interface RecordsDigest {
  kind: 'records';
  asOf: string;
  types: Array<{
    type: string;
    count: number;
    /** Repair and installation: to on-site arrival; others: to first contact. */
    responseMedianHours: number | null;
    responseP90Hours: number | null;
    withinCommitment: Ratio | null;
    withinBenchmark: Ratio | null;
    firstTimeFix: Ratio | null;
    repeatRepairRate: Ratio | null;
    overdueOpen: number;
    pending: number;
  }>;
  /** With `company.industry`: the profile's KPIs from these records. */
  industryKpis?: IndustryKpis;
}

/** The KPIs of the industry profile `company.industry` selected, to be computed from the records. */
export interface KpiRequest {
  profile: string;
  name: Localized;
  kpis: Array<{ id: string; title: Localized; source: string }>;
}

/**
 * One industry KPI from the service records. `measured`: `value` is the headline ratio (null when nothing
 * could be counted, or for a mix, which has only `parts`), `count` of `n`; `not-measurable`: the export or
 * the evidence file lacks what it needs (`needs`: record fields and/or a commitment); `not-computed`: a KPI
 * this build does not compute.
 */
export interface IndustryKpiResult {
  id: string;
  title: Localized;
  source: string;
  status: 'measured' | 'not-measurable' | 'not-computed';
  value?: Ratio | null;
  count?: number | null;
  n?: number;
  /** A breakdown: resolution channels (remote, on-site, unclassified, not-recorded) or fault classes. */
  parts?: Array<{ id: string; count: number; share: Ratio | null }>;
  /** The free re-repair period in days, and resolved repairs whose period runs past the analysis date (not yet repeated). */
  days?: number;
  stillInPeriod?: number;
  needs?: { columns: string[]; commitment?: 'freeRepairDays' | 'any' };
}

export interface IndustryKpis {
  profile: string;
  name: Localized;
  kpis: IndustryKpiResult[];
}

/** What the data told the core; absent datasets simply leave criteria to their claims. */
export interface DataInput {
  datasets: DatasetSummary[];
  /** Datasets the evidence file references but that could not be read, or hold no valid row. */
  unavailable: Array<{ name: DatasetName; file: string; reason: string }>;
}
