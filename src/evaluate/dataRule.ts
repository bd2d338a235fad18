import { datasetOf, type DataInput, type DataMetricId } from '../model/data.js';
import { finding, type Finding } from '../model/finding.js';
import type { Criterion } from '../model/rubric.js';
import type { IsoDate, Ratio } from '../model/units.js';
import { addMonths } from '../shared/dates.js';

/** What the data concludes for a criterion with a `data` rule; null when no referenced dataset speaks to it. */
export type DataVerdict = { kind: 'credit'; credit: Ratio; findings: Finding[] } | { kind: 'claims'; findings: Finding[] } | null;

/**
 * Pure: a criterion's credit from the referenced datasets. A dataset that was referenced but could
 * not be used earns nothing (it is not replaced by the claim); data older than the rule's age limit or
 * smaller than its minimum sample earns nothing; a dataset with no rows for this metric leaves the
 * criterion to its claim, and says so.
 */
export function evaluateDataRule(criterion: Criterion, data: DataInput | undefined, asOf: IsoDate, path: string): DataVerdict {
  const rule = criterion.data;
  if (!rule || !data) return null;
  const dataset = datasetOf(rule.metric);
  const unavailable = data.unavailable.find((u) => u.name === dataset);
  if (unavailable)
    return { kind: 'credit', credit: 0, findings: [finding('data-unavailable', { dataset, file: unavailable.file, reason: unavailable.reason }, path)] };
  const d = data.datasets.find((x) => x.name === dataset);
  if (!d) return null;
  const metric = d.metrics[rule.metric as DataMetricId];
  if (!metric && rule.rule !== 'conducted') return { kind: 'claims', findings: [finding('data-not-covered', { metric: rule.metric, dataset }, path)] };

  const maxAge = rule.maxAgeMonths ?? criterion.maxAgeMonths;
  if (maxAge !== undefined) {
    if (!d.period) return { kind: 'credit', credit: 0, findings: [finding('data-undated', { dataset, maxAgeMonths: maxAge }, path)] };
    if (d.period.to < addMonths(asOf, -maxAge))
      return { kind: 'credit', credit: 0, findings: [finding('data-too-old', { dataset, latest: d.period.to, maxAgeMonths: maxAge }, path)] };
  }
  const n = rule.rule === 'conducted' ? d.valid : metric!.n;
  const min = rule.minSample ?? 1;
  if (n < min) return { kind: 'credit', credit: 0, findings: [finding('data-sample-too-small', { dataset, n, min }, path)] };

  if (rule.rule === 'conducted') {
    const rate = d.metrics['survey.satisfactionRate']?.value ?? null;
    return {
      kind: 'credit',
      credit: 1,
      findings: [finding('data-survey-conducted', { n, from: d.period?.from ?? '', to: d.period?.to ?? '', satisfactionRate: rate }, path)],
    };
  }
  const value = metric!.value;
  const credit = rule.rule === 'proportional' ? value : rule.rule === 'complement' ? 1 - value : value >= (rule.atLeast ?? 1) - 1e-9 ? 1 : 0;
  const args = { metric: rule.metric, value, n, dataset, rule: rule.rule, threshold: rule.rule === 'at-least' ? (rule.atLeast ?? 1) : null };
  return { kind: 'credit', credit, findings: [credit >= 1 ? finding('data-meets', args, path) : finding('data-below', args, path)] };
}
