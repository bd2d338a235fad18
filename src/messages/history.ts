import type { Lang } from '../model/localized.js';
import { interpolate } from '../shared/interpolate.js';

/** The words of `history`: headings, column names and the reasons a commit is a gap. */
const HISTORY = {
  title: { 'zh-CN': '{file} 的得分历史（{n} 个提交）', en: 'Score history of {file} ({n} commits)' },
  date: { 'zh-CN': '日期', en: 'Date' },
  commit: { 'zh-CN': '提交', en: 'Commit' },
  score: { 'zh-CN': '得分', en: 'Score' },
  level: { 'zh-CN': '等级', en: 'Level' },
  change: { 'zh-CN': '变化', en: 'Change' },
  changes: { 'zh-CN': '主要变化及原因', en: 'Largest changes and causes' },
  more: { 'zh-CN': '另有 {n} 项变化', en: '{n} more changes' },
  renamed: { 'zh-CN': '（文件为 {path}）', en: '(file was {path})' },
  'evidence-deleted': { 'zh-CN': '此提交中没有证据文件（已删除）', en: 'no evidence file at this commit (deleted)' },
  'invalid-evidence': { 'zh-CN': '证据文件无法评估', en: 'the evidence file cannot be assessed' },
  gap: { 'zh-CN': '缺口', en: 'gap' },
  summary: {
    'zh-CN': '自 {from}（{fromDate}）至 {to}（{toDate}）：{before} → {after}（{delta}）',
    en: 'From {from} ({fromDate}) to {to} ({toDate}): {before} → {after} ({delta})',
  },
} satisfies Record<string, Record<Lang, string>>;

export function historyText(key: keyof typeof HISTORY, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(HISTORY[key][lang], vars);
}
