import type { CriterionEntry, EvidenceFile } from '../model/evidence.js';
import { finding, pointer, type Finding } from '../model/finding.js';
import type { CriterionKind, Criterion, Rubric } from '../model/rubric.js';
import type { DataInput } from '../model/data.js';
import type { IsoDate, Ratio } from '../model/units.js';
import { evaluateDataRule } from './dataRule.js';

/**
 * What a criterion kind concludes. `measured`: the credit comes from a measurement, so a claimed status
 * that disagrees is reported (once, by evaluateCriterion). `evidenceGate: false`: the measurement is its
 * own evidence (a dataset read, counted and hashed), so the cited-evidence gate does not apply.
 */
export type KindVerdict =
  | { kind: 'credit'; credit: Ratio; findings: Finding[]; measured?: boolean; evidenceGate?: boolean }
  | { kind: 'not-assessed'; findings: Finding[] };

export interface KindContext {
  criterion: Criterion;
  /** The evidence file's entry for this criterion, if any. */
  entry: CriterionEntry | undefined;
  evidence: EvidenceFile;
  rubric: Rubric;
  path: string;
  asOf: IsoDate;
  data: DataInput | undefined;
}

type KindEvaluator = (ctx: KindContext) => KindVerdict;

/** One evaluator per criterion kind; the Record type makes the compiler insist each kind has one. */
export const CRITERION_KIND_EVALUATORS: Record<CriterionKind, KindEvaluator> = {
  claim: evaluateClaim,
  'ratio-threshold': evaluateRatioThreshold,
  data: evaluateFromData,
};

/** The kind a criterion is evaluated as: `data` when it has a data rule, else its written kind. */
export function kindOf(criterion: Criterion): string {
  return criterion.data ? 'data' : (criterion.kind ?? 'claim');
}

function evaluateFromData(ctx: KindContext): KindVerdict {
  const verdict = evaluateDataRule(ctx.criterion, ctx.data, ctx.asOf, ctx.path);
  if (verdict?.kind === 'credit') return { kind: 'credit', credit: verdict.credit, findings: verdict.findings, measured: true, evidenceGate: false };
  // No referenced dataset speaks to it: the criterion's written kind decides, with the note saying why.
  const written = (ctx.criterion.kind ?? 'claim') as CriterionKind;
  const fallback = written === 'data' ? evaluateClaim(ctx) : CRITERION_KIND_EVALUATORS[written](ctx);
  return { ...fallback, findings: [...(verdict?.findings ?? []), ...fallback.findings] };
}

function evaluateClaim({ criterion, entry, rubric, path }: KindContext): KindVerdict {
  if (!entry || entry.status === undefined || entry.status === null) {
    return { kind: 'not-assessed', findings: [finding('not-assessed', {}, path)] };
  }
  switch (entry.status) {
    case 'met':
      return { kind: 'credit', credit: 1, findings: [] };
    case 'not-met':
      return { kind: 'credit', credit: 0, findings: [finding('claimed-not-met', {}, `${path}/status`)] };
    case 'partial': {
      const sample = entry.sample;
      if (!sample) {
        const credit = rubric.scoring.partialCredit;
        return { kind: 'credit', credit, findings: [finding('partial-without-sample', { credit }, `${path}/status`)] };
      }
      const credit = sample.conforming / sample.checked;
      const f =
        sample.conforming === sample.checked
          ? finding('sample-all-conforming', { checked: sample.checked }, `${path}/sample`)
          : finding('sample-nonconforming', { checked: sample.checked, conforming: sample.conforming }, `${path}/sample`);
      return { kind: 'credit', credit, findings: [f] };
    }
    case 'n/a':
      // Validation refuses n/a where the rubric does not allow it; evaluateCriterion handles the allowed case.
      throw new Error(`n/a reached the claim evaluator for ${criterion.id}`);
  }
}

function evaluateRatioThreshold({ criterion, evidence }: KindContext): KindVerdict {
  const measure = criterion.measure;
  if (!measure) throw new Error(`criterion ${criterion.id} has kind ratio-threshold but no measure`);
  const metrics = evidence.metrics ?? {};
  const missing = [measure.numerator, measure.denominator].filter((m) => typeof metrics[m] !== 'number');
  if (missing.length > 0) {
    return {
      kind: 'not-assessed',
      findings: missing.map((metric) => finding('metric-missing', { metric }, pointer('metrics'))),
    };
  }
  const numerator = metrics[measure.numerator]!;
  const denominator = metrics[measure.denominator]!;
  // Validation guarantees denominator >= 1. Compare cross-multiplied so 3/30 meets 10 % exactly.
  const meets = numerator >= measure.atLeast * denominator - 1e-9;
  const value = numerator / denominator;
  const args = { numerator, denominator, value, threshold: measure.atLeast };
  const findings: Finding[] = [
    meets
      ? finding('ratio-meets-threshold', args, pointer('metrics', measure.numerator))
      : finding('ratio-below-threshold', args, pointer('metrics', measure.numerator)),
  ];
  return { kind: 'credit', credit: meets ? 1 : 0, findings, measured: true };
}
