import { interpolate } from '../shared/interpolate.js';
import type { Lang } from '../model/localized.js';
import type { ChangeCause } from '../model/diff.js';

export const CAUSE_LABELS: Record<ChangeCause, Record<Lang, string>> = {
  'evidence-expired': { 'zh-CN': '证据过期', en: 'evidence expired' },
  'evidence-aged': { 'zh-CN': '证据超出时效', en: 'evidence aged out' },
  'file-missing': { 'zh-CN': '证据文件缺失', en: 'file missing' },
  'evidence-changed': { 'zh-CN': '证据文件内容变更', en: 'evidence file changed' },
  'data-changed': { 'zh-CN': '数据变化', en: 'data changed' },
  'applicable-total': { 'zh-CN': '适用总分变化', en: 'applicable total changed' },
  'rubric-changed': { 'zh-CN': '评分规则变更', en: 'rubric changed' },
  'evidence-edited': { 'zh-CN': '证据文件被修改', en: 'evidence edited' },
};

export const COMPARISON_LABELS = {
  'as-of': { 'zh-CN': '预测', en: 'Forecast' },
  baseline: { 'zh-CN': '与基线比较', en: 'Compared with baseline' },
  noChange: { 'zh-CN': '无变化', en: 'no change' },
} satisfies Record<string, Record<Lang, string>>;

export const DIFF_LABELS = {
  companies: {
    'zh-CN': '注意：两份报告属于不同企业（{base} / {head}），比较可能有误',
    en: 'Note: the two reports are of different companies ({base} / {head}); the comparison is probably a mistake',
  },
  deductions: {
    'zh-CN': '特别扣分 {before} → {after}（{countBefore} → {countAfter} 项）',
    en: 'special deductions {before} → {after} ({countBefore} → {countAfter})',
  },
  bonus: { 'zh-CN': '特别加分 {before} → {after}', en: 'special bonus {before} → {after}' },
  applicable: { 'zh-CN': '适用总分 {before} → {after}', en: 'applicable total {before} → {after}' },
} satisfies Record<string, Record<Lang, string>>;

export function diffLabel(key: keyof typeof DIFF_LABELS, lang: Lang, vars: Record<string, string | number>): string {
  return interpolate(DIFF_LABELS[key][lang], vars);
}

/** The label the JSON gives the evidence file as it is now (a stable value), as a reader of each language reads it. */
export const WORKING_TREE_LABEL = 'working tree';
const WORKING_TREE: Record<Lang, string> = { 'zh-CN': '当前工作区', en: 'working tree' };

/** One side of a comparison as a heading shows it: a revision, a file or a date as given; the working tree worded. */
export function sideLabel(label: string, lang: Lang): string {
  return label === WORKING_TREE_LABEL ? WORKING_TREE[lang] : label;
}

/** "HEAD → 当前工作区": a comparison's two sides. */
export function sidesLabel(diff: { base: { label: string }; head: { label: string } }, lang: Lang): string {
  return `${sideLabel(diff.base.label, lang)} → ${sideLabel(diff.head.label, lang)}`;
}
