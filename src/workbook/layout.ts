import type { Localized } from '../model/localized.js';

/**
 * The one description of the evidence workbook (company.xlsx): its sheets, their columns and the evidence
 * field each column holds. The writer lays the workbook out from it and the reader finds columns by these
 * headers (in either language), so the two cannot drift apart. Headers name spreadsheet columns, the way a
 * schema names keys; the instructions and error wording live in messages/.
 */

/** How a cell is read and written. */
export type CellKind = 'text' | 'integer' | 'number' | 'date' | 'status' | 'ref';

export interface Column {
  /** The evidence field (a key of the criterion entry, the evidence item, …). */
  key: string;
  header: Localized;
  kind: CellKind;
  /** Display width in characters (a CJK character counts two). */
  width: number;
  /** Filled from the rubric and locked: the person fills the other columns. */
  locked?: boolean;
}

export type SheetId = 'instructions' | 'company' | 'criteria' | 'evidence' | 'data' | 'deductions';

export interface SheetLayout {
  id: SheetId;
  name: Localized;
  columns: readonly Column[];
}

const h = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

/** 评价项: one row per rubric criterion. */
export const CRITERIA_COLUMNS: readonly Column[] = [
  { key: 'id', header: h('编号', 'ID'), kind: 'ref', width: 10, locked: true },
  { key: 'title', header: h('评价项', 'Criterion'), kind: 'text', width: 36, locked: true },
  { key: 'points', header: h('分值', 'Points'), kind: 'number', width: 7, locked: true },
  { key: 'expects', header: h('审核员期望', 'What an auditor expects'), kind: 'text', width: 60, locked: true },
  { key: 'status', header: h('状态', 'Status'), kind: 'status', width: 12 },
  { key: 'checked', header: h('抽样数', 'Sampled'), kind: 'integer', width: 9 },
  { key: 'conforming', header: h('合格数', 'Conforming'), kind: 'integer', width: 9 },
  { key: 'justification', header: h('不适用理由', 'Why not applicable'), kind: 'text', width: 24 },
  { key: 'note', header: h('备注', 'Note'), kind: 'text', width: 30 },
  { key: 'owner', header: h('责任人', 'Owner'), kind: 'text', width: 16 },
  { key: 'due', header: h('完成期限', 'Due'), kind: 'date', width: 12 },
  // The company's own estimate; empty = the rubric's (used for the cheapest path to each level).
  { key: 'effort', header: h('工作量（工作日）', 'Effort (working days)'), kind: 'number', width: 12 },
];

/**
 * 评价项 with an industry profile (`init --xlsx --industry NAME`, or converting a file whose company.industry
 * names one): the industry's expectation and typical evidence beside the generic one, locked like it. Only
 * the writer adds it; the reader finds columns by header and reads no locked column, so a workbook with or
 * without it gives the same evidence.
 */
export const INDUSTRY_COLUMN: Column = {
  key: 'industryExpects',
  header: h('行业期望与典型证据', 'In this industry: expectation and typical evidence'),
  kind: 'text',
  width: 60,
  locked: true,
};

/** The criteria sheet's columns as written: with the industry column right after 审核员期望 when a profile is given. */
export function criteriaColumns(withIndustry: boolean): readonly Column[] {
  if (!withIndustry) return CRITERIA_COLUMNS;
  const at = CRITERIA_COLUMNS.findIndex((c) => c.key === 'expects') + 1;
  return [...CRITERIA_COLUMNS.slice(0, at), INDUSTRY_COLUMN, ...CRITERIA_COLUMNS.slice(at)];
}

/** 证据: one row per evidence item, keyed by what it supports (a criterion id, 扣分1, 加分1). */
export const EVIDENCE_COLUMNS: readonly Column[] = [
  { key: 'for', header: h('所属', 'For'), kind: 'ref', width: 10 },
  { key: 'file', header: h('文件', 'File'), kind: 'text', width: 36 },
  { key: 'url', header: h('网址', 'URL'), kind: 'text', width: 36 },
  { key: 'title', header: h('标题', 'Title'), kind: 'text', width: 30 },
  { key: 'date', header: h('日期', 'Date'), kind: 'date', width: 12 },
  { key: 'expires', header: h('到期日', 'Expires'), kind: 'date', width: 12 },
  { key: 'sha256', header: h('SHA-256', 'SHA-256'), kind: 'text', width: 20 },
];

/** 公司 and 数据: field, label, value rows. The field (company.name, metrics.x, …) is what is read. */
export const FIELD_COLUMNS: readonly Column[] = [
  { key: 'field', header: h('字段', 'Field'), kind: 'ref', width: 36, locked: true },
  { key: 'label', header: h('说明', 'Meaning'), kind: 'text', width: 36, locked: true },
  { key: 'value', header: h('填写', 'Value'), kind: 'text', width: 40 },
];

/** 扣分与加分: one row per special deduction (−1 each) and for the bonus (+1). */
export const DEDUCTION_COLUMNS: readonly Column[] = [
  { key: 'ref', header: h('编号', 'Ref'), kind: 'ref', width: 10 },
  { key: 'clause', header: h('条款', 'Clause'), kind: 'ref', width: 10 },
  { key: 'reason', header: h('原因', 'Reason'), kind: 'text', width: 60 },
];

export const SHEETS: Record<SheetId, SheetLayout> = {
  instructions: { id: 'instructions', name: h('说明', 'Instructions'), columns: [] },
  company: { id: 'company', name: h('公司', 'Company'), columns: FIELD_COLUMNS },
  criteria: { id: 'criteria', name: h('评价项', 'Criteria'), columns: CRITERIA_COLUMNS },
  evidence: { id: 'evidence', name: h('证据', 'Evidence'), columns: EVIDENCE_COLUMNS },
  data: { id: 'data', name: h('数据', 'Data'), columns: FIELD_COLUMNS },
  deductions: { id: 'deductions', name: h('扣分与加分', 'Deductions and bonus'), columns: DEDUCTION_COLUMNS },
};

/** The order of the sheets in the workbook. */
export const SHEET_ORDER: readonly SheetId[] = ['instructions', 'company', 'criteria', 'evidence', 'data', 'deductions'];

/** The status drop-down: what a person picks, in either language, and the evidence value it stands for. */
export const STATUS_WORDS: Record<'met' | 'partial' | 'not-met' | 'n/a', Localized> = {
  met: h('符合', 'met'),
  partial: h('部分符合', 'partial'),
  'not-met': h('不符合', 'not-met'),
  'n/a': h('不适用', 'n/a'),
};

/** Ref prefixes on 扣分与加分 and in 证据's 所属 column: 扣分1 / deduction1, 加分1 / bonus1. */
export const DEDUCTION_PREFIX: Localized = h('扣分', 'deduction');
export const BONUS_PREFIX: Localized = h('加分', 'bonus');

/** Rows of 公司: the fixed fields (company.<extra> rows may be added below). */
export const COMPANY_FIELDS: ReadonlyArray<{ field: string; label: Localized; kind: CellKind }> = [
  { field: 'company.name', label: h('企业注册名称（必填）', 'Registered company name (required)'), kind: 'text' },
  { field: 'company.creditCode', label: h('统一社会信用代码', 'Unified social credit code'), kind: 'text' },
  { field: 'company.industry', label: h('行业', 'Industry'), kind: 'text' },
  { field: 'company.address', label: h('地址', 'Address'), kind: 'text' },
  { field: 'company.website', label: h('网站', 'Website'), kind: 'text' },
  { field: 'company.products', label: h('产品（一行一个，可重复本行）', 'Products (one per row; repeat the row)'), kind: 'text' },
  { field: 'assessment.date', label: h('评价日期（必填，到期按此日判断）', 'Assessment date (required; expiry is judged on it)'), kind: 'date' },
  { field: 'assessment.assessor', label: h('评价人', 'Assessor'), kind: 'text' },
  { field: 'assessment.scope', label: h('评价范围', 'Scope'), kind: 'text' },
];

/** Rows of 数据: the commitments and datasets; metrics.<id> rows come from the rubric. */
export const DATA_FIELDS: ReadonlyArray<{ field: string; label: Localized; kind: CellKind }> = [
  { field: 'commitments.repairResponseHours', label: h('承诺：维修上门时限（小时）', 'Commitment: repair on site (hours)'), kind: 'number' },
  { field: 'commitments.remoteRepairResponseHours', label: h('承诺：偏远地区维修上门（小时）', 'Commitment: remote repair on site (hours)'), kind: 'number' },
  { field: 'commitments.installationHours', label: h('承诺：安装完成时限（小时）', 'Commitment: installation done (hours)'), kind: 'number' },
  { field: 'commitments.consultationResponseHours', label: h('承诺：咨询答复时限（小时）', 'Commitment: enquiry answered (hours)'), kind: 'number' },
  {
    field: 'commitments.complaintReplyWorkingDays',
    label: h('承诺：投诉首次答复（工作日）', 'Commitment: complaint first reply (working days)'),
    kind: 'integer',
  },
  {
    field: 'commitments.complaintResolutionWorkingDays',
    label: h('承诺：投诉办结（工作日）', 'Commitment: complaint resolved (working days)'),
    kind: 'integer',
  },
  {
    field: 'commitments.complaintReplyHours',
    label: h('承诺：投诉首次答复（小时，优先于工作日）', 'Commitment: complaint first reply (hours; wins over working days)'),
    kind: 'number',
  },
  {
    field: 'commitments.complaintResolutionHours',
    label: h('承诺：投诉办结（小时，优先于工作日）', 'Commitment: complaint resolved (hours; wins over working days)'),
    kind: 'number',
  },
  {
    field: 'commitments.freeRepairDays',
    label: h('承诺：维修后免费再修期（天）', 'Commitment: free re-repair period after a repair (days)'),
    kind: 'integer',
  },
  { field: 'commitments.holidays', label: h('公司自定假日（一行一个）', 'Company holidays (one per row)'), kind: 'date' },
  { field: 'commitments.extraWorkdays', label: h('调休上班日（一行一个）', 'Make-up working days (one per row)'), kind: 'date' },
  { field: 'datasets.survey', label: h('满意度调查文件（相对路径）', 'Survey export (relative path)'), kind: 'text' },
  { field: 'datasets.records', label: h('服务记录文件（相对路径）', 'Service records (relative path)'), kind: 'text' },
  { field: 'datasets.mapping', label: h('列名映射文件（相对路径）', 'Column mapping (relative path)'), kind: 'text' },
];

/** Fields that hold a list: one row per item, the field repeated. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['company.products', 'commitments.holidays', 'commitments.extraWorkdays']);

/** The header row; data starts on the row below. Row numbers are 1-based as a spreadsheet shows them. */
export const HEADER_ROW = 1;

/** A1-style column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
