import type { AuditCriterion, AuditPlan } from '../model/auditPlan.js';
import type { Lang, Localized } from '../model/localized.js';
import { STATUS_WORDS } from '../workbook/layout.js';

/** The mock audit's wording (audit-plan in every format), zh-CN and en. */
export const AUDIT_TEXT = {
  title: { 'zh-CN': '模拟审核抽样计划（GB/T 27922-2011 §6.3）', en: 'Mock audit sampling plan (GB/T 27922-2011 §6.3)' },
  intro: {
    'zh-CN': '按抽样计分的评价项：审核员抽查的对象、数量与抽中的样本；逐项检查后填写“已查”“合格”，再把合计填入评价项的 抽样数 / 合格数。',
    en: 'Criteria scored by sampling: what the auditor samples, how many and which; tick “checked” and “conforming” for each item, then enter the totals as the criterion’s Sampled / Conforming.',
  },
  company: { 'zh-CN': '企业', en: 'Company' },
  date: { 'zh-CN': '评价日期', en: 'Assessment date' },
  evidence: { 'zh-CN': '证据文件', en: 'Evidence file' },
  seed: { 'zh-CN': '随机种子', en: 'Seed' },
  seedFromDigest: { 'zh-CN': '由企业名称与评估日期得出', en: 'derived from the company name and the assessment date' },
  seedFromOption: { 'zh-CN': '由 --seed 指定', en: 'given with --seed' },
  repeat: { 'zh-CN': '重复本次抽样', en: 'To repeat these draws' },
  ours: { 'zh-CN': '抽样数量（本工具规则，非标准规定）', en: 'Sample sizes (our rule, not the standard’s)' },
  criterion: { 'zh-CN': '评价项', en: 'Criterion' },
  points: { 'zh-CN': '分', en: 'points' },
  samples: { 'zh-CN': '抽查对象', en: 'Samples' },
  population: { 'zh-CN': '总体', en: 'Population' },
  sampleSize: { 'zh-CN': '抽样数', en: 'Sample size' },
  item: { 'zh-CN': '样本', en: 'Item' },
  line: { 'zh-CN': '行', en: 'line' },
  checked: { 'zh-CN': '已查', en: 'Checked' },
  conforming: { 'zh-CN': '合格', en: 'Conforming' },
  note: { 'zh-CN': '备注', en: 'Note' },
  total: { 'zh-CN': '合计（填入评价项 抽样数 / 合格数）', en: 'Totals (enter as the criterion’s Sampled / Conforming)' },
  current: { 'zh-CN': '证据文件现有', en: 'In the evidence file now' },
  scoredFromData: {
    'zh-CN': '本项由服务记录数据计分：抽样用于核对记录的真实性，填写的 抽样数 / 合格数 不改变得分',
    en: 'Scored from the records dataset: the sample checks that the records are true; the Sampled / Conforming entered do not change the score',
  },
  partialHint: {
    'zh-CN': '有不合格样本时，状态填“部分符合”，得分 = 合格数 ÷ 抽样数 × 分值',
    en: 'With any non-conforming item, set the status to partial: credit = conforming ÷ sampled × points',
  },
  noItems: { 'zh-CN': '总体为 0：无可抽取的样本', en: 'The population is empty: nothing to draw' },
  sheet: { 'zh-CN': '抽样清单', en: 'Audit sample' },
  none: { 'zh-CN': '无', en: 'none' },
} satisfies Record<string, Localized>;

export function auditText(key: keyof typeof AUDIT_TEXT, lang: Lang): string {
  return AUDIT_TEXT[key][lang];
}

const RECORD_TYPE: Record<string, Localized> = {
  repair: { 'zh-CN': '维修', en: 'repair' },
  installation: { 'zh-CN': '安装配送', en: 'installation' },
  consultation: { 'zh-CN': '咨询', en: 'enquiry' },
  complaint: { 'zh-CN': '投诉', en: 'complaint' },
  return: { 'zh-CN': '退换货', en: 'return' },
  recall: { 'zh-CN': '召回', en: 'recall' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Where N came from, in a sentence: the records dataset's tickets of a type, a metric, or what to add. */
export function populationSource(c: AuditCriterion, lang: Lang, recordsUnusable = false): string {
  const s = c.population.source;
  const type = (t: string) => RECORD_TYPE[t]?.[lang] ?? t;
  switch (s.kind) {
    case 'records':
      return lang === 'en'
        ? `${c.population.size} valid ${type(s.type)} tickets in ${s.file} (datasets.records)`
        : `${s.file}（datasets.records）中有效的${type(s.type)}工单 ${c.population.size} 条`;
    case 'metric':
      return lang === 'en' ? `${c.population.size}, from metrics.${s.metric} in the evidence file` : `${c.population.size}，来自证据文件 metrics.${s.metric}`;
    case 'none': {
      const ways = [
        ...(s.records
          ? [lang === 'en' ? `a records dataset (datasets.records) with ${type(s.records)} tickets` : `含${type(s.records)}工单的服务记录（datasets.records）`]
          : []),
        ...(s.metric ? [`metrics.${s.metric}`] : []),
      ];
      if (s.records && recordsUnusable)
        return lang === 'en'
          ? 'unknown: the records dataset is declared but could not be used (see above)'
          : '未知：已声明服务记录（datasets.records），但无法使用（见上）';
      if (ways.length === 0)
        return lang === 'en'
          ? 'unknown: this rubric’s criterion has no population in reference/audit-sampling.yaml'
          : '未知：reference/audit-sampling.yaml 未为该评价项指定总体';
      return lang === 'en' ? `unknown — declare it in the evidence file: ${ways.join(' or ')}` : `未知——请在证据文件中填写：${ways.join(' 或 ')}`;
    }
  }
}

/** An item as the checklist names it: "维修单 #12（第 57 行，RX-0012）" / "outlet #3". */
export function itemLabel(c: AuditCriterion, item: AuditCriterion['items'][number], lang: Lang): string {
  const unit = c.population.unit[lang];
  const head = lang === 'en' ? `${unit} #${item.position}` : `${unit} #${item.position}`;
  if (item.line === undefined) return head;
  return lang === 'en' ? `${head} (line ${item.line}, ${item.id})` : `${head}（第 ${item.line} 行，${item.id}）`;
}

export function seedLine(plan: AuditPlan, lang: Lang): string {
  const how = plan.seed.source === 'option' ? AUDIT_TEXT.seedFromOption[lang] : AUDIT_TEXT.seedFromDigest[lang];
  return lang === 'en' ? `${plan.seed.value} (${how})` : `${plan.seed.value}（${how}）`;
}

export function recordsLine(plan: AuditPlan, lang: Lang): string | null {
  const r = plan.records;
  if (r === null) return null;
  if (r.read) return lang === 'en' ? `Records: ${r.file}, ${r.valid} valid tickets` : `服务记录：${r.file}，有效工单 ${r.valid} 条`;
  const why = RECORDS_UNUSABLE[r.reason as keyof typeof RECORDS_UNUSABLE]?.[lang] ?? r.reason;
  return lang === 'en'
    ? `Records: ${r.file} could not be used (${why}); fix datasets.records and run again — until then nothing is drawn from the records`
    : `服务记录：${r.file} 无法使用（${why}）；请修正 datasets.records 后重新运行——在此之前不从服务记录抽样`;
}

/** Why a declared records dataset was not read, in words (the file facts' states and the reader's outcomes). */
export const RECORDS_UNUSABLE = {
  missing: { 'zh-CN': '文件不存在', en: 'the file does not exist' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'not a regular file' },
  'outside-root': { 'zh-CN': '在证据根目录之外', en: 'outside the evidence root' },
  unreadable: { 'zh-CN': '无法读取：格式、编码或表头不可识别', en: 'unreadable: format, encoding or header not recognised' },
  empty: { 'zh-CN': '没有有效工单', en: 'no valid ticket' },
} satisfies Record<string, Record<Lang, string>>;

/** The records dataset is declared but unusable: said once on standard error, so CI notices. */
export function recordsWarning(plan: AuditPlan, lang: Lang): string | null {
  const line = recordsLine(plan, lang);
  return plan.records && !plan.records.read && line ? `${lang === 'en' ? 'warning' : '警告'}: ${line}` : null;
}

export function currentLine(c: AuditCriterion, lang: Lang): string | null {
  const k = c.current;
  if (k.status === undefined && k.checked === undefined) return null;
  const parts = [
    ...(k.status !== undefined ? [`${lang === 'en' ? 'status ' : '状态 '}${STATUS_WORDS[k.status as keyof typeof STATUS_WORDS]?.[lang] ?? k.status}`] : []),
    ...(k.checked !== undefined ? [lang === 'en' ? `sample ${k.conforming}/${k.checked}` : `抽样 ${k.conforming}/${k.checked}`] : []),
  ];
  // A recorded sample larger than the population is a typing error or a stale population figure.
  const over =
    k.checked !== undefined && c.population.size !== null && k.checked > c.population.size
      ? lang === 'en'
        ? ` — more samples (${k.checked}) than the population (${c.population.size}): check both figures`
        : `——抽样数 ${k.checked} 大于总体 ${c.population.size}：请核对两者`
      : '';
  return `${AUDIT_TEXT.current[lang]}${lang === 'en' ? ': ' : '：'}${parts.join(lang === 'en' ? ', ' : '，')}${over}`;
}
