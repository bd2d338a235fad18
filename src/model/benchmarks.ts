import type { Commitments } from './evidence.js';

/** Common benchmarks buyers and tenders ask for (seed 001): not the standard, a yardstick. */
export const BENCHMARKS = {
  /** 维修服务响应时间应确保在接到客户维修请求后的24小时内提供上门服务 (remote areas 48). */
  repairOnSiteHours: 24,
  remoteRepairOnSiteHours: 48,
  /** 投诉在接到后的5个工作日内给出初步答复，并在30个工作日内完成调查和处理. */
  complaintReplyWorkingDays: 5,
  complaintResolutionWorkingDays: 30,
} as const;

/**
 * Calendar hours a span of working days takes at least in an ordinary week (5 working days in 7): a
 * commitment in hours is looser than a working-day benchmark only beyond this, so that "168 hours" is not
 * called looser than "5 working days".
 */
export const hoursForWorkingDays = (days: number): number => (days * 24 * 7) / 5;

export interface LooserCommitment {
  commitment: keyof Commitments;
  declared: number;
  unit: 'hours' | 'working days';
  benchmark: number;
  benchmarkUnit: 'hours' | 'working days';
}

/** Pure: each declared commitment looser than seed 001's benchmark for the same deadline. */
export function looserCommitments(c: Commitments): LooserCommitment[] {
  const out: LooserCommitment[] = [];
  const hours = (k: keyof Commitments, benchmark: number) => {
    const v = c[k];
    if (typeof v === 'number' && v > benchmark) out.push({ commitment: k, declared: v, unit: 'hours', benchmark, benchmarkUnit: 'hours' });
  };
  const days = (dk: keyof Commitments, hk: keyof Commitments, benchmark: number) => {
    const h = c[hk];
    const d = c[dk];
    // Hours win when both are given (see records.ts); the check follows the one the records are held to.
    if (typeof h === 'number') {
      if (h > hoursForWorkingDays(benchmark)) out.push({ commitment: hk, declared: h, unit: 'hours', benchmark, benchmarkUnit: 'working days' });
    } else if (typeof d === 'number' && d > benchmark)
      out.push({ commitment: dk, declared: d, unit: 'working days', benchmark, benchmarkUnit: 'working days' });
  };
  hours('repairResponseHours', BENCHMARKS.repairOnSiteHours);
  hours('remoteRepairResponseHours', BENCHMARKS.remoteRepairOnSiteHours);
  days('complaintReplyWorkingDays', 'complaintReplyHours', BENCHMARKS.complaintReplyWorkingDays);
  days('complaintResolutionWorkingDays', 'complaintResolutionHours', BENCHMARKS.complaintResolutionWorkingDays);
  return out;
}
