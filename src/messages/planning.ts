import type { Lang } from '../model/localized.js';
import { interpolate } from '../shared/interpolate.js';

/** Wording of the planning lines: score bounds while criteria are unanswered, the cheapest path to each level. */
export const PLANNING = {
  bounds: {
    'zh-CN': '未评估 {n} 项，评完后：最低 {low}（{lowLevel}），最高 {high}（{highLevel}）',
    en: 'Not assessed: {n}. Once assessed: lowest {low} ({lowLevel}), highest {high} ({highLevel})',
  },
  path: {
    'zh-CN': '最省工作量达到{level}（≥ {threshold}）：完成 {ids}，估计共 {days} 个工作日，预计得分 {score}',
    en: 'Least effort to {level} (≥ {threshold}): close {ids} (estimated working days: {days}), for {score}',
  },
  pathDefaultEffort: { 'zh-CN': '（{ids} 未估计工作量，各按 1 天计）', en: ' ({ids}: no estimate, 1 day each assumed)' },
  pathBlocked: { 'zh-CN': '{level}（≥ {threshold}）：无法达到——{why}', en: '{level} (≥ {threshold}): out of reach — {why}' },
  blockerJoin: { 'zh-CN': '；', en: '; ' },
  'special-deductions-fail': {
    'zh-CN': '特别扣分项 {count} 项（达 {limit} 项即判不合格），须先纠正',
    en: '{count} special deductions ({limit} fail the assessment) must be corrected first',
  },
  'special-deductions-points': {
    'zh-CN': '即使补齐全部差距，特别扣分（{points} 分）使最高得分仅为 {maxFinal}',
    en: 'even with every gap closed, the special deductions ({points} points) leave at most {maxFinal}',
  },
  unsupported: { 'zh-CN': '{ids} 需要更新版本的 aftersales-assess 才能评分', en: '{ids} need a newer aftersales-assess to be scored' },
  points: { 'zh-CN': '补齐全部差距最高得分为 {maxFinal}', en: 'closing every gap gives at most {maxFinal}' },
  // The per-action table of each path (PDF action-plan chapter, HTML plan section).
  tablesTitle: { 'zh-CN': '最省工作量路径', en: 'Least-effort paths' },
  tablesIntro: {
    'zh-CN': '每一等级列出总工作量最少即可达到的改进项（精确求解，非按分值贪心选取）。工作量为估计值：评价表中的为本工具估计，证据文件中的为企业自己的估计。',
    en: "For each level, the actions with the least total effort that reach it (solved exactly, not picked greedily by points). Effort is an estimate: the rubric's is ours, the evidence file's is the company's own.",
  },
  tableHeading: { 'zh-CN': '{level}（≥ {threshold}）', en: '{level} (≥ {threshold})' },
  tableTotal: {
    'zh-CN': '合计 {n} 项 · 估计 {days} 个工作日 · 完成后预计得分 {score}',
    en: 'Actions: {n} · estimated working days: {days} · score once done: {score}',
  },
  tableBlocked: { 'zh-CN': '无法达到：', en: 'Out of reach: ' },
  colRecovered: { 'zh-CN': '可挽回分', en: 'Points' },
  colEffort: { 'zh-CN': '工作量（工作日）', en: 'Effort (working days)' },
  colSource: { 'zh-CN': '估计来源', en: 'Estimate by' },
  colAfter: { 'zh-CN': '完成后得分', en: 'Score after' },
  'source-rubric': { 'zh-CN': '评价表（本工具估计）', en: 'rubric (our estimate)' },
  'source-evidence': { 'zh-CN': '证据文件（企业估计）', en: 'evidence file (company)' },
  'source-default': { 'zh-CN': '未估计，按 1 天计', en: 'none: 1 day assumed' },
} as const;

export function planning(key: keyof typeof PLANNING, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(PLANNING[key][lang], vars);
}
