import { interpolate } from '../shared/interpolate.js';
import type { Lang } from '../model/localized.js';

/** Wording of the HTML report and portfolio beyond the report labels of ui.ts and pdf.ts. */
export const HTML = {
  switchTo: { 'zh-CN': 'English', en: '中文' },
  switchLabel: { 'zh-CN': '切换到英文', en: 'Switch to Chinese' },
  skip: { 'zh-CN': '跳到逐项评价', en: 'Skip to the criteria' },
  contents: { 'zh-CN': '目录', en: 'Contents' },
  print: { 'zh-CN': '打印', en: 'Print' },
  filters: { 'zh-CN': '筛选评价项', en: 'Filter the criteria' },
  outcomeFilter: { 'zh-CN': '结果', en: 'Outcome' },
  sectionFilter: { 'zh-CN': '一级指标', en: 'Section' },
  clauseFilter: { 'zh-CN': '二级指标', en: 'Clause' },
  all: { 'zh-CN': '全部', en: 'All' },
  search: { 'zh-CN': '搜索编号或文字', en: 'Search id or text' },
  reset: { 'zh-CN': '清除筛选', en: 'Clear filters' },
  shown: { 'zh-CN': '显示 {n} / {total} 个评价项', en: '{n} of {total} criteria shown' },
  expandAll: { 'zh-CN': '全部展开', en: 'Expand all' },
  collapseAll: { 'zh-CN': '全部收起', en: 'Collapse all' },
  clausesChart: { 'zh-CN': '二级指标得分率', en: 'Clauses: share of applicable points earned' },
  openFile: { 'zh-CN': '打开文件', en: 'open the file' },
  selfAssessment: { 'zh-CN': '自评报告', en: 'Self-assessment' },
  // Portfolio
  portfolioTitle: { 'zh-CN': '售后服务认证自评 · 企业一览', en: 'After-sales certification self-assessment · portfolio' },
  portfolioIntro: {
    'zh-CN': '共 {n} 家企业，评分规则：{rubric}。点击企业名称查看完整报告。',
    en: '{n} companies, rubric: {rubric}. Select a company to open its full report.',
  },
  company: { 'zh-CN': '企业', en: 'Company' },
  file: { 'zh-CN': '证据文件', en: 'Evidence file' },
  toNext: { 'zh-CN': '距下一等级', en: 'To next level' },
  topGapCol: { 'zh-CN': '首要改进项', en: 'Top gap' },
  levelFilter: { 'zh-CN': '等级', en: 'Level' },
  filterPortfolio: { 'zh-CN': '筛选企业', en: 'Filter the companies' },
  filterCompanies: { 'zh-CN': '搜索企业或文件', en: 'Search company or file' },
  companiesShown: { 'zh-CN': '显示 {n} / {total} 家企业', en: '{n} of {total} companies shown' },
  sortBy: { 'zh-CN': '按此列排序', en: 'sort by this column' },
  back: { 'zh-CN': '返回企业一览', en: 'Back to the portfolio' },
  top: { 'zh-CN': '最高等级', en: 'top level' },
  noGap: { 'zh-CN': '无', en: 'none' },
} satisfies Record<string, Record<Lang, string>>;

/** A message with its {placeholders} left in, for the page's script to fill. */
export function htmlTemplate(key: keyof typeof HTML, lang: Lang): string {
  return HTML[key][lang];
}

export function html(key: keyof typeof HTML, lang: Lang, vars: Record<string, string | number> = {}): string {
  return interpolate(HTML[key][lang], vars);
}
