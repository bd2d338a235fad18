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
  // The trend page (HTML) and document (PDF).
  docTitle: { 'zh-CN': '售后服务认证自评 · 得分趋势', en: 'After-sales certification self-assessment · score trend' },
  fileLabel: { 'zh-CN': '证据文件', en: 'Evidence file' },
  rubricLabel: { 'zh-CN': '评分规则 {id} {version}', en: 'Rubric {id} {version}' },
  trendChapter: { 'zh-CN': '总分趋势', en: 'Final score over time' },
  trendDesc: {
    'zh-CN': '横轴为提交日期，纵轴为百分制总分；色带为等级门槛。中断处为无法评分的提交。',
    en: 'Commit date across, final score (out of 100) up; the bands are the level thresholds. A break in the line is a commit that could not be scored.',
  },
  sectionsChapter: { 'zh-CN': '各一级指标得分趋势', en: 'Points per section over time' },
  sectionNow: { 'zh-CN': '最近 {earned} / {points} 分', en: 'latest {earned} of {points} points' },
  pointsChapter: { 'zh-CN': '各提交得分', en: 'Score at each commit' },
  movedChapter: { 'zh-CN': '变化的评价项及原因', en: 'Criteria that moved, and why' },
  movedNone: { 'zh-CN': '所列提交之间没有评价项发生变化。', en: 'No criterion changed between the commits shown.' },
  criterion: { 'zh-CN': '评价项', en: 'Criterion' },
  causes: { 'zh-CN': '原因', en: 'Causes' },
  subject: { 'zh-CN': '提交说明', en: 'Commit message' },
  gapsTitle: { 'zh-CN': '无法评分的提交（趋势线在此中断）', en: 'Commits that could not be scored (the line breaks there)' },
  projection: { 'zh-CN': '预测', en: 'Projection' },
  projectionLabel: { 'zh-CN': '预测至 {date}：{score}', en: 'Projected to {date}: {score}' },
  projectionNote: {
    'zh-CN': '预测：最后一个评分提交 {short} 的证据按审核日期 {date} 评估（届时过期或超出时效的证据不再得分），并非实际提交。',
    en: 'Projection: the evidence of the last scored commit {short} assessed as of the audit date {date} (what expires or ages out by then is lost); not a commit.',
  },
  projectionRow: { 'zh-CN': '预测（{date}）', en: 'projection ({date})' },
  noScored: { 'zh-CN': '没有可评分的提交，无法绘制趋势。', en: 'No commit could be scored: there is no trend to draw.' },
  legendScore: { 'zh-CN': '总分', en: 'Final score' },
  legendProjection: { 'zh-CN': '预测（虚线、空心点）', en: 'Projection (dashed, hollow)' },
  legendGap: { 'zh-CN': '缺口（竖虚线）', en: 'Gap (dotted upright)' },
  page: { 'zh-CN': '第 {n} 页 / 共 {total} 页', en: 'Page {n} of {total}' },
} satisfies Record<string, Record<Lang, string>>;

export function historyText(key: keyof typeof HISTORY, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(HISTORY[key][lang], vars);
}
