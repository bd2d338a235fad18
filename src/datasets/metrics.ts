import type { DataMetric, DataMetricId, DatasetSummary, RecordsDigest, SurveyDigest } from '../model/data.js';
import type { RecordsAnalysis, Within } from './records.js';
import type { SurveyAnalysis } from './survey.js';

/** Pure: analyses -> the metric table the scoring core reads, with each dataset's provenance. */
export function surveySummary(a: SurveyAnalysis, file: string): DatasetSummary {
  const metrics: Partial<Record<DataMetricId, DataMetric>> = {};
  const put = (id: DataMetricId, value: number | null, n: number) => value !== null && n > 0 && (metrics[id] = { value, n, dataset: 'survey' });
  put('survey.satisfactionRate', a.satisfactionRate, a.dimensions.overall?.answered ?? 0);
  put('survey.resolutionRate', a.resolutionRate, a.dimensions.resolution?.answered ?? 0);
  put('survey.recommendRate', a.recommendRate, a.dimensions.recommend?.answered ?? 0);
  const digest: SurveyDigest = {
    kind: 'survey',
    period: a.period,
    means: Object.fromEntries(Object.entries(a.dimensions).map(([d, x]) => [d, x?.mean ?? null])),
    answersWithText: a.themes.answersWithText,
    themeClasses: a.themes.classes.map((c) => ({ id: c.id, label: c.label, mentions: c.mentions, share: c.share })),
    // Counts only: example quotes stay in the `survey` command, out of documents handed around.
    themes: a.themes.list.filter((t) => t.mentions > 0).map((t) => ({ id: t.id, label: t.label, mentions: t.mentions, share: t.share, common: t.common })),
    groups: (['team', 'productLine'] as const).flatMap((g) =>
      (a.groups[g]?.groups ?? []).map((x) => ({
        grouping: g,
        group: x.group,
        responses: x.responses,
        satisfactionRate: x.satisfactionRate,
        belowMean: x.belowMean,
        shortfall: x.shortfall,
        tooFew: x.tooFew,
      })),
    ),
    anomalies: { allFive: a.anomalies.allFive.count, allOne: a.anomalies.allOne.count },
    rules: a.rules,
  };
  return {
    name: 'survey',
    file,
    format: a.dataset.format,
    encoding: a.dataset.encoding,
    rows: a.dataset.rows,
    valid: a.responses,
    invalid: a.excluded.count,
    sha256: a.dataset.sha256,
    period: a.period,
    metrics,
    digest,
  };
}

export function recordsSummary(a: RecordsAnalysis, file: string): DatasetSummary {
  const metrics: Partial<Record<DataMetricId, DataMetric>> = {};
  const measured = (w: Within | undefined) => (w ? w.within + w.late + w.overdueOpen : 0);
  const share = (id: DataMetricId, w: Within | undefined) => w && w.share !== null && (metrics[id] = { value: w.share, n: measured(w), dataset: 'records' });
  const type = (t: string) => a.types.find((x) => x.type === t);
  share('records.repair.responseWithinCommitment', type('repair')?.commitment.response);
  share('records.installation.withinCommitment', type('installation')?.commitment.completion);
  share('records.consultation.responseWithinCommitment', type('consultation')?.commitment.response);
  share('records.complaint.replyWithinCommitment', type('complaint')?.commitment.reply);
  share('records.complaint.resolutionWithinCommitment', type('complaint')?.commitment.resolution);
  const repair = type('repair');
  if (repair?.firstTimeFix?.share != null)
    metrics['records.repair.firstTimeFix'] = { value: repair.firstTimeFix.share, n: repair.firstTimeFix.n, dataset: 'records' };
  if (repair?.repeatRepair?.share != null)
    metrics['records.repair.repeatRepairRate'] = { value: repair.repeatRepair.share, n: repair.repeatRepair.n, dataset: 'records' };
  const main = (w: Record<string, Within | undefined>, t: string) => (t === 'complaint' ? w.resolution : Object.values(w).find((x) => x !== undefined));
  const digest: RecordsDigest = {
    kind: 'records',
    asOf: a.asOf,
    types: a.types.map((t) => {
      const resp = t.onSiteHours ?? t.firstContactHours;
      const c = main(t.commitment, t.type);
      const b = main(t.benchmark, t.type);
      return {
        type: t.type,
        count: t.count,
        responseMedianHours: resp.median,
        responseP90Hours: resp.p90,
        // Complaints: the resolution deadline is the one that matters most to a customer.
        withinCommitment: c?.share ?? null,
        withinBenchmark: b?.share ?? null,
        firstTimeFix: t.firstTimeFix?.share ?? null,
        repeatRepairRate: t.repeatRepair?.share ?? null,
        overdueOpen: t.overdueOpen.count,
        pending: c?.pending ?? 0,
      };
    }),
    // Counts and shares only; fault-class names are masked where the analysis made them.
    ...(a.industryKpis ? { industryKpis: a.industryKpis } : {}),
  };
  return {
    name: 'records',
    file,
    format: a.dataset.format,
    encoding: a.dataset.encoding,
    rows: a.dataset.rows,
    valid: a.valid,
    invalid: a.invalid.rows,
    sha256: a.dataset.sha256,
    period: a.period,
    metrics,
    digest,
  };
}
