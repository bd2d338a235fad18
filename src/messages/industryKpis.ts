import recordValues from '../generated/record-values.json' with { type: 'json' };
import { RECORD_COLUMNS, type RecordField } from '../datasets/columns.js';
import type { IndustryKpiResult, IndustryKpis } from '../model/data.js';
import type { Lang } from '../model/localized.js';
import { interpolate } from '../shared/interpolate.js';
import { percent } from './numbers.js';

type L = Record<Lang, string>;

const KPI = {
  title: { 'zh-CN': '行业指标（{name}）', en: 'Industry KPIs ({name})' },
  intro: {
    'zh-CN': '按行业档案从服务记录计算；“无法计算”说明导出文件或证据文件缺少什么。',
    en: 'From the service records, as the industry profile lists them; "not measurable" says what the export or the evidence file lacks.',
  },
  colKpi: { 'zh-CN': '指标', en: 'KPI' },
  colValue: { 'zh-CN': '结果', en: 'Result' },
  colDetail: { 'zh-CN': '构成与说明', en: 'Breakdown and notes' },
  colSource: { 'zh-CN': '依据', en: 'Source' },
  ofN: { 'zh-CN': '{value}（{count}/{n}）', en: '{value} ({count} of {n})' },
  nOnly: { 'zh-CN': '{value}（样本 {n}）', en: '{value} (n={n})' },
  mix: { 'zh-CN': '{n} 单', en: '{n} repairs' },
  part: { 'zh-CN': '{label} {count}（{share}）', en: '{label} {count} ({share})' },
  partCount: { 'zh-CN': '{label} {count}', en: '{label} {count}' },
  partSep: { 'zh-CN': '，', en: ', ' },
  freePeriod: {
    'zh-CN': '免费再修期 {days} 天：同一订单或序列号在上次维修完成后 {days} 天内再次报修；{still} 单仍在期内，结果可能变化',
    en: 'free re-repair period {days} days: the same order or serial repaired again within {days} days of the last repair; {still} still inside their period, which may change the figure',
  },
  overRepairs: { 'zh-CN': '占全部 {n} 单维修', en: 'of all {n} repairs' },
  remoteOver: { 'zh-CN': '分母为已完成且处理方式可识别的维修单', en: 'over the resolved repairs whose resolution method was read' },
  notMeasurable: { 'zh-CN': '无法计算', en: 'not measurable' },
  notComputed: { 'zh-CN': '本版本不计算', en: 'not computed by this version' },
  needsColumn: { 'zh-CN': '需要“{header}”列（或 {others}）', en: 'needs a column "{header}" (or {others})' },
  needsFreeDays: {
    'zh-CN': '需要在证据文件中填写 commitments.freeRepairDays（免费再修天数）',
    en: 'needs commitments.freeRepairDays (the free re-repair period in days) in the evidence file',
  },
  needsCommitments: { 'zh-CN': '需要证据文件中的服务承诺时限（commitments）', en: 'needs the service commitments (commitments) in the evidence file' },
  needsSep: { 'zh-CN': '；', en: '; ' },
  or: { 'zh-CN': ' / ', en: ' / ' },
  unclassified: { 'zh-CN': '无法识别', en: 'unrecognised' },
  'not-recorded': { 'zh-CN': '未填写', en: 'not recorded' },
} as const satisfies Record<string, L>;

/** Seed 004's fault classes as the records analysis names them, in English. */
const FAULT_CLASS_EN: Record<string, string> = { 硬件: 'hardware', 软件: 'software', 网络: 'network', 人为损坏: 'user damage' };
const CHANNEL_LABELS = new Map(
  (recordValues as unknown as { resolutionChannels: { classes: Array<{ id: string; label: L }> } }).resolutionChannels.classes.map(
    (c) => [c.id, c.label] as const,
  ),
);

export function kpiText(key: keyof typeof KPI, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(KPI[key][lang], vars);
}

/** One KPI as every format lays it out: its title, the result, the breakdown or what it needs, its source. */
export interface KpiRow {
  title: string;
  value: string;
  detail: string;
  source: string;
  measured: boolean;
}

export function kpiRows(k: IndustryKpis, lang: Lang): KpiRow[] {
  return k.kpis.map((x) => ({ title: x.title[lang], source: x.source, measured: x.status === 'measured', ...valueAndDetail(x, lang) }));
}

function valueAndDetail(x: IndustryKpiResult, lang: Lang): { value: string; detail: string } {
  const t = (key: keyof typeof KPI, vars: Record<string, string | number> = {}) => kpiText(key, lang, vars);
  if (x.status === 'not-computed') return { value: t('notComputed'), detail: '' };
  if (x.status === 'not-measurable') {
    const needs = [
      ...(x.needs?.columns ?? []).map((f) => {
        const [header, ...others] = RECORD_COLUMNS[f as RecordField] ?? [f];
        return t('needsColumn', { header: header ?? f, others: others.slice(0, 2).join(t('or')) });
      }),
      ...(x.needs?.commitment === 'freeRepairDays' ? [t('needsFreeDays')] : x.needs?.commitment === 'any' ? [t('needsCommitments')] : []),
    ];
    return { value: t('notMeasurable'), detail: needs.join(t('needsSep')) };
  }
  const n = x.n ?? 0;
  const parts = (x.parts ?? []).map((p) => {
    const label = partLabel(p.id, lang);
    return p.share === null ? t('partCount', { label, count: p.count }) : t('part', { label, count: p.count, share: percent(p.share) });
  });
  const value =
    x.value === undefined || x.value === null
      ? x.id === 'fault-class-mix'
        ? t('mix', { n })
        : '—'
      : x.count === null || x.count === undefined
        ? t('nOnly', { value: percent(x.value), n })
        : t('ofN', { value: percent(x.value), count: x.count, n });
  const notes = [
    ...(parts.length ? [parts.join(t('partSep'))] : []),
    ...(x.id === 'remote-resolution-share' ? [t('remoteOver')] : []),
    ...(x.days !== undefined ? [t('freePeriod', { days: x.days, still: x.stillInPeriod ?? 0 })] : []),
    ...(x.id === 'parts-stock-outs' ? [t('overRepairs', { n })] : []),
  ];
  return { value, detail: notes.join(t('needsSep')) };
}

function partLabel(id: string, lang: Lang): string {
  const channel = CHANNEL_LABELS.get(id);
  if (channel) return channel[lang];
  if (id === 'unclassified' || id === 'not-recorded') return KPI[id][lang];
  return lang === 'en' ? (FAULT_CLASS_EN[id] ?? id) : id;
}
