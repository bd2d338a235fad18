import type { Lang } from '../model/localized.js';
import type { Dimension, InvalidReason } from '../datasets/survey.js';
import type { RecordInvalid, RecordType } from '../datasets/records.js';

export const DIMENSION_LABELS: Record<Dimension, Record<Lang, string>> = {
  speed: { 'zh-CN': '响应速度', en: 'response speed' },
  resolution: { 'zh-CN': '问题解决（首次）', en: 'problem resolution (first contact)' },
  professionalism: { 'zh-CN': '专业度', en: 'professionalism' },
  patience: { 'zh-CN': '沟通耐心', en: 'patience' },
  updates: { 'zh-CN': '主动告知进度', en: 'proactive updates' },
  overall: { 'zh-CN': '总体满意度', en: 'overall satisfaction' },
  recommend: { 'zh-CN': '推荐意愿', en: 'willingness to recommend' },
};

export const RECORD_TYPE_LABELS: Record<RecordType, Record<Lang, string>> = {
  repair: { 'zh-CN': '维修', en: 'repair' },
  installation: { 'zh-CN': '配送安装', en: 'delivery / installation' },
  consultation: { 'zh-CN': '咨询', en: 'consultation' },
  complaint: { 'zh-CN': '投诉', en: 'complaint' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export function surveyInvalidMessage(r: InvalidReason, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (r.code) {
    case 'rating-out-of-range':
      return zh ? `评分不在1–5分之内：${r.column} = ${r.value}` : `rating outside 1–5: ${r.column} = ${r.value}`;
    case 'missing-rating':
      return zh ? `缺少必填评分：${r.column}` : `required rating missing: ${r.column}`;
    case 'duplicate-order':
      return zh ? `服务单号重复（首次出现在第${r.firstLine}行）：${r.order}` : `duplicate service order (first on line ${r.firstLine}): ${r.order}`;
    case 'bad-date':
      return zh ? `日期无法识别：${r.value}` : `unreadable date: ${r.value}`;
  }
}

export function recordInvalidMessage(r: RecordInvalid, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (r.code) {
    case 'missing-field':
      return zh ? `缺少必填字段：${r.field}` : `required field missing: ${r.field}`;
    case 'bad-date':
      return zh ? `${r.field} 时间无法识别：${r.value}` : `unreadable ${r.field} time: ${r.value}`;
    case 'bad-count':
      return zh ? `${r.field} 不是整数：${r.value}` : `${r.field} is not a whole number: ${r.value}`;
    case 'before-opened':
      return zh ? `${r.field} 早于受理时间` : `${r.field} is before the ticket was opened`;
    case 'duplicate-id':
      return zh ? `工单号重复（首次出现在第${r.firstLine}行）：${r.id}` : `duplicate ticket id (first on line ${r.firstLine}): ${r.id}`;
  }
}

export const DS = {
  survey: { 'zh-CN': '满意度调查分析', en: 'Customer satisfaction survey' },
  records: { 'zh-CN': '服务记录分析', en: 'Service records' },
  rows: { 'zh-CN': '行', en: 'rows' },
  valid: { 'zh-CN': '有效', en: 'valid' },
  invalid: { 'zh-CN': '无效行（已跳过）', en: 'Invalid rows (skipped)' },
  line: { 'zh-CN': '第{n}行', en: 'line {n}' },
  satisfaction: { 'zh-CN': '满意率（总体满意度4–5分）', en: 'satisfaction rate (overall 4–5)' },
  fcr: { 'zh-CN': '首次解决率（问题解决4–5分）', en: 'first-contact resolution rate (resolution 4–5)' },
  recommendRate: { 'zh-CN': '推荐率（推荐意愿4–5分）', en: 'recommend rate (4–5)' },
  dimension: { 'zh-CN': '维度', en: 'Dimension' },
  mean: { 'zh-CN': '均值', en: 'Mean' },
  themes: { 'zh-CN': '投诉主题（提及率超过20%为共性问题）', en: 'Complaint themes (over 20 % of responses: a common problem)' },
  common: { 'zh-CN': '共性问题', en: 'common problem' },
  groups: { 'zh-CN': '团队 / 产品线（低于总体均值15%以上需复核）', en: 'Teams / product lines (more than 15 % below the overall mean: review)' },
  review: { 'zh-CN': '需复核', en: 'review' },
  previous: { 'zh-CN': '与上期比较', en: 'Compared with the previous period' },
  type: { 'zh-CN': '类型', en: 'Type' },
  count: { 'zh-CN': '数量', en: 'Count' },
  response: { 'zh-CN': '响应（小时）中位/P90', en: 'Response h (median / p90)' },
  resolution: { 'zh-CN': '解决（小时）中位/P90', en: 'Resolution h (median / p90)' },
  commitment: { 'zh-CN': '承诺达成', en: 'Within commitment' },
  benchmark: { 'zh-CN': '行业常见要求达成', en: 'Within benchmark' },
  ftf: { 'zh-CN': '一次修复率', en: 'First-time fix' },
  overdue: { 'zh-CN': '超期未结', en: 'Open past deadline' },
  none: { 'zh-CN': '无', en: 'none' },
  asOf: { 'zh-CN': '截至', en: 'as of' },
  noCommitments: { 'zh-CN': '未声明承诺（在证据文件 commitments 中声明，或用 --evidence 指定证据文件）', en: 'no commitments declared (set `commitments` in the evidence file and pass --evidence)' },
} satisfies Record<string, Record<Lang, string>>;
