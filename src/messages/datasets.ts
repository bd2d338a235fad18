import { interpolate } from '../shared/interpolate.js';
import { hours, percent } from './numbers.js';
import type { DataMetricId } from '../model/data.js';
import type { Lang } from '../model/localized.js';
import type { FollowUp } from '../model/followUp.js';
import type { Dimension, ExcludedReason, Grouping, ValueIssue } from '../datasets/survey.js';
import type { RecordProblem, RecordType, Within } from '../datasets/records.js';
import type { RecordField } from '../datasets/columns.js';

type L = Record<Lang, string>;

/** The seed-002 form's item names. */
export const DIMENSION_LABELS: Record<Dimension, L> = {
  speed: { 'zh-CN': '响应及时性', en: 'responsiveness' },
  resolution: { 'zh-CN': '问题解决能力', en: 'problem resolution' },
  professionalism: { 'zh-CN': '服务专业性', en: 'professionalism' },
  patience: { 'zh-CN': '沟通耐心度', en: 'patience in communication' },
  updates: { 'zh-CN': '主动服务意识', en: 'proactive service' },
  overall: { 'zh-CN': '整体满意度', en: 'overall satisfaction' },
  recommend: { 'zh-CN': '未来推荐意愿', en: 'willingness to recommend' },
};

export const GROUPING_LABELS: Record<Grouping, L> = {
  team: { 'zh-CN': '服务团队', en: 'service team' },
  productLine: { 'zh-CN': '产品线', en: 'product line' },
};

export const RECORD_TYPE_LABELS: Record<RecordType, L> = {
  repair: { 'zh-CN': '维修', en: 'repair' },
  installation: { 'zh-CN': '配送安装', en: 'delivery / installation' },
  consultation: { 'zh-CN': '咨询', en: 'enquiry' },
  complaint: { 'zh-CN': '投诉', en: 'complaint' },
  return: { 'zh-CN': '退换货', en: 'return / exchange' },
  recall: { 'zh-CN': '召回', en: 'recall' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export const RECORD_FIELD_LABELS: Record<RecordField, L> = {
  id: { 'zh-CN': '工单号', en: 'ticket id' },
  type: { 'zh-CN': '类型', en: 'type' },
  opened: { 'zh-CN': '受理时间', en: 'opened' },
  firstResponse: { 'zh-CN': '首次响应时间', en: 'first response' },
  onSite: { 'zh-CN': '上门时间', en: 'on-site arrival' },
  resolved: { 'zh-CN': '完成时间', en: 'resolved' },
  visits: { 'zh-CN': '上门次数', en: 'visits' },
  region: { 'zh-CN': '区域', en: 'region' },
  reopened: { 'zh-CN': '返修', en: 'reopened' },
  order: { 'zh-CN': '订单号/序列号', en: 'order / serial' },
  model: { 'zh-CN': '产品型号', en: 'product model' },
  faultClass: { 'zh-CN': '故障类别', en: 'fault class' },
  channel: { 'zh-CN': '处理方式', en: 'resolution method' },
  partsWaiting: { 'zh-CN': '缺件', en: 'parts shortage' },
};

/** Plain names of the dataset metrics, for every report a client reads (never the ids). */
export const METRIC_LABELS: Record<DataMetricId, L> = {
  'survey.satisfactionRate': { 'zh-CN': '满意率（整体满意度4–5分占比）', en: 'satisfaction rate (overall 4–5)' },
  'survey.resolutionRate': { 'zh-CN': '问题解决率（问题解决能力3–5分占比）', en: 'resolution rate (problem resolution 3–5)' },
  'survey.recommendRate': { 'zh-CN': '推荐率（推荐意愿4–5分占比）', en: 'recommend rate (4–5)' },
  'records.repair.responseWithinCommitment': { 'zh-CN': '维修按承诺时限上门的比例', en: 'repairs reached on site within the commitment' },
  'records.repair.firstTimeFix': { 'zh-CN': '维修一次修复率', en: 'repairs fixed first time' },
  'records.repair.repeatRepairRate': { 'zh-CN': '返修率', en: 'repeat-repair rate' },
  'records.installation.withinCommitment': { 'zh-CN': '配送安装按承诺时限完成的比例', en: 'deliveries and installations completed within the commitment' },
  'records.consultation.responseWithinCommitment': { 'zh-CN': '咨询按承诺时限响应的比例', en: 'enquiries answered within the commitment' },
  'records.complaint.replyWithinCommitment': { 'zh-CN': '投诉按承诺时限初步答复的比例', en: 'complaints answered within the commitment' },
  'records.complaint.resolutionWithinCommitment': { 'zh-CN': '投诉按承诺时限办结的比例', en: 'complaints resolved within the commitment' },
};

export const DATASET_NAMES: Record<'survey' | 'records', L> = {
  survey: { 'zh-CN': '满意度调查', en: 'satisfaction survey' },
  records: { 'zh-CN': '服务记录', en: 'service records' },
};

export function metricLabel(id: string, lang: Lang): string {
  return METRIC_LABELS[id as DataMetricId]?.[lang] ?? id;
}

export function valueIssueMessage(v: ValueIssue, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const where = zh ? `第${v.column}列“${v.header}”` : `column ${v.column} "${v.header}"`;
  switch (v.code) {
    case 'rating-invalid':
      return zh
        ? `${where}：“${v.value}”不是1–5分的评分，此项不计（本条评价其余各项照常计入）`
        : `${where}: "${v.value}" is not a 1–5 rating; this answer is left out (the rest of the response counts)`;
    case 'date-unreadable':
      return zh ? `${where}：日期“${v.value}”无法识别，按未填写处理` : `${where}: unreadable date "${v.value}", treated as not given`;
    case 'date-implausible':
      return zh ? `${where}：日期“${v.value}”不在1990–2100年之间，按未填写处理` : `${where}: date "${v.value}" is outside 1990–2100, treated as not given`;
  }
}

export function excludedMessage(r: ExcludedReason, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (r.code) {
    case 'no-ratings':
      return zh ? '没有任何有效评分，不计为一份评价' : 'no valid rating at all: not counted as a response';
    case 'no-overall':
      return zh
        ? '整体满意度未填或不在1–5分之内：缺少关键评分，不计为一份评价（其他项缺失的评价照常计入）'
        : 'no valid overall rating (blank or outside 1–5): the key item is missing, not counted as a response (missing other items do not exclude)';
    case 'summary-row':
      return zh ? `汇总行“${r.label}”，不是一份评价，也不向下填充团队` : `summary row "${r.label}": not a response, and no team is filled down from it`;
    case 'duplicate-order':
      return zh
        ? `服务单号“${r.order}”重复（首次出现在第${r.firstLine}行），不重复计入`
        : `service order "${r.order}" repeated (first on line ${r.firstLine}): not counted twice`;
  }
}

export function recordProblemMessage(p: RecordProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const f = RECORD_FIELD_LABELS[p.field][lang];
  const where = p.column ? (zh ? `第${p.column}列（${f}）` : `column ${p.column} (${f})`) : f;
  switch (p.code) {
    case 'missing-field':
      return zh ? `缺少必填项：${f}` : `required value missing: ${f}`;
    case 'date-unreadable':
      return zh ? `${where}：时间“${p.value}”无法识别` : `${where}: unreadable time "${p.value}"`;
    case 'date-implausible':
      return zh ? `${where}：时间“${p.value}”不在1990–2100年之间` : `${where}: time "${p.value}" is outside 1990–2100`;
    case 'bad-count':
      return zh ? `${where}：“${p.value}”不是次数` : `${where}: "${p.value}" is not a count`;
    case 'before-opened':
      return zh ? `${where}：早于受理时间` : `${where}: earlier than the opening time`;
    case 'duplicate-id':
      return zh ? `工单号“${p.value}”重复（首次出现在第${p.firstLine}行）` : `ticket id "${p.value}" repeated (first on line ${p.firstLine})`;
  }
}

const unit = (w: Within, lang: Lang) => (w.unit === 'hours' ? (lang === 'en' ? 'h' : '小时') : lang === 'en' ? 'working days' : '个工作日');
const MEASURED_TO: Record<Within['measuredTo'], L> = {
  'on-site': { 'zh-CN': '上门到达', en: 'on-site arrival' },
  'first-response': { 'zh-CN': '首次答复', en: 'first reply' },
  resolved: { 'zh-CN': '办结', en: 'completion' },
};
export const CHECK_LABELS: Record<'response' | 'completion' | 'reply' | 'resolution', L> = {
  response: { 'zh-CN': '响应', en: 'response' },
  completion: { 'zh-CN': '完成', en: 'completion' },
  reply: { 'zh-CN': '初步答复', en: 'first reply' },
  resolution: { 'zh-CN': '办结', en: 'resolution' },
};

/** "≤ 24 小时（至上门到达；偏远地区 ≤ 48 小时）" */
export function deadlineText(w: Within, lang: Lang): string {
  const u = unit(w, lang);
  const remote = w.remoteLimit !== undefined ? (lang === 'en' ? `; remote ≤ ${w.remoteLimit} ${u}` : `；偏远地区 ≤ ${w.remoteLimit} ${u}`) : '';
  return lang === 'en'
    ? `≤ ${w.limit} ${u} to ${MEASURED_TO[w.measuredTo].en}${remote}`
    : `≤ ${w.limit} ${u}（至${MEASURED_TO[w.measuredTo]['zh-CN']}${remote}）`;
}

export const DS = {
  survey: { 'zh-CN': '满意度调查分析', en: 'Customer satisfaction survey' },
  records: { 'zh-CN': '服务记录分析', en: 'Service records' },
  rows: { 'zh-CN': '数据行', en: 'data rows' },
  titleRows: { 'zh-CN': '跳过表头上方的标题行 {n} 行', en: 'skipped {n} title row(s) above the header' },
  responses: { 'zh-CN': '有效评价', en: 'Responses' },
  valid: { 'zh-CN': '有效', en: 'valid' },
  excluded: { 'zh-CN': '未计入的行', en: 'Rows not counted' },
  valueIssues: { 'zh-CN': '无效的单项取值（仅该项不计）', en: 'Invalid answers (only that answer is left out)' },
  invalidRecords: { 'zh-CN': '无效行（已跳过）', en: 'Invalid rows (skipped)' },
  line: { 'zh-CN': '第{n}行', en: 'line {n}' },
  more: { 'zh-CN': '另有 {n} 条未列出', en: '{n} more not listed' },
  unusedColumns: { 'zh-CN': '未使用的列', en: 'Columns not used' },
  missingDimensions: { 'zh-CN': '缺少评分项：{list}。找到的列：{found}', en: 'Rated items not found: {list}. Columns found: {found}' },
  dimension: { 'zh-CN': '评价项', en: 'Item' },
  mean: { 'zh-CN': '均值', en: 'Mean' },
  answered: { 'zh-CN': '作答', en: 'Answered' },
  themes: {
    'zh-CN': '问题主题（在 {n} 条文字意见中的提及率；超过 {share} 为共性问题）',
    en: 'Complaint themes (share of the {n} written answers; over {share}: a common problem)',
  },
  praise: { 'zh-CN': '表扬', en: 'praise' },
  common: { 'zh-CN': '共性问题', en: 'common problem' },
  groups: {
    'zh-CN': '{g}（满意率低于各组均值 {share} 以上需复核；少于 {min} 份不作判断）',
    en: 'By {g} (satisfaction rate more than {share} below the mean of the groups: review; fewer than {min} responses: not judged)',
  },
  groupMean: { 'zh-CN': '各组满意率均值', en: 'mean of the groups' },
  filledDown: { 'zh-CN': '{n} 个空白单元格按上一行补齐（合并单元格）', en: '{n} blank cells filled from the row above (merged cells)' },
  review: { 'zh-CN': '需复核', en: 'review' },
  tooFew: { 'zh-CN': '样本太少，不作判断', en: 'too few to judge' },
  unmatched: { 'zh-CN': '{n} 条文字意见未归入任何主题，请人工阅读', en: '{n} written answers match no theme: read them' },
  themeClass: { 'zh-CN': '意见分类', en: 'Feedback class' },
  byModel: {
    'zh-CN': '维修工单按产品型号（数量为均值 {ratio} 倍以上且不少于 {min} 单的型号需反馈产品团队）',
    en: 'Repairs by product model (a model with {ratio}× the mean count and at least {min} repairs goes to the product team)',
  },
  byFaultClass: { 'zh-CN': '维修工单按故障类别', en: 'Repairs by fault class' },
  followUp: {
    'zh-CN': '已关闭工单回访（调查按{on}关联）',
    en: 'Follow-up of closed tickets (survey joined on the {on})',
  },
  modelCol: { 'zh-CN': '产品型号', en: 'Product model' },
  faultCol: { 'zh-CN': '故障类别', en: 'Fault class' },
  repairsCol: { 'zh-CN': '维修单', en: 'Repairs' },
  followUpOnId: { 'zh-CN': '工单号', en: 'ticket id' },
  followUpOnOrder: { 'zh-CN': '订单号', en: 'order number' },
  followUpShare: { 'zh-CN': '已回访 {share}（{n}/{closed} 单）', en: 'followed up {share} ({n} of {closed} closed tickets)' },
  followUpDelay: {
    'zh-CN': '关闭到回访中位 {median} 小时 · 24 小时内 {within}（{count}/{n}）',
    en: 'median {median} h from close to response · within 24 h {within} ({count} of {n})',
  },
  followUpOther: {
    'zh-CN': '未匹配工单的回访 {unmatched} 份 · 早于关闭 {before} 份 · 仅有日期 {dateOnly} 份（按当日 23:59 计）',
    en: 'responses matching no closed ticket {unmatched} · before the close {before} · date without time {dateOnly} (read as 23:59)',
  },
  repeatShort: { 'zh-CN': '返修率', en: 'repeat' },
  resolutionShort: { 'zh-CN': '办结中位（小时）', en: 'median h to resolve' },
  farAboveMean: { 'zh-CN': '均值的 {ratio} 倍，反馈产品团队', en: '{ratio}× the mean: to the product team' },
  smallSample: { 'zh-CN': '小样本（n={n}），结论需谨慎', en: 'small sample (n={n}), read with care' },
  anomalies: { 'zh-CN': '异常作答（全部5分 {five} 份，全部1分 {one} 份），需复核', en: 'Unusual answer patterns (all 5: {five}, all 1: {one}): check them' },
  months: { 'zh-CN': '按月', en: 'By month' },
  month: { 'zh-CN': '月份', en: 'Month' },
  yoy: { 'zh-CN': '同比（与去年同期比较）', en: 'Year on year' },
  mom: { 'zh-CN': '环比（与上一期比较）', en: 'Period on period' },
  earlier: { 'zh-CN': '与较早一期比较', en: 'Compared with an earlier period' },
  previousLater: {
    'zh-CN': '注意：“上期”文件的时间晚于本期，两个文件可能颠倒了',
    en: 'Note: the "previous" file covers a later period than this one; the two may be swapped',
  },
  type: { 'zh-CN': '类型', en: 'Type' },
  count: { 'zh-CN': '数量', en: 'Count' },
  open: { 'zh-CN': '未结', en: 'open' },
  firstContact: { 'zh-CN': '首次联系（小时）中位/P90', en: 'First contact h (median / p90)' },
  onSite: { 'zh-CN': '上门到达（小时）中位/P90', en: 'On site h (median / p90)' },
  resolution: { 'zh-CN': '办结（小时）中位/P90', en: 'Resolution h (median / p90)' },
  commitment: { 'zh-CN': '承诺', en: 'Commitment' },
  benchmark: { 'zh-CN': '常见要求', en: 'Benchmark' },
  withinShare: {
    'zh-CN': '{share}（按时 {within}，超时 {late}，超期未结 {overdue}；未到期 {pending}，未记录 {nm}）',
    en: '{share} (on time {within}, late {late}, open past deadline {overdue}; pending {pending}, not recorded {nm})',
  },
  ftf: { 'zh-CN': '一次修复率', en: 'First-time fix' },
  repeat: { 'zh-CN': '返修率（{days}天内同一订单再次报修或标记返修）', en: 'Repeat repairs (reopened, or repaired again within {days} days)' },
  overdue: { 'zh-CN': '超期未结', en: 'Open past deadline' },
  none: { 'zh-CN': '无', en: 'none' },
  asOf: { 'zh-CN': '截至', en: 'as of' },
  calendarOutside: {
    'zh-CN': '{n} 件投诉的日期不在节假日日历覆盖的年份（{from}–{to}）内，工作日只扣除周末',
    en: '{n} complaints fall outside the years the holiday calendar covers ({from}–{to}); only weekends were excluded',
  },
  noCommitments: {
    'zh-CN': '未声明承诺（在证据文件 commitments 中声明，并用 --evidence 指定证据文件）',
    en: 'no commitments declared (set `commitments` in the evidence file and pass --evidence)',
  },
} satisfies Record<string, L>;

export function ds(key: keyof typeof DS, lang: Lang, args: Record<string, string | number> = {}): string {
  return interpolate(DS[key][lang], args);
}

/** A data rule in plain words, with its numbers and which of them are our derivation. */
export function dataRuleText(d: { rule: string; atLeast: number | null; minSample: number | null; maxAgeMonths: number | null }, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const p = (x: number) => percent(x, lang);
  const rule =
    d.rule === 'proportional'
      ? zh
        ? '按比例计分'
        : 'credited in proportion'
      : d.rule === 'complement'
        ? zh
          ? '按未发生比例计分（1 − 比例）'
          : 'credited for the share without it (1 − share)'
        : d.rule === 'conducted'
          ? zh
            ? '开展并分析了调查即符合（不设满意率门槛）'
            : 'met when the survey was carried out and analysed (no satisfaction level required)'
          : zh
            ? `达到 ${p(d.atLeast ?? 1)} 即符合（推定阈值）`
            : `met at ${p(d.atLeast ?? 1)} or more (a derived threshold)`;
  const parts = [rule];
  if (d.minSample !== null) parts.push(zh ? `至少 ${d.minSample} 条（推定）` : `at least ${d.minSample} rows (derived)`);
  if (d.maxAgeMonths !== null) parts.push(zh ? `最新数据在 ${d.maxAgeMonths} 个月内` : `newest data within ${d.maxAgeMonths} months`);
  return parts.join(zh ? '；' : '; ');
}

/** The follow-up figures in words, one line each (terminal, PDF and HTML say the same). */
export function followUpLines(f: FollowUp, lang: Lang): string[] {
  return [
    ds('followUpShare', lang, { share: percent(f.share), n: f.followedUp, closed: f.closed }),
    ds('followUpDelay', lang, { median: hours(f.delayMedianHours), within: percent(f.within24h.share), count: f.within24h.count, n: f.followUps }),
    ds('followUpOther', lang, { unmatched: f.unmatched, before: f.beforeClose, dateOnly: f.dateOnly }),
  ];
}
