import type { DataMetric, DataMetricId, DatasetSummary } from '../model/data.js';
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
  return { name: 'survey', file, format: a.dataset.format, encoding: a.dataset.encoding, rows: a.dataset.rows, valid: a.responses, invalid: a.invalid.length, sha256: a.dataset.sha256, metrics };
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
  return { name: 'records', file, format: a.dataset.format, encoding: a.dataset.encoding, rows: a.dataset.rows, valid: a.valid, invalid: a.invalid.length, sha256: a.dataset.sha256, metrics };
}
