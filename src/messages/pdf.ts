import type { Lang } from '../model/localized.js';
import type { UI } from './ui.js';

/** Wording of the PDF report beyond the shared report labels in ui.ts. */
export const PDF = {
  docTitle: { 'zh-CN': '商品售后服务认证自评报告', en: 'After-Sales Service Certification Self-Assessment' },
  preparedFor: { 'zh-CN': '受评企业', en: 'Company' },
  assessor: { 'zh-CN': '评估人', en: 'Assessor' },
  finalScore: { 'zh-CN': '最终得分', en: 'Final score' },
  disclaimer: {
    'zh-CN': '本报告是依据企业提供的证据所做的自评，不是认证机构的认证决定。认证结论以认证机构的文件审核与现场评价为准。',
    en: "This report is a self-assessment based on the evidence the company provided. It is not a certification decision: certification rests on the certification body's document review and on-site evaluation.",
  },
  page: { 'zh-CN': '第 {n} 页 / 共 {total} 页', en: 'Page {n} of {total}' },
  summaryChapter: { 'zh-CN': '执行摘要', en: 'Executive summary' },
  overview: { 'zh-CN': '二级指标概览', en: 'Clause overview' },
  detail: { 'zh-CN': '逐项评价', en: 'Criterion detail' },
  plan: { 'zh-CN': '改进行动计划', en: 'Action plan' },
  evidenceIndex: { 'zh-CN': '证据索引', en: 'Evidence index' },
  method: { 'zh-CN': '评分方法与依据', en: 'Scoring method' },
  nextLevelTitle: { 'zh-CN': '下一等级', en: 'Next level' },
  pointsNeededN: { 'zh-CN': '还差 {n} 分', en: '{n} points needed' },
  nextLevelLine: { 'zh-CN': '{level}（≥ {threshold}）：{needed}{blocked}', en: '{level} (≥ {threshold}): {needed}{blocked}' },
  blockedSuffix: { 'zh-CN': '——{note}', en: ' — {note}' },
  highestLevel: { 'zh-CN': '已达最高等级', en: 'Highest level reached' },
  blockedNote: { 'zh-CN': '须先纠正特别扣分项', en: 'special deductions must be corrected first' },
  sectionsChart: { 'zh-CN': '一级指标得分（实得 / 满分）', en: 'Sections: earned of available points' },
  topActions: { 'zh-CN': '优先处理的五项措施（特别扣分项在前）', en: 'The first five actions (special deductions first)' },
  counts: {
    'zh-CN': '符合 {met} · 部分符合 {partial} · 不符合 {notMet} · 未评估 {notAssessed} · 不适用 {na}',
    en: 'met {met} · partial {partial} · not met {notMet} · not assessed {notAssessed} · n/a {na}',
  },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  notes: { 'zh-CN': '发现、证据与措施', en: 'Findings, evidence and action' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  noEvidence: { 'zh-CN': '未列出证据', en: 'no evidence cited' },
  recoverableCol: { 'zh-CN': '可挽回', en: 'Recoverable' },
  noGaps: { 'zh-CN': '没有失分项。', en: 'No points were lost.' },
  itemDate: { 'zh-CN': '出具日期', en: 'Issued' },
  reviewedCol: { 'zh-CN': '内容审阅', en: 'Content' },
  reviewedYes: { 'zh-CN': '已审阅', en: 'reviewed' },
  reviewedNo: { 'zh-CN': '未审阅', en: 'not reviewed' },
  reviewedLegend: {
    'zh-CN': '“已找到”表示文件存在；“已审阅”表示评估人审阅时记录了文件校验值且文件此后未改动，“未审阅”表示只核对了文件存在或链接。',
    en: '“found” means the file exists; “reviewed” means the assessor recorded the file’s fingerprint when reading it and the file is unchanged since; “not reviewed” means only the file’s existence (or the link) was checked.',
  },
  expires: { 'zh-CN': '有效期至', en: 'Expires' },
  status: { 'zh-CN': '状态', en: 'Status' },
  citedBy: { 'zh-CN': '引用于', en: 'Cited by' },
  noItems: { 'zh-CN': '证据文件未引用任何证据。', en: 'The evidence file cites no evidence.' },
  deductionsLine: { 'zh-CN': '特别扣分项', en: 'Special deductions' },
  bonusLine: { 'zh-CN': '特别加分项', en: 'Special bonus' },
  none: { 'zh-CN': '无', en: 'none' },
  comparison: { 'zh-CN': '变化', en: 'Changes' },
  provenance: { 'zh-CN': '分值来源', en: 'Where the points come from' },
  deductionRow: { 'zh-CN': '特别扣分项（{clause}）', en: 'Special deduction ({clause})' },
  deductionAction: {
    'zh-CN': '纠正违规并保留整改证据；特别扣分项达 {failAt} 项即判不合格，须优先处理。',
    en: 'Correct the breach and keep the evidence of it; {failAt} special deductions fail the assessment, so these come first.',
  },
  reachNext: { 'zh-CN': '达到{level}：完成 {ids}，预计得分 {score}', en: 'To reach {level}: close {ids}, for about {score}' },
  expiringItem: { 'zh-CN': '{ref}（{expires}到期，{id}）', en: '{ref} ({expires}, {id})' },
  expiringLine: {
    'zh-CN': '评估日后即将到期的证据（审核前请更新）：{list}',
    en: 'Evidence expiring soon after the assessment date (renew it before the audit): {list}',
  },
  disagreeLine: {
    'zh-CN': '自评与数据或计量结果不一致（{n} 处）：',
    en: 'Claims the data or a measurement contradicts ({n}):',
  },
  rubricVersion: { 'zh-CN': '评分规则：第 {version} 版', en: 'Rubric edition {version}' },
  runningCol: { 'zh-CN': '累计得分', en: 'Score after' },
  tagCol: { 'zh-CN': '类型', en: 'Kind' },
  disagreeItem: { 'zh-CN': '{id} {title}：{text}', en: '{id} {title}: {text}' },
  continued: { 'zh-CN': '（续）', en: ' (cont.)' },
  documentControl: { 'zh-CN': '文件信息', en: 'Document control' },
  field: { 'zh-CN': '项目', en: 'Item' },
  fieldValue: { 'zh-CN': '内容', en: 'Value' },
  reportNumber: { 'zh-CN': '报告编号', en: 'Report number' },
  reportVersion: { 'zh-CN': '版本', en: 'Version' },
  reportStatus: { 'zh-CN': '状态', en: 'Status' },
  statusDraft: { 'zh-CN': '草稿（未签署，仅供讨论）', en: 'Draft (not signed; for discussion only)' },
  statusFinal: { 'zh-CN': '正式版', en: 'Final' },
  draftMark: { 'zh-CN': '草稿', en: 'DRAFT' },
  draftNote: {
    'zh-CN': '本报告为草稿：签署并以正式版出具前，不得作为交付文件使用。',
    en: 'This report is a draft: it is not to be relied on until it is signed and issued as final.',
  },
  preparedBy: { 'zh-CN': '编制单位', en: 'Prepared by' },
  consultant: { 'zh-CN': '顾问', en: 'Consultant' },
  contact: { 'zh-CN': '联系方式', en: 'Contact' },
  contents: { 'zh-CN': '目录', en: 'Contents' },
  signOff: { 'zh-CN': '签署', en: 'Sign-off' },
  role: { 'zh-CN': '职责', en: 'Role' },
  signName: { 'zh-CN': '姓名', en: 'Name' },
  signature: { 'zh-CN': '签名', en: 'Signature' },
  signDate: { 'zh-CN': '日期', en: 'Date' },
  rolePrepared: { 'zh-CN': '编制', en: 'Prepared' },
  roleReviewed: { 'zh-CN': '审核', en: 'Reviewed' },
  roleApproved: { 'zh-CN': '批准', en: 'Approved' },
  signOffNote: {
    'zh-CN': '签署即确认：本报告依据受评企业提供的证据编制，评分方法见“评分方法与依据”一章。',
    en: 'By signing, the signatories confirm that the report was prepared from the evidence the company provided, scored as the chapter on the scoring method describes.',
  },
  colophonChapter: { 'zh-CN': '报告信息', en: 'About this report' },
  colophonIntro: {
    'zh-CN': '以下信息用于复核与重现本报告，不属于评价结论。',
    en: 'What follows lets the report be checked and reproduced; it is not part of the findings.',
  },
  colophonTool: { 'zh-CN': '生成工具', en: 'Produced with' },
  colophonRubric: { 'zh-CN': '评分规则', en: 'Rubric' },
  colophonRubricSha: { 'zh-CN': '评分规则校验值（SHA-256）', en: 'Rubric fingerprint (SHA-256)' },
  colophonEvidence: { 'zh-CN': '证据文件', en: 'Evidence file' },
  colophonEvidenceSha: { 'zh-CN': '证据文件校验值（SHA-256）', en: 'Evidence file fingerprint (SHA-256)' },
  colophonDataset: { 'zh-CN': '数据文件', en: 'Data file' },
  colophonDatasetValue: { 'zh-CN': '{file}：{valid}/{rows} 行有效，SHA-256 {sha}', en: '{file}: {valid} of {rows} rows valid, SHA-256 {sha}' },
  rubricEdition: { 'zh-CN': '{title}，第 {version} 版', en: '{title}, edition {version}' },
  footerNumber: { 'zh-CN': '报告编号 {number} · 第 {version} 版', en: 'Report {number} · version {version}' },
  footerDraft: { 'zh-CN': '草稿', en: 'draft' },
  excludedCol: { 'zh-CN': '删减', en: 'Excluded' },
  excludedNote: { 'zh-CN': '（另有 {points} 分删减，不计入）', en: ' ({points} excluded, not counted)' },
  legendEarned: { 'zh-CN': '得分', en: 'earned' },
  legendLost: { 'zh-CN': '失分', en: 'lost' },
  legendExcluded: { 'zh-CN': '删减（不适用，不计入总分）', en: 'excluded (not applicable, not counted)' },
  rubricBundled: { 'zh-CN': '{standard}（本工具内置的评分规则）', en: '{standard} (the rubric bundled with this tool)' },
  rubricCustom: { 'zh-CN': '{standard}（自定义评分规则，第 {version} 版）', en: '{standard} (custom rubric, edition {version})' },
  projection: { 'zh-CN': '预测', en: 'Projection' },
  projectionValue: {
    'zh-CN': '按 {date} 的情况预测（证据到期与时效按该日判断）',
    en: 'as it would stand on {date} (expiry and evidence age judged on that day)',
  },
  confidenceLegend: {
    'zh-CN':
      '可信度（指该行分值本身，而非来源类型）：较高 = 标准条文或认证机构转述的评分规则；中等 = 来源明确给出的分值（含网络文章中写明的条款分值），或由已知分值推算、依条款内容重构；较低 = 推定的分值拆分，来源未给出，应由持有标准的顾问核对。各来源是什么、支撑哪些内容，见评分规则随附的《评分规则的来源说明》。',
    en: 'Confidence (of the row’s points, not of the kind of source): high = the standard or its scoring rules as certification bodies reproduce them; medium = points the source states (a clause’s points written in a web article included), or worked out from known points or the clause content; low = a split of points no source gives, derived — to be checked by a consultant holding the standard. What each source is and what it supports: “Where the bundled rubric’s points and guidance come from”, shipped with the rubric.',
  },
  dataRules: { 'zh-CN': '依据数据计分的评价项', en: 'Criteria scored from data' },
  criterionCol: { 'zh-CN': '评价项', en: 'Criterion' },
  ruleCol: { 'zh-CN': '计分规则', en: 'Rule' },
  source: { 'zh-CN': '来源', en: 'Source' },
  confidence: { 'zh-CN': '可信度', en: 'Confidence' },
  note: { 'zh-CN': '说明', en: 'Note' },
  levels: { 'zh-CN': '等级标准', en: 'Levels' },
  minScore: { 'zh-CN': '最低得分', en: 'Minimum score' },
  remark: { 'zh-CN': '备注', en: 'Remark' },
  dataAnalysis: { 'zh-CN': '数据分析', en: 'Data analysis' },
  surveyTitle: { 'zh-CN': '满意度调查', en: 'Satisfaction survey' },
  recordsTitle: { 'zh-CN': '服务记录', en: 'Service records' },
  responses: { 'zh-CN': '有效问卷 {n} 份，无效 {bad} 行（已剔除）', en: '{n} valid responses, {bad} invalid rows left out' },
  tickets: { 'zh-CN': '有效记录 {n} 条，无效 {bad} 行（已剔除），截至 {asOf}', en: '{n} valid records, {bad} invalid rows left out, as of {asOf}' },
  themeCol: { 'zh-CN': '投诉主题', en: 'Theme' },
  mentions: { 'zh-CN': '提及', en: 'Mentions' },
  commonProblem: { 'zh-CN': '共性问题（>{share}）', en: 'common problem (> {share})' },
  group: { 'zh-CN': '团队 / 产品线', en: 'Team / product line' },
  belowMean: {
    'zh-CN': '比均值相对低 {short}（复核线 {share}），需复核',
    en: '{short} below the mean, relative (review line {share}): review',
  },
  typeCol: { 'zh-CN': '类型', en: 'Type' },
  responseCol: { 'zh-CN': '响应时长（小时）中位数 / 第90百分位', en: 'Response (hours): median / 90th percentile' },
  sampleCol: { 'zh-CN': '样本数', en: 'Count' },
  shareCol: { 'zh-CN': '占比', en: 'Share' },
  datasetRows: { 'zh-CN': '{title}：有效 {valid} 行 / 共 {rows} 行', en: '{title}: {valid} of {rows} rows valid' },
  commitmentCol: { 'zh-CN': '承诺达成', en: 'Within commitment' },
  benchmarkCol: { 'zh-CN': '常见要求达成', en: 'Within benchmark' },
  ftfCol: { 'zh-CN': '一次修复', en: 'First-time fix' },
  overdueCol: { 'zh-CN': '超期未结', en: 'Overdue open' },
  dataMetrics: { 'zh-CN': '由原始数据计算的指标', en: 'Metrics computed from raw data' },
  metric: { 'zh-CN': '指标', en: 'Metric' },
  value: { 'zh-CN': '数值', en: 'Value' },
} satisfies Record<string, Record<Lang, string>>;

export const EVIDENCE_STATE = {
  found: { 'zh-CN': '已找到', en: 'found' },
  url: { 'zh-CN': '链接', en: 'link' },
  missing: { 'zh-CN': '缺失', en: 'missing' },
  expired: { 'zh-CN': '已过期', en: 'expired' },
  'too-old': { 'zh-CN': '超出时效', en: 'too old' },
  undated: { 'zh-CN': '未注明日期', en: 'undated' },
  'hash-mismatch': { 'zh-CN': '内容已变更', en: 'changed since review' },
  'outside-root': { 'zh-CN': '不在证据目录内', en: 'outside evidence root' },
  'not-a-file': { 'zh-CN': '不是文件', en: 'not a file' },
} satisfies Record<string, Record<Lang, string>>;

/** The scoring rules as the method section states them; numbers are filled in from the report. */
export const METHOD_RULES: Record<Lang, string[]> = {
  'zh-CN': [
    '定性评价项：符合得满分，不符合不得分；部分符合而无抽样时按 {partial} 计分。',
    '抽样评价项（网点、人员档案、维修单、投诉案例等）：按抽样中符合的比例得分（符合数 ÷ 抽样数）。',
    '证据要求：得分须至少有一项有效证据——可访问的链接，或证据目录内存在的文件；过期、超出时效、内容与审阅时不符的证据不计。',
    '计量评价项：{measures}。',
    '删减：经认可不适用的评价项（须说明理由）不计入适用总分；未评估的项目计0分但仍计入适用总分。',
    '得分 = 实得分 ÷ 适用总分 × 100；最终得分 = 得分 − 每项特别扣分 {deduction} 分 + 特别加分 {bonus} 分（至多 {maxBonus} 项），取0–100并保留一位小数。',
    '等级按最终得分判定；特别扣分项达 {failAt} 项及以上，无论得分均为不合格。',
  ],
  en: [
    'Qualitative criteria: met earns the full points, not met none; partial without a sample earns {partial} of them.',
    'Sampled criteria (outlets, staff files, repair orders, complaint cases…): points in proportion to the conforming share of the sample.',
    'Evidence: points need at least one item that counts — a link, or a file that exists inside the evidence folder; expired, aged-out or changed-since-review items do not count.',
    'Measured criteria: {measures}.',
    'Exclusion: criteria accepted as not applicable (with a reason) leave the applicable total; criteria not assessed earn 0 and stay in it.',
    'Score = earned ÷ applicable × 100; final = score − {deduction} per special deduction + {bonus} for the special bonus (at most {maxBonus}), kept within 0–100, one decimal.',
    'The level follows the final score; {failAt} or more special deductions fail the assessment whatever the score.',
  ],
};

/** PDF labels extend the shared report labels; a key in both would silently shadow one of them. */
type SharedKeys = Extract<keyof typeof PDF, keyof typeof UI>;
export const PDF_KEYS_ARE_DISTINCT: [SharedKeys] extends [never] ? true : SharedKeys = true;

/** "一、执行摘要" / "1. Executive summary". */
export function chapterHeading(n: number, title: string, lang: Lang): string {
  return lang === 'zh-CN' ? `${'一二三四五六七八九十'[n - 1] ?? n}、${title}` : `${n}. ${title}`;
}

export const CONFIDENCE: Record<'H' | 'M' | 'L', Record<Lang, string>> = {
  H: { 'zh-CN': '较高', en: 'high' },
  M: { 'zh-CN': '中等', en: 'medium' },
  L: { 'zh-CN': '较低', en: 'low' },
};

/** A rubric source as a client reads it: its label, never a repository path. */
export function sourceLabel(source: { title: string; label?: { 'zh-CN': string; en: string } } | undefined, id: string, lang: Lang): string {
  return source?.label?.[lang] ?? (lang === 'en' ? (source?.title ?? id) : id);
}

/** A provenance note in the reader's language; a plain-text (English) note only in English reports. */
export function noteText(note: string | { 'zh-CN': string; en: string } | null | undefined, lang: Lang): string {
  if (!note) return '';
  return typeof note === 'string' ? (lang === 'en' ? note : '') : note[lang];
}
