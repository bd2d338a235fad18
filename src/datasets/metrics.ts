import type { DataMetric, DataMetricId, DatasetSummary, RecordsDigest, SurveyDigest } from '../model/data.js';
import { THEMES } from './themes.js';
import type { RecordsAnalysis, Within } from './records.js';
import type { SurveyAnalysis } from './survey.js';

/** Pure: analyses -> the metric table the scoring core reads, with each dataset's provenance. */
export function surveySummary(a: SurveyAnalysis, file: string): DatasetSummary {
  const m = (value: number | null, n: number): DataMetric | undefined => (value === null ? undefined : { value, n, dataset: 'survey' });
  const metrics: Partial<Record<DataMetricId, DataMetric>> = {};
  const put = (id: DataMetricId, x: DataMetric | undefined) => x && (metrics[id] = x);
  put('survey.satisfactionRate', m(a.satisfactionRate, a.dimensions.overall?.answered ?? 0));
  put('survey.firstContactResolutionRate', m(a.firstContactResolutionRate, a.dimensions.resolution?.answered ?? 0));
  put('survey.recommendRate', m(a.recommendRate, a.dimensions.recommend?.answered ?? 0));
  const digest: SurveyDigest = {
    kind: 'survey',
    period: a.period,
    means: Object.fromEntries(Object.entries(a.dimensions).map(([d, x]) => [d, x?.mean ?? null])),
    // Counts only: example quotes stay in the `survey` command, out of documents handed around.
    themes: a.themes.map((t) => ({ id: t.id, label: THEMES.find((x) => x.id === t.id)!.label, mentions: t.mentions, share: t.share, common: t.common })),
    groups: a.groups,
  };
  return { name: 'survey', file, format: a.dataset.format, encoding: a.dataset.encoding, rows: a.dataset.rows, valid: a.responses, invalid: a.invalid.length, sha256: a.dataset.sha256, metrics, digest };
}

export function recordsSummary(a: RecordsAnalysis, file: string): DatasetSummary {
  const metrics: Partial<Record<DataMetricId, DataMetric>> = {};
  const share = (w: Within | undefined): DataMetric | undefined => (w && w.share !== null && w.n > 0 ? { value: w.share, n: w.n, dataset: 'records' } : undefined);
  const put = (id: DataMetricId, x: DataMetric | undefined) => x && (metrics[id] = x);
  const type = (t: string) => a.types.find((x) => x.type === t);
  put('records.repair.responseWithinCommitment', share(type('repair')?.commitment.response));
  const ftf = type('repair')?.firstTimeFix;
  if (ftf && ftf.share !== null) metrics['records.repair.firstTimeFix'] = { value: ftf.share, n: ftf.n, dataset: 'records' };
  put('records.installation.withinCommitment', share(type('installation')?.commitment.response));
  put('records.consultation.responseWithinCommitment', share(type('consultation')?.commitment.response));
  put('records.complaint.replyWithinCommitment', share(type('complaint')?.commitment.reply));
  put('records.complaint.resolutionWithinCommitment', share(type('complaint')?.commitment.resolution));
  const first = (w: Record<string, Within | undefined>) => Object.values(w).find((x) => x !== undefined)?.share ?? null;
  const digest: RecordsDigest = {
    kind: 'records',
    asOf: a.asOf,
    types: a.types.map((t) => ({
      type: t.type,
      count: t.count,
      responseMedianHours: t.responseHours.median,
      responseP90Hours: t.responseHours.p90,
      // Complaints: the resolution deadline is the one that matters most to a customer.
      withinCommitment: t.type === 'complaint' ? (t.commitment.resolution?.share ?? null) : first(t.commitment),
      withinBenchmark: t.type === 'complaint' ? (t.benchmark.resolution?.share ?? null) : first(t.benchmark),
      firstTimeFix: t.firstTimeFix?.share ?? null,
      overdueOpen: t.overdueOpen.count,
    })),
  };
  return { name: 'records', file, format: a.dataset.format, encoding: a.dataset.encoding, rows: a.dataset.rows, valid: a.valid, invalid: a.invalid.length, sha256: a.dataset.sha256, metrics, digest };
}
