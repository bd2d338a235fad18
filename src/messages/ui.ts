import { interpolate } from '../shared/interpolate.js';
import type { Lang, Localized } from '../model/localized.js';
import type { GapFix } from '../model/report.js';
import type { Outcome } from '../model/outcome.js';

/** Labels of the terminal (and later PDF) reports. */
export const UI = {
  initCreated: {
    'zh-CN': '已创建 {target}（列出全部评价项，均未作答）和 {docs}/\n下一步：填写 status 和 evidence，然后运行 `aftersales-assess validate {target}`',
    en: 'created {target} (every criterion listed, none answered yet) and {docs}/\nnext: fill in status and evidence, then run `aftersales-assess validate {target}`',
  },
  ghThreshold: { 'zh-CN': 'aftersales-assess 门槛', en: 'aftersales-assess threshold' },
  ghBatch: { 'zh-CN': '已评估 {n} 家企业；各自得分见作业摘要', en: '{n} companies assessed; each score is in the job summary' },
  ghHidden: {
    'zh-CN': '另有 {errors} 个错误和 {warnings} 个警告未作为批注显示（GitHub 每步最多 {cap} 个），全部列在作业摘要中',
    en: '{errors} more errors and {warnings} more warnings are not shown as annotations (GitHub keeps {cap} of each per step); all are in the job summary',
  },
  ghAll: { 'zh-CN': '全部批注', en: 'All annotations' },
  ghWhere: { 'zh-CN': '位置', en: 'Where' },
  ghFinding: { 'zh-CN': '发现', en: 'Finding' },
  initSchemaWritten: {
    'zh-CN': '已写入编辑器用的 {schema}（评价项编号、名称与审核要求）；升级后用 `aftersales-assess schema --out {schema}` 刷新',
    en: 'wrote {schema} for editors (criterion ids, titles, what auditors expect); refresh it after upgrading with `aftersales-assess schema --out {schema}`',
  },
  initSchemaKept: {
    'zh-CN': '{schema} 已存在且不是本工具生成的，未改动；可用 `aftersales-assess schema --out 其他文件` 生成',
    en: '{schema} exists and was not written by this tool: left as it is; `aftersales-assess schema --out OTHER-FILE` writes ours',
  },
  industryCommitments: { 'zh-CN': '本行业常见的服务承诺', en: 'Commitments typical of the industry' },
  industryKpis: { 'zh-CN': '本行业常用指标', en: 'Indicators the industry is judged by' },
  typicalEvidence: { 'zh-CN': '典型证据', en: 'Typical evidence' },
  ownerDue: { 'zh-CN': '负责人：{owner} · 完成期限：{due}', en: 'Owner: {owner} · due {due}' },
  ownerDueCol: { 'zh-CN': '负责人与期限', en: 'Owner and due date' },
  toBeAssigned: { 'zh-CN': '待定', en: 'to be assigned' },
  dueNotSet: { 'zh-CN': '待定', en: 'not set' },
  cappedScore: { 'zh-CN': '100（已封顶）', en: '100 (capped)' },
  fileCol: { 'zh-CN': '文件', en: 'File' },
  /** ✅ / ❌: whether the file passed the thresholds asked for. */
  gateCol: { 'zh-CN': '门槛', en: 'Gate' },
  allExcluded: { 'zh-CN': '删减（{points}分）', en: 'excluded ({points})' },
  actionLabel: { 'zh-CN': '改进措施', en: 'Action' },
  fileValid: { 'zh-CN': '{file}：有效', en: '{file}: valid' },
  rubricOk: { 'zh-CN': '{file}：通过', en: '{file}: ok' },
  batchSkipped: { 'zh-CN': '{files} 个文件中有 {invalid} 个无效，已跳过', en: '{invalid} of {files} file(s) invalid and skipped' },
  scaffoldTitle: { 'zh-CN': '{title} — 证据文件（aftersales-assess）', en: '{title} — evidence file (aftersales-assess)' },
  scaffoldHelp1: {
    'zh-CN': '每个评价项：status 填 met | partial | not-met | n/a（n/a 仅限标注可删减的项，并写明 justification），',
    en: 'For each criterion: status met | partial | not-met | n/a (n/a only where marked, with a justification),',
  },
  scaffoldHelp2: {
    'zh-CN': 'evidence 填证据：`file`（相对本文件）或 `url`，可加 title、date、expires。',
    en: 'and evidence: items with `file` (relative to this file) or `url`, plus optional title, date, expires.',
  },
  scaffoldHelp3: {
    'zh-CN': '抽样项写 `sample: { checked: N, conforming: M }`。用 `aftersales-assess validate` 检查。',
    en: 'Sampled criteria take `sample: { checked: N, conforming: M }`. Check with `aftersales-assess validate`.',
  },
  scaffoldAsOf: { 'zh-CN': '评估基准日：证据是否过期、是否超出时效以此日期判断', en: 'the as-of date: expiry and evidence age are judged against it' },
  scaffoldMetrics: { 'zh-CN': '计量项所需的统计数字；取消注释后填写。', en: 'Counted figures for measured criteria; uncomment and fill in.' },
  scaffoldDeductions: {
    'zh-CN': '特别扣分项：每项 −{points}；达 {failAt} 项即不合格',
    en: 'special deductions (特别扣分项): −{points} each; {failAt} or more fail the assessment',
  },
  scaffoldBonus: { 'zh-CN': '特别加分项：+{points}，至多 {max} 项，须有证据', en: 'special bonus (特别加分项): +{points}, at most {max}, with evidence' },
  listSep: { 'zh-CN': '、', en: ', ' },
  scoredFromData: { 'zh-CN': '；本项按数据计算值计分', en: '; this criterion is scored from the computed value' },
  clauseSep: { 'zh-CN': '；', en: '; ' },
  rowsValid: { 'zh-CN': '行有效', en: 'rows valid' },
  diffCols: { 'zh-CN': '评价项 | 原因', en: 'Criterion | Cause' },
  auditorExpects: { 'zh-CN': '审核员期望', en: 'Auditor expects' },
  sampledLabel: { 'zh-CN': '抽样', en: 'Sampled' },
  datedWithin: { 'zh-CN': '证据须注明日期且在{months}个月内', en: 'Evidence must be dated within {months} months' },
  measuredFrom: { 'zh-CN': '依据 metrics 计量', en: 'Measured from metrics' },
  naAllowed: { 'zh-CN': '可删减', en: 'n/a allowed' },
  sampledTag: { 'zh-CN': '抽样：', en: 'sampled: ' },
  fromData: { 'zh-CN': '依据数据', en: 'from data' },
  levelsLine: { 'zh-CN': '等级：{levels}；特别扣分 ≥ {failAt} 项即不合格', en: 'Levels: {levels}; fail with ≥ {failAt} special deductions' },
  errorsCount: { 'zh-CN': '{n} 个错误；未评分。', en: '{n} error{s}; nothing was scored.' },
  title: { 'zh-CN': '商品售后服务认证自评报告', en: 'After-sales service certification self-assessment' },
  company: { 'zh-CN': '企业', en: 'Company' },
  date: { 'zh-CN': '评估日期', en: 'Assessment date' },
  rubric: { 'zh-CN': '评价依据', en: 'Rubric' },
  score: { 'zh-CN': '得分', en: 'Score' },
  level: { 'zh-CN': '等级', en: 'Level' },
  sections: { 'zh-CN': '一级指标', en: 'Sections' },
  clause: { 'zh-CN': '条款', en: 'Clause' },
  name: { 'zh-CN': '名称', en: 'Title' },
  points: { 'zh-CN': '分值', en: 'Points' },
  earned: { 'zh-CN': '得分', en: 'Earned' },
  percent: { 'zh-CN': '得分率', en: '%' },
  topGaps: { 'zh-CN': '优先改进项（特别扣分项在前，其余按可挽回分数排序）', en: 'Top gaps (special deductions first, then by points recoverable)' },
  recoverable: { 'zh-CN': '可挽回', en: 'recoverable' },
  action: { 'zh-CN': '措施', en: 'Action' },
  nextLevel: { 'zh-CN': '距下一等级', en: 'To reach' },
  pointsNeeded: { 'zh-CN': '还差', en: 'needs' },
  closingGaps: { 'zh-CN': '完成以下改进项即可达到', en: 'closing these gaps gets there' },
  blocked: { 'zh-CN': '须先纠正特别扣分项（≥{failAt}项即判不合格）', en: 'special deductions must be corrected first ({failAt} or more fail the assessment)' },
  topLevel: { 'zh-CN': '已达最高等级', en: 'highest level reached' },
  notAssessed: { 'zh-CN': '未评估条目', en: 'Not assessed' },
  warnings: { 'zh-CN': '警告', en: 'Warnings' },
  deductions: { 'zh-CN': '特别扣分', en: 'Special deductions' },
  deductionsTerm: { 'zh-CN': '特别扣分 {points} 分（{count} 项）', en: 'special deductions {points} ({count} found)' },
  bonusTerm: { 'zh-CN': '特别加分 {points}', en: 'special bonus {points}' },
  customRubric: { 'zh-CN': '自定义评分规则', en: 'Custom rubric' },
  rubricBundledOrigin: { 'zh-CN': '内置', en: 'bundled' },
  assessedBy: { 'zh-CN': '评估人', en: 'Assessor' },
  bonus: { 'zh-CN': '特别加分', en: 'Special bonus' },
  normalized: { 'zh-CN': '折算得分', en: 'normalized' },
  final: { 'zh-CN': '最终得分', en: 'final' },
  selfAssessment: {
    'zh-CN': '本报告为企业自评结果，不构成认证机构的认证决定。',
    en: 'This is a self-assessment, not a certification decision.',
  },
  fixEvidence: {
    'zh-CN': '先补正证据：恢复缺失文件、更新过期文件或引用可核查的文件',
    en: 'Fix the evidence first: restore missing files, renew expired ones, or cite a document an auditor can check',
  },
  fixCite: { 'zh-CN': '补充证据。审核员期望看到：', en: 'Cite the evidence. An auditor expects: ' },
  fixAssess: { 'zh-CN': '先完成自评。审核员期望看到：', en: 'Assess it first. An auditor expects: ' },
  fixUpgrade: { 'zh-CN': '升级 aftersales-assess 以支持该评分类型', en: 'Upgrade aftersales-assess to score this criterion kind' },
  criterion: { 'zh-CN': '评价项', en: 'Criterion' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  summary: { 'zh-CN': '汇总', en: 'Summary' },
  topGap: { 'zh-CN': '首要改进项', en: 'Top gap' },
  lostPoints: { 'zh-CN': '失分', en: 'points lost' },
  clauses: { 'zh-CN': '二级指标', en: 'Clauses' },
  thresholds: { 'zh-CN': '门槛未达标', en: 'Thresholds not met' },
  invalid: { 'zh-CN': '无效文件', en: 'invalid file' },
  datasets: { 'zh-CN': '数据计算的指标', en: 'Metrics computed from data' },
  moreGaps: { 'zh-CN': '项改进项未列出（用 --top 或 --format json 查看）', en: 'more gaps not shown (see --top or --format json)' },
} satisfies Record<string, Record<Lang, string>>;

/** What follows a label: a full-width colon in Chinese text, a colon and a space in English. */
export const COLON: Record<Lang, string> = { 'zh-CN': '：', en: ': ' };

/** A remark in brackets after a label: full-width in Chinese text, " (…)" in English. */
export function inParens(text: string | number, lang: Lang): string {
  return lang === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

/** The kind of work a gap needs, as the action plan tags it. */
export const FIX_TAGS: Record<GapFix, Localized> = {
  evidence: { 'zh-CN': '证据', en: 'evidence' },
  assess: { 'zh-CN': '评估', en: 'assessment' },
  practice: { 'zh-CN': '实践', en: 'practice' },
  upgrade: { 'zh-CN': '实践', en: 'practice' },
};

export const OUTCOME_LABELS: Record<Outcome, Record<Lang, string>> = {
  met: { 'zh-CN': '符合', en: 'met' },
  partial: { 'zh-CN': '部分符合', en: 'partial' },
  'not-met': { 'zh-CN': '不符合', en: 'not met' },
  'not-applicable': { 'zh-CN': '不适用', en: 'n/a' },
  'not-assessed': { 'zh-CN': '未评估', en: 'not assessed' },
  unsupported: { 'zh-CN': '不支持', en: 'unsupported' },
};

/** A UI label with its {placeholders} filled in. */
export function ui(key: keyof typeof UI, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(UI[key][lang], vars);
}
