import { percent } from './numbers.js';
import type { Finding, FindingArgs, FindingCode } from '../model/finding.js';
import type { Lang } from '../model/localized.js';
import { DATASET_NAMES, metricLabel } from './datasets.js';
import { OUTCOME_LABELS } from './ui.js';

type Catalog = { [C in FindingCode]: Record<Lang, (a: FindingArgs[C]) => string> };
const pct = (r: number) => percent(r);

/** Every finding's wording, in every language. The mapped type makes a missing entry a compile error. */
const fmtShare = (x: number) => (x >= 0 && x <= 1 ? pct(x) : String(x));
const UNAVAILABLE: Record<string, Record<Lang, string>> = {
  missing: { 'zh-CN': '不存在', en: 'was not found' },
  'outside-root': { 'zh-CN': '在证据根目录之外，未读取', en: 'is outside the evidence root and was not read' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'is not a regular file' },
  unreadable: {
    'zh-CN': '无法读取（格式或编码错误；用 survey / records 命令查看详情）',
    en: 'could not be read (format or encoding; run the survey / records command for details)',
  },
  empty: { 'zh-CN': '没有一条有效数据', en: 'holds no valid row' },
};
const dataRuleZh = (a: { rule: string; threshold: number | null }) =>
  a.rule === 'complement'
    ? '，按未发生比例计分'
    : a.rule === 'proportional'
      ? '，按比例计分'
      : a.threshold !== null
        ? `，评分规则的推定阈值为 ${pct(a.threshold)}（非标准规定）`
        : '';
const dataRuleEn = (a: { rule: string; threshold: number | null }) =>
  a.rule === 'complement'
    ? '; credited for the share without it'
    : a.rule === 'proportional'
      ? '; credited in proportion'
      : a.threshold !== null
        ? `; the rubric's derived threshold is ${pct(a.threshold)} (not set by the standard)`
        : '';

export const FINDING_MESSAGES: Catalog = {
  'not-assessed': {
    'zh-CN': () => '企业尚未自评此项，暂按0分计',
    en: () => 'the company has not assessed this yet; scored 0 for now',
  },
  'not-applicable': {
    'zh-CN': (a) => `已删减（不适用）：${a.justification}`,
    en: (a) => `excluded as not applicable: ${a.justification}`,
  },
  'claimed-not-met': {
    'zh-CN': () => '企业自评为不符合',
    en: () => 'the company assesses this as not met',
  },
  'partial-without-sample': {
    'zh-CN': (a) => `未提供抽样记录，按部分符合计${a.credit === 0.5 ? '一半' : ` ${pct(a.credit)} `}分值`,
    en: (a) => `no sample records given: credited as partly met, ${a.credit === 0.5 ? 'half' : pct(a.credit)} of the points`,
  },
  'sample-nonconforming': {
    'zh-CN': (a) => `抽样${a.checked}项中${a.checked - a.conforming}项不符合，按比例扣分`,
    en: (a) => `${a.checked - a.conforming} of ${a.checked} sampled items do not conform; points deducted in proportion`,
  },
  'sample-all-conforming': {
    'zh-CN': (a) => `标为部分符合，但抽样${a.checked}项全部符合`,
    en: (a) => `marked partial, yet all ${a.checked} sampled items conform`,
  },
  'no-evidence': {
    'zh-CN': () => '未列出任何证据，审核员不会认可此项自评',
    en: () => 'no evidence cited; an auditor would not accept the claim',
  },
  'no-valid-evidence': {
    'zh-CN': (a) => `列出的${a.cited}项证据均无效（缺失、过期或不在证据目录内）`,
    en: (a) => `none of the ${a.cited} cited evidence item(s) counts (missing, expired or outside the evidence root)`,
  },
  'evidence-file-missing': {
    'zh-CN': (a) => `证据文件不存在：${a.file}`,
    en: (a) => `evidence file not found: ${a.file}`,
  },
  'evidence-file-outside-root': {
    'zh-CN': (a) => `证据文件位于证据目录之外，未读取：${a.file}`,
    en: (a) => `evidence file is outside the evidence root and was not read: ${a.file}`,
  },
  'evidence-not-a-file': {
    'zh-CN': (a) => `证据路径不是文件：${a.file}`,
    en: (a) => `evidence path is not a file: ${a.file}`,
  },
  'evidence-expired': {
    'zh-CN': (a) => `证据已于${a.expires}过期：${a.ref}`,
    en: (a) => `evidence expired on ${a.expires}: ${a.ref}`,
  },
  'evidence-too-old': {
    'zh-CN': (a) => `证据日期${a.date}早于评估日前${a.maxAgeMonths}个月，已不作数：${a.ref}`,
    en: (a) => `evidence dated ${a.date} is older than the ${a.maxAgeMonths} months allowed: ${a.ref}`,
  },
  'evidence-undated': {
    'zh-CN': (a) => `此项证据须在${a.maxAgeMonths}个月内，但未注明日期：${a.ref}`,
    en: (a) => `evidence must be at most ${a.maxAgeMonths} months old but has no date: ${a.ref}`,
  },
  'evidence-hash-mismatch': {
    'zh-CN': (a) => `证据文件内容已变更（sha256 不符，审阅后被修改）：${a.file}`,
    en: (a) => `evidence file changed since it was reviewed (sha256 mismatch): ${a.file}`,
  },
  'evidence-expires-soon': {
    'zh-CN': (a) => `证据将在${a.days}天后（${a.expires}）过期：${a.ref}`,
    en: (a) => `evidence expires in ${a.days} day(s), on ${a.expires}: ${a.ref}`,
  },
  'evidence-dated-after-assessment': {
    'zh-CN': (a) => `证据日期${a.date}晚于评估日期：${a.ref}`,
    en: (a) => `evidence is dated ${a.date}, after the assessment date: ${a.ref}`,
  },
  'metric-missing': {
    'zh-CN': (a) => `缺少计量数据 metrics.${a.metric}`,
    en: (a) => `metric metrics.${a.metric} is missing`,
  },
  'ratio-below-threshold': {
    'zh-CN': (a) => `${a.numerator}/${a.denominator} = ${pct(a.value)}，低于要求的${pct(a.threshold)}`,
    en: (a) => `${a.numerator}/${a.denominator} = ${pct(a.value)}, below the required ${pct(a.threshold)}`,
  },
  'ratio-meets-threshold': {
    'zh-CN': (a) => `${a.numerator}/${a.denominator} = ${pct(a.value)}，达到要求的${pct(a.threshold)}`,
    en: (a) => `${a.numerator}/${a.denominator} = ${pct(a.value)}, meets the required ${pct(a.threshold)}`,
  },
  'status-contradicts-measure': {
    'zh-CN': (a) => `自评为“${OUTCOME_LABELS[a.status as 'met']?.['zh-CN'] ?? a.status}”，但计量结果为“${OUTCOME_LABELS[a.measured]['zh-CN']}”；以计量结果为准`,
    en: (a) =>
      `self-assessed as ${OUTCOME_LABELS[a.status as 'met']?.en ?? a.status} but the measurement says ${OUTCOME_LABELS[a.measured].en}; the measurement counts`,
  },
  'data-meets': {
    'zh-CN': (a) => `依据${DATASET_NAMES[a.dataset]['zh-CN']}数据（${a.n}条）：${metricLabel(a.metric, 'zh-CN')}为${pct(a.value)}${dataRuleZh(a)}`,
    en: (a) => `from the ${DATASET_NAMES[a.dataset].en} (${a.n} rows): ${metricLabel(a.metric, 'en')} ${pct(a.value)}${dataRuleEn(a)}`,
  },
  'data-below': {
    'zh-CN': (a) => `依据${DATASET_NAMES[a.dataset]['zh-CN']}数据（${a.n}条）：${metricLabel(a.metric, 'zh-CN')}为${pct(a.value)}${dataRuleZh(a)}`,
    en: (a) => `from the ${DATASET_NAMES[a.dataset].en} (${a.n} rows): ${metricLabel(a.metric, 'en')} ${pct(a.value)}${dataRuleEn(a)}`,
  },
  'data-survey-conducted': {
    'zh-CN': (a) =>
      `已开展满意度调查并分析：${a.from} 至 ${a.to} 共 ${a.n} 份有效评价${a.satisfactionRate !== null ? `，满意率 ${pct(a.satisfactionRate)}` : ''}`,
    en: (a) =>
      `a satisfaction survey was carried out and analysed: ${a.n} responses from ${a.from} to ${a.to}${a.satisfactionRate !== null ? `, satisfaction rate ${pct(a.satisfactionRate)}` : ''}`,
  },
  'data-not-covered': {
    'zh-CN': (a) => `${DATASET_NAMES[a.dataset]['zh-CN']}数据中没有可计算“${metricLabel(a.metric, 'zh-CN')}”的记录，按自评计分`,
    en: (a) => `the ${DATASET_NAMES[a.dataset].en} hold nothing to compute ${metricLabel(a.metric, 'en')} from; scored on the claim`,
  },
  'data-unavailable': {
    'zh-CN': (a) => `引用的${DATASET_NAMES[a.dataset]['zh-CN']}数据 ${a.file} ${UNAVAILABLE[a.reason]?.['zh-CN'] ?? a.reason}，本项不能依据数据得分`,
    en: (a) => `the referenced ${DATASET_NAMES[a.dataset].en} ${a.file} ${UNAVAILABLE[a.reason]?.en ?? a.reason}; this criterion earns nothing from data`,
  },
  'data-too-old': {
    'zh-CN': (a) => `${DATASET_NAMES[a.dataset]['zh-CN']}数据最新日期为 ${a.latest}，早于评估日前 ${a.maxAgeMonths} 个月（评分规则采用的推定时限），不能计分`,
    en: (a) =>
      `the newest ${DATASET_NAMES[a.dataset].en} entry is from ${a.latest}, more than ${a.maxAgeMonths} months (the rubric's derived limit) before the assessment date; it does not count`,
  },
  'data-undated': {
    'zh-CN': (a) => `${DATASET_NAMES[a.dataset]['zh-CN']}数据没有日期，无法确认是否在 ${a.maxAgeMonths} 个月之内，不能计分`,
    en: (a) => `the ${DATASET_NAMES[a.dataset].en} carry no dates, so they cannot be shown to be within ${a.maxAgeMonths} months; they do not count`,
  },
  'data-sample-too-small': {
    'zh-CN': (a) => `${DATASET_NAMES[a.dataset]['zh-CN']}数据只有 ${a.n} 条，少于评分规则推定的最低样本 ${a.min} 条`,
    en: (a) => `the ${DATASET_NAMES[a.dataset].en} cover ${a.n} rows, fewer than the ${a.min} the rubric derives as a minimum sample`,
  },
  'dataset-unavailable': {
    'zh-CN': (a) => `引用的${DATASET_NAMES[a.dataset]['zh-CN']}数据 ${a.file} ${UNAVAILABLE[a.reason]?.['zh-CN'] ?? a.reason}`,
    en: (a) => `the referenced ${DATASET_NAMES[a.dataset].en} ${a.file} ${UNAVAILABLE[a.reason]?.en ?? a.reason}`,
  },
  'metric-disagrees-with-data': {
    'zh-CN': (a) =>
      `填报的“${a.metricTitle['zh-CN']}”为 ${fmtShare(a.typed)}，与${DATASET_NAMES[a.dataset as 'survey']?.['zh-CN'] ?? a.dataset}数据计算值 ${fmtShare(a.computed)} 不符`,
    en: (a) =>
      `the typed ${a.metricTitle.en} of ${fmtShare(a.typed)} disagrees with ${fmtShare(a.computed)} computed from the ${DATASET_NAMES[a.dataset as 'survey']?.en ?? a.dataset}`,
  },
  'unsupported-kind': {
    'zh-CN': (a) => `本版本不支持评分类型“${a.kind}”，按0分计；请升级 aftersales-assess`,
    en: (a) => `criterion kind "${a.kind}" is not supported by this version; scored 0 — upgrade aftersales-assess`,
  },
  'special-deduction': {
    'zh-CN': (a) => `特别扣分项（${a.clause}）：${a.reason}`,
    en: (a) => `special deduction (${a.clause}): ${a.reason}`,
  },
  'bonus-applied': {
    'zh-CN': (a) => `特别加分项：${a.reason}`,
    en: (a) => `special bonus: ${a.reason}`,
  },
  'bonus-without-evidence': {
    'zh-CN': (a) => `特别加分项缺少有效证据，未加分：${a.reason}`,
    en: (a) => `special bonus has no valid evidence and was not added: ${a.reason}`,
  },
  'fail-special-deductions': {
    'zh-CN': (a) => `特别扣分项达${a.count}项（≥${a.limit}），无论得分均判定为不合格`,
    en: (a) => `${a.count} special deductions (≥ ${a.limit}): the assessment fails whatever the score`,
  },
  'stars-need-one-year': {
    'zh-CN': () => '部分认证机构要求首次达标满一年后方可评定星级',
    en: () => 'some certification schemes award stars only one year after a company first reached 达标 (compliant)',
  },
  'commitment-looser-than-benchmark': {
    'zh-CN': (a) =>
      `服务承诺 ${a.commitment} 为 ${a.declared} ${a.unit === 'hours' ? '小时' : '个工作日'}，宽于常见基准 ${a.benchmark} ${a.benchmarkUnit === 'hours' ? '小时' : '个工作日'}（种子 001）：按承诺计的达标率不能代表基准水平，请对照报告中的基准达标率`,
    en: (a) =>
      `commitment ${a.commitment} is ${a.declared} ${a.unit}, looser than the common benchmark of ${a.benchmark} ${a.benchmarkUnit} (seed 001): the share within the commitment does not show the benchmark level; read the benchmark share beside it`,
  },
};

export function findingMessage(f: Finding, lang: Lang): string {
  const render = FINDING_MESSAGES[f.code][lang] as (a: FindingArgs[typeof f.code]) => string;
  return render(f.args);
}
