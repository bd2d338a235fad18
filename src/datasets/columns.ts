import { InputError } from '../model/diagnostic.js';
import { didYouMean } from '../validate/didYouMean.js';
import { diag } from '../messages/diagnostics.js';
import type { Table } from './table.js';

/** Accepted header names per field, Chinese and English; matched after normalising (see `normalise`). */
export const SURVEY_COLUMNS = {
  customer: ['客户', '客户名称', '客户姓名', '姓名', '联系人', 'customer', 'customer name', 'name'],
  phone: ['电话', '手机', '联系电话', '手机号', 'phone', 'mobile', 'telephone'],
  email: ['邮箱', '电子邮箱', 'email', 'e-mail'],
  order: ['服务单号', '工单号', '订单号', '单号', '产品型号/服务单号', 'service order', 'order', 'order id', 'ticket'],
  model: ['产品型号', '型号', 'product model', 'model'],
  group: ['团队', '服务团队', '产品线', '班组', 'team', 'product line', 'group'],
  date: ['日期', '评价日期', '回访日期', 'date', 'survey date'],
  speed: ['响应速度', '服务响应速度', 'response speed', 'speed'],
  resolution: ['问题解决', '问题解决能力', '首次解决', '一次解决', 'problem resolution', 'first-contact resolution', 'resolution'],
  professionalism: ['专业度', '专业程度', '专业性', 'professionalism'],
  patience: ['耐心', '沟通耐心', '服务态度', 'patience', 'attitude'],
  updates: ['主动告知', '进度告知', '主动更新', '主动沟通', 'proactive updates', 'updates'],
  overall: ['总体满意度', '整体满意度', '满意度', '总体评价', 'overall satisfaction', 'overall', 'satisfaction'],
  recommend: ['推荐意愿', '愿意推荐', '推荐', 'willingness to recommend', 'recommend', 'nps'],
  suggestion: ['建议', '意见建议', '其他建议', '意见', 'suggestions', 'suggestion', 'comments', 'comment'],
} as const;
export const SURVEY_REQUIRED = ['overall'] as const;

export const RECORD_COLUMNS = {
  id: ['工单号', '单号', '编号', '服务单号', 'ticket id', 'ticket', 'id'],
  type: ['类型', '服务类型', '工单类型', '业务类型', 'type', 'service type'],
  opened: ['受理时间', '创建时间', '报修时间', '登记时间', '投诉时间', 'opened', 'created', 'opened at'],
  firstResponse: ['首次响应时间', '响应时间', '首次答复时间', '答复时间', 'first response', 'responded'],
  onSite: ['上门时间', '到达时间', '到场时间', 'on site', 'onsite', 'on-site'],
  resolved: ['完成时间', '关闭时间', '解决时间', '办结时间', 'resolved', 'closed', 'resolved at', 'closed at'],
  visits: ['上门次数', '维修次数', '处理次数', 'visits', 'visits needed'],
  region: ['区域', '地区', '服务区域', 'region', 'area'],
} as const;
export const RECORD_REQUIRED = ['id', 'type', 'opened'] as const;

export type SurveyField = keyof typeof SURVEY_COLUMNS;
export type RecordField = keyof typeof RECORD_COLUMNS;

/** Lower case, no spaces or punctuation, no bracketed notes: "总体满意度（1-5分）" → "总体满意度". */
export function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-:：/·.]/g, '');
}

/**
 * Field -> column index. A mapping (from --mapping) names the header for a field when the export
 * uses other names; unknown headers are ignored (exports carry many other columns).
 */
export function mapColumns<F extends string>(
  table: Table,
  aliases: Record<F, readonly string[]>,
  required: readonly F[],
  mapping: Partial<Record<string, string>> = {},
): Partial<Record<F, number>> {
  const headers = table.header.map(normalise);
  const out: Partial<Record<F, number>> = {};
  const fields = Object.keys(aliases) as F[];
  for (const [field, header] of Object.entries(mapping)) {
    if (!fields.includes(field as F)) {
      const guess = didYouMean(field, fields);
      throw new InputError([diag('mapping-unknown-field', { field, guess, fields }, { file: table.file, line: 0, column: 0 })]);
    }
    const i = headers.indexOf(normalise(header ?? ''));
    if (i < 0) throw new InputError([diag('mapping-unknown-header', { field, header: header ?? '', headers: table.header }, { file: table.file, line: 1, column: 0 })]);
    out[field as F] = i;
  }
  for (const field of fields) {
    if (out[field] !== undefined) continue;
    const wanted = aliases[field].map(normalise);
    const i = headers.findIndex((h) => wanted.includes(h));
    if (i >= 0 && !Object.values(out).includes(i)) out[field] = i;
  }
  const missing = required.filter((f) => out[f] === undefined);
  if (missing.length > 0) {
    throw new InputError([diag('columns-missing', { missing: missing.map((f) => ({ field: f, aliases: aliases[f].slice(0, 3) })), headers: table.header }, { file: table.file, line: 1, column: 0 })]);
  }
  return out;
}
