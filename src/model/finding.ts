import type { DataRuleKind } from './rubric.js';
import type { IsoDate, Ratio } from './units.js';
import type { Localized } from './localized.js';

/**
 * Every finding is a code plus arguments; all wording lives in messages/findings.ts.
 * Adding a code here makes the compiler demand its message and severity.
 */
export interface FindingArgs {
  'not-assessed': Record<string, never>;
  'not-applicable': { justification: string };
  'claimed-not-met': Record<string, never>;
  'partial-without-sample': { credit: Ratio };
  'sample-nonconforming': { checked: number; conforming: number };
  'sample-all-conforming': { checked: number };
  'no-evidence': Record<string, never>;
  'no-valid-evidence': { cited: number };
  'evidence-file-missing': { file: string };
  'evidence-file-outside-root': { file: string };
  'evidence-not-a-file': { file: string };
  'evidence-expired': { ref: string; expires: IsoDate };
  'evidence-too-old': { ref: string; date: IsoDate; maxAgeMonths: number };
  'evidence-undated': { ref: string; maxAgeMonths: number };
  'evidence-hash-mismatch': { file: string; expected: string; actual: string };
  'evidence-expires-soon': { ref: string; expires: IsoDate; days: number };
  'evidence-dated-after-assessment': { ref: string; date: IsoDate };
  'metric-missing': { metric: string };
  'ratio-below-threshold': { numerator: number; denominator: number; value: Ratio; threshold: Ratio };
  'ratio-meets-threshold': { numerator: number; denominator: number; value: Ratio; threshold: Ratio };
  'status-contradicts-measure': { status: string; measured: 'met' | 'not-met' | 'partial' };
  'data-meets': { metric: string; value: Ratio; n: number; dataset: 'survey' | 'records'; rule: DataRuleKind; threshold: Ratio | null };
  'data-below': { metric: string; value: Ratio; n: number; dataset: 'survey' | 'records'; rule: DataRuleKind; threshold: Ratio | null };
  'data-survey-conducted': { n: number; from: IsoDate; to: IsoDate; satisfactionRate: Ratio | null };
  'data-not-covered': { metric: string; dataset: 'survey' | 'records' };
  'data-unavailable': { dataset: 'survey' | 'records'; file: string; reason: string };
  'data-too-old': { dataset: 'survey' | 'records'; latest: IsoDate; maxAgeMonths: number };
  'data-undated': { dataset: 'survey' | 'records'; maxAgeMonths: number };
  'data-sample-too-small': { dataset: 'survey' | 'records'; n: number; min: number };
  'dataset-unavailable': { dataset: 'survey' | 'records'; file: string; reason: string };
  'metric-disagrees-with-data': { metric: string; metricTitle: Localized; typed: number; computed: number; dataset: string };
  'unsupported-kind': { kind: string };
  'special-deduction': { clause: string; reason: string };
  'bonus-applied': { reason: string };
  'bonus-without-evidence': { reason: string };
  'fail-special-deductions': { count: number; limit: number };
  'stars-need-one-year': Record<string, never>;
  'commitment-looser-than-benchmark': {
    commitment: string;
    declared: number;
    unit: 'hours' | 'working days';
    benchmark: number;
    benchmarkUnit: 'hours' | 'working days';
  };
}

export type FindingCode = keyof FindingArgs;
export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  [C in FindingCode]: {
    code: C;
    args: FindingArgs[C];
    /** JSON pointer into the evidence file of what the finding is about ('' for the file itself). */
    path: string;
    /** Where `path` is in the evidence file (1-based), when the source was available; for something
     *  missing, where it should be added. */
    line?: number;
    column?: number;
    endLine?: number;
    endColumn?: number;
    /** In a workbook: the sheet and cell (`评价项!E12`) of `path`, instead of a line and column. */
    cell?: string;
  };
}[FindingCode];

export function finding<C extends FindingCode>(code: C, args: FindingArgs[C], path: string): Finding {
  return { code, args, path } as Finding;
}

/** error: points were lost because of it; warning: worth fixing before the audit; info: context. */
export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  'not-assessed': 'error',
  'not-applicable': 'info',
  'claimed-not-met': 'error',
  'partial-without-sample': 'error',
  'sample-nonconforming': 'error',
  'sample-all-conforming': 'warning',
  'no-evidence': 'error',
  'no-valid-evidence': 'error',
  'evidence-file-missing': 'error',
  'evidence-file-outside-root': 'error',
  'evidence-not-a-file': 'error',
  'evidence-expired': 'error',
  'evidence-too-old': 'error',
  'evidence-undated': 'error',
  'evidence-hash-mismatch': 'error',
  'evidence-expires-soon': 'warning',
  'evidence-dated-after-assessment': 'warning',
  'metric-missing': 'error',
  'ratio-below-threshold': 'error',
  'ratio-meets-threshold': 'info',
  'status-contradicts-measure': 'warning',
  'data-meets': 'info',
  'data-below': 'error',
  'data-survey-conducted': 'info',
  'data-not-covered': 'info',
  'data-unavailable': 'error',
  'data-too-old': 'error',
  'data-undated': 'error',
  'data-sample-too-small': 'error',
  'dataset-unavailable': 'error',
  'metric-disagrees-with-data': 'warning',
  'unsupported-kind': 'error',
  'special-deduction': 'error',
  'bonus-applied': 'info',
  'bonus-without-evidence': 'warning',
  'fail-special-deductions': 'error',
  'stars-need-one-year': 'info',
  'commitment-looser-than-benchmark': 'warning',
};

/** JSON pointer segment escaping (RFC 6901). */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
