import type { IsoDate, WorkingDays } from './units.js';

export const STATUSES = ['met', 'partial', 'not-met', 'n/a'] as const;
export type Status = (typeof STATUSES)[number];

export interface EvidenceItem {
  /** Relative to the evidence file's directory. */
  file?: string;
  url?: string;
  title?: string;
  date?: IsoDate;
  expires?: IsoDate;
  sha256?: string;
}

export interface Sample {
  checked: number;
  conforming: number;
}

export interface CriterionEntry {
  status?: Status;
  sample?: Sample;
  justification?: string;
  note?: string;
  /** Who closes the gap, and by when: for the action plan. */
  owner?: string;
  due?: IsoDate;
  /** The company's own estimate of the working days closing the gap takes; overrides the rubric's. */
  effort?: WorkingDays;
  evidence?: EvidenceItem[];
}

export interface SpecialDeduction {
  clause: string;
  reason: string;
  evidence?: EvidenceItem[];
}

/** The company's published service commitments; GB/T 27922 fixes none itself. Hours or working days. */
export interface Commitments {
  repairResponseHours?: number;
  remoteRepairResponseHours?: number;
  installationHours?: number;
  consultationResponseHours?: number;
  complaintReplyWorkingDays?: number;
  complaintResolutionWorkingDays?: number;
  /** Calendar hours (seed 003: 24小时内联系客户); used instead of the working days when given. */
  complaintReplyHours?: number;
  /** Calendar hours (seed 003: 48小时内给出解决方案); used instead of the working days when given. */
  complaintResolutionHours?: number;
  /** Days after a repair within which a repeat repair of the same product is free (seed 004: 免费再次维修). */
  freeRepairDays?: number;
}

export interface Bonus {
  reason: string;
  evidence?: EvidenceItem[];
}

/** The user's evidence file, after schema validation. */
export interface EvidenceFile {
  schemaVersion: 1;
  company: { name: string; [extra: string]: unknown };
  assessment: { date: IsoDate; assessor?: string; scope?: string };
  criteria?: Record<string, CriterionEntry>;
  metrics?: Record<string, number>;
  specialDeductions?: SpecialDeduction[];
  datasets?: { survey?: string; records?: string; mapping?: string };
  commitments?: Commitments & {
    /** Public holidays, not working days. */
    holidays?: IsoDate[];
    /** Weekend days worked in lieu of a holiday (调休). */
    extraWorkdays?: IsoDate[];
  };
  /** One bonus; a list is accepted so that a second one can be reported rather than silently dropped. */
  bonus?: Bonus | Bonus[];
}
