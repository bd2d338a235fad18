import { InputError, diag } from '../model/diagnostic.js';
import { didYouMean } from '../shared/didYouMean.js';
import { fold } from './chineseText.js';
import type { HeaderScore } from './table.js';

/**
 * Accepted header names per field, Simplified Chinese and English; Traditional headers match through
 * OpenCC, and bracketed notes ("响应及时性（联系/到场速度）") and score suffixes are ignored.
 * Survey: the seed-002 form's own labels first, then what other exports call them.
 */
export const SURVEY_COLUMNS = {
  customer: ['客户名称', '客户', '客户姓名', '姓名', 'customer', 'customer name', 'name'],
  contact: ['联系人', '评价人', 'contact', 'contact person'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', 'phone', 'mobile', 'telephone', 'tel'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'],
  order: ['产品型号/服务单号', '服务单号', '工单号', '订单号', '单号', 'service order', 'order', 'order id', 'ticket', 'ticket id'],
  model: ['产品型号', '型号', 'product model', 'model'],
  team: ['服务团队', '团队', '班组', '服务组', '服务网点', 'team', 'service team'],
  productLine: ['产品线', '产品类别', '品类', '产品类型', 'product line', 'product category'],
  date: ['日期', '评价日期', '回访日期', '填写日期', '提交时间', 'date', 'survey date', 'evaluation date'],
  speed: ['响应及时性', '响应速度', '服务响应速度', '响应时效', 'response speed', 'response timeliness', 'timeliness', 'responsiveness', 'speed'],
  resolution: [
    '问题解决能力',
    '问题解决',
    '一次性解决率',
    '首次解决',
    '一次解决',
    '解决能力',
    'problem resolution',
    'problem solving',
    'problem-solving ability',
    'problem solving ability',
    'resolution',
  ],
  professionalism: ['服务专业性', '专业性', '专业度', '专业程度', 'service professionalism', 'professionalism', 'expertise'],
  patience: ['沟通耐心度', '沟通耐心', '耐心', '服务态度', 'communication patience', 'patience', 'communication'],
  updates: [
    '主动服务意识',
    '主动告知',
    '进度告知',
    '主动沟通',
    '主动服务',
    'proactive service awareness',
    'proactive service',
    'proactive updates',
    'proactiveness',
    'updates',
  ],
  overall: ['整体满意度', '总体满意度', '满意度', '总体评价', '对本次售后服务的整体评价', 'overall satisfaction', 'overall', 'satisfaction'],
  recommend: [
    '未来推荐意愿',
    '推荐意愿',
    '愿意推荐',
    '推荐',
    '向他人推荐可能',
    'willingness to recommend',
    'likelihood to recommend',
    'future recommendation',
    'recommend',
  ],
  improvement: [
    '您认为需要改进的地方',
    '需要改进的地方',
    '改进建议',
    '建议',
    '意见建议',
    '意见',
    '其他建议',
    'suggestions for improvement',
    'areas for improvement',
    'suggestions',
    'suggestion',
    'improvements',
    'what should we improve',
  ],
  remarks: [
    '其他补充说明',
    '补充说明',
    '其他说明',
    '备注',
    '其他',
    '其他意见',
    'additional comments',
    'additional notes',
    'comments',
    'comment',
    'remarks',
    'other comments',
    'notes',
  ],
} as const;
export const SURVEY_REQUIRED = ['overall'] as const;
/** Columns that identify a person: read only to be left out. */
export const SURVEY_PERSONAL = ['customer', 'contact', 'phone', 'email'] as const;

export const RECORD_COLUMNS = {
  id: ['工单号', '单号', '编号', '服务单号', '工单编号', 'ticket id', 'ticket', 'id'],
  type: ['类型', '服务类型', '工单类型', '业务类型', '服务项目', 'type', 'service type'],
  opened: ['受理时间', '创建时间', '报修时间', '登记时间', '投诉时间', '下单时间', 'opened', 'created', 'opened at'],
  firstResponse: ['首次响应时间', '响应时间', '首次答复时间', '答复时间', '首次联系时间', 'first response', 'responded', 'first contact'],
  onSite: ['上门时间', '到达时间', '到场时间', '上门到达时间', 'on site', 'onsite', 'on-site', 'arrived'],
  resolved: ['完成时间', '关闭时间', '解决时间', '办结时间', '结案时间', 'resolved', 'closed', 'resolved at', 'closed at', 'completed'],
  visits: ['上门次数', '维修次数', '处理次数', 'visits', 'visits needed'],
  region: ['区域', '地区', '服务区域', 'region', 'area'],
  reopened: [
    '返修',
    '是否返修',
    '重开',
    '是否重开',
    '重开次数',
    '重新打开次数',
    '返修次数',
    '重修次数',
    '二次维修',
    '重复维修',
    'reopened',
    'reopen count',
    'reopens',
    'times reopened',
    'reopened count',
    'repeat repair',
    'rework',
  ],
  model: ['产品型号', '型号', '机型', '产品机型', 'product model', 'model'],
  faultClass: ['故障类型', '故障分类', '故障类别', '故障大类', '故障原因分类', 'fault type', 'fault class', 'fault category'],
  order: ['订单号', '产品序列号', '序列号', '机身编号', '产品编号', 'sn', 'serial number', 'order', 'order id', 'product serial'],
  // Industry KPIs (src/datasets/industryKpis.ts): how a repair was resolved, and whether it waited for parts.
  channel: [
    '处理方式',
    '解决方式',
    '服务方式',
    '维修方式',
    '处理渠道',
    '解决渠道',
    'resolution method',
    'resolution channel',
    'service mode',
    'service method',
    'fix method',
  ],
  partsWaiting: [
    '缺件',
    '是否缺件',
    '缺料',
    '待料',
    '是否待料',
    '等待配件',
    '配件缺货',
    '缺件情况',
    'parts shortage',
    'waiting for parts',
    'parts waiting',
    'stock-out',
    'stock out',
  ],
} as const;
export const RECORD_REQUIRED = ['id', 'type', 'opened'] as const;

export type SurveyField = keyof typeof SURVEY_COLUMNS;
export type RecordField = keyof typeof RECORD_COLUMNS;

/** Simplified, lower case, no spaces or punctuation, no bracketed notes or score suffix: "總體滿意度（1-5分）" → "总体满意度". */
export function normalise(header: string): string {
  return fold(header)
    .replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '')
    .replace(/[（][^）]*[）]/g, '')
    .replace(/[\s_\-:：/·.、，,*＊?？]/g, '')
    .replace(/(评分|得分|分数|打分|\d+-\d+分?)$/, '');
}

export interface ColumnMap<F extends string> {
  /** Field -> 0-based column index. */
  index: Partial<Record<F, number>>;
  /** Header cells no field uses, as written: listed so that nothing is dropped silently. */
  unused: string[];
}

function aliasTable<F extends string>(aliases: Record<F, readonly string[]>): Map<string, F> {
  const m = new Map<string, F>();
  for (const f of Object.keys(aliases) as F[]) for (const a of aliases[f]) if (!m.has(normalise(a))) m.set(normalise(a), f);
  return m;
}

export function headerScorer<F extends string>(aliases: Record<F, readonly string[]>, mapping: Partial<Record<string, string>> = {}): HeaderScore {
  const known = aliasTable(aliases);
  const mapped = new Set(Object.values(mapping).map((h) => normalise(h ?? '')));
  return (cells) => cells.filter((c) => c.trim() !== '' && (known.has(normalise(c)) || mapped.has(normalise(c)))).length;
}

/**
 * Field -> column. A mapping (from --mapping) names the header for a field when the export uses
 * other names. The first column matching a field wins; a column is used by one field at most.
 */
export function mapColumns<F extends string>(
  file: string,
  header: string[],
  headerLine: number,
  aliases: Record<F, readonly string[]>,
  required: readonly F[],
  mapping: Partial<Record<string, string>> = {},
): ColumnMap<F> {
  const headers = header.map(normalise);
  const index: Partial<Record<F, number>> = {};
  const fields = Object.keys(aliases) as F[];
  const taken = new Set<number>();
  for (const [field, name] of Object.entries(mapping)) {
    if (!fields.includes(field as F)) {
      const guess = didYouMean(field, fields);
      throw new InputError([diag('mapping-unknown-field', { field, guess, fields }, { file, line: 0, column: 0 })]);
    }
    const i = headers.indexOf(normalise(name ?? ''));
    if (i < 0) throw new InputError([diag('mapping-unknown-header', { field, header: name ?? '', headers: header }, { file, line: headerLine, column: 0 })]);
    index[field as F] = i;
    taken.add(i);
  }
  const table = aliasTable(aliases);
  headers.forEach((h, i) => {
    const f = table.get(h);
    if (f !== undefined && index[f] === undefined && !taken.has(i)) {
      index[f] = i;
      taken.add(i);
    }
  });
  const missing = required.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    throw new InputError([
      diag(
        'columns-missing',
        { missing: missing.map((f) => ({ field: f, aliases: aliases[f].slice(0, 3) })), headers: header },
        { file, line: headerLine, column: 0 },
      ),
    ]);
  }
  const unused = header.filter((h, i) => !taken.has(i) && h.trim() !== '');
  return { index, unused };
}
