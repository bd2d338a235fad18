import type { IndustryProfile } from '../model/industry.js';
import type { Lang, Localized } from '../model/localized.js';
import { interpolate } from '../shared/interpolate.js';
import { inParens, ui } from './ui.js';

/** The instructions sheet of company.xlsx, in both languages (the report language's first). */
export const WORKBOOK_INSTRUCTIONS: { 'zh-CN': string[]; en: string[] } = {
  'zh-CN': [
    '售后服务评价证据表（GB/T 27922-2011）',
    '本工作簿与 company.yaml 内容相同，可互相转换：aftersales-assess convert company.xlsx --to yaml',
    '【评价项】每个评价项一行。编号、评价项、分值、审核员期望由评分细则生成，已锁定，不可修改。',
    '  状态：从下拉列表选择 符合 / 部分符合 / 不符合 / 不适用（也可填 met / partial / not-met / n/a）；留空 = 尚未评估。',
    '  抽样数 / 合格数：审核员抽查的样本数与其中合格的数目，部分符合时按 合格数 ÷ 抽样数 计分。',
    '  不适用理由：状态为“不适用”时必填，且只有细则允许删减的评价项可以不适用。',
    '  完成期限：日期格式（如 2027-03-31）。工作量（工作日）：本公司对补齐该项所需工作日的估计，留空则用评分细则的估计。',
    '【证据】每条证据一行；同一评价项有多条证据时，重复填写其编号（不要合并单元格）。',
    '  文件（相对于本工作簿所在文件夹的路径）与网址二选一；日期、到期日为日期格式；SHA-256 可选，用于锁定已审核的版本。',
    '  特别扣分项与加分项的证据：所属 填写 扣分1、扣分2… 或 加分1（与【扣分与加分】表的编号一致）。',
    '【公司】企业名称与评价日期必填；到期与证据时效均按评价日期判断。产品可多行，每行一个。',
    '【数据】计数指标（如持证售后服务管理师人数）、服务承诺时限、满意度调查与服务记录文件。',
    '【扣分与加分】特别扣分项每项 −1 分（5 项及以上不合格）；特别加分项 +1 分，至多一项，需有证据。',
    '填好后运行：aftersales-assess validate company.xlsx，再运行 aftersales-assess score company.xlsx。',
    '错误信息会指出工作表和单元格（如 评价项!E12）以及修改方法。',
  ],
  en: [
    'After-sales service evidence workbook (GB/T 27922-2011)',
    'This workbook holds what company.yaml holds; convert either way: aftersales-assess convert company.xlsx --to yaml',
    'Criteria: one row per criterion. ID, criterion, points and what an auditor expects come from the rubric and are locked.',
    '  Status: pick met / partial / not-met / n/a from the list (符合 / 部分符合 / 不符合 / 不适用 also read); empty = not assessed yet.',
    '  Sampled / Conforming: how many items the auditor checked and how many conformed; partial credit = conforming ÷ sampled.',
    '  Why not applicable: required with n/a, which only criteria the rubric allows to exclude may take.',
    "  Due: a date (e.g. 2027-03-31). Effort (working days): your own estimate of the days closing the gap takes; empty = the rubric's.",
    'Evidence: one row per evidence item; several items for one criterion repeat its ID (never merge cells).',
    "  File (relative to this workbook's folder) or URL, not both; Date and Expires are dates; SHA-256 optional, pins the reviewed version.",
    '  Evidence for a special deduction or the bonus: For = deduction1, deduction2… or bonus1 (the refs of the Deductions sheet).',
    'Company: the company name and the assessment date are required; expiry and evidence age are judged on that date. One product per row.',
    'Data: counted figures (e.g. certified service managers), service commitments, the survey and records files.',
    'Deductions and bonus: −1 per special deduction (5 or more fail); +1 for the bonus, at most one, with evidence.',
    'Then run: aftersales-assess validate company.xlsx, then aftersales-assess score company.xlsx.',
    'Errors name the sheet and cell (e.g. Criteria!E12) and say how to fix it.',
  ],
};

export const WORKBOOK_UI: Record<'initCreated', Localized> = {
  initCreated: {
    'zh-CN': '已创建 {target}（列出全部评价项，均未作答）和 {docs}/\n下一步：在“评价项”和“证据”表中填写，然后运行 `aftersales-assess validate {target}`',
    en: 'created {target} (every criterion listed, none answered yet) and {docs}/\nnext: fill in the Criteria and Evidence sheets, then run `aftersales-assess validate {target}`',
  },
};

const INDUSTRY_LINES = {
  head: {
    'zh-CN':
      '【行业】本工作簿按“{name}”行业档案生成（公司表 company.industry = {id}）。评价项表“行业期望与典型证据”列给出该行业审核员的期望与典型证据（锁定，写明来源）；未列出的评价项只适用通用期望。',
    en: 'Industry: made with the "{name}" profile (Company sheet: company.industry = {id}). The Criteria sheet\'s column "In this industry: expectation and typical evidence" gives what an auditor expects in this industry and its typical evidence (locked, with its source); a criterion left blank has the generic guidance only.',
  },
  commitments: { 'zh-CN': '  {label}：{list}', en: '  {label}: {list}' },
  kpis: {
    'zh-CN': '  {label}：{list}（在数据表填写服务记录文件后，records 与 score 按服务记录计算；免费再修期填在 commitments.freeRepairDays）',
    en: '  {label}: {list} (computed from the service records by records and score once the Data sheet names the records file; the free re-repair period goes in commitments.freeRepairDays)',
  },
  cell: { 'zh-CN': '{expects}\n{evidenceLabel}：{evidence}\n（来源：{source}）', en: '{expects}\n{evidenceLabel}: {evidence}\n(source: {source})' },
} as const;

/**
 * What `init --xlsx --industry NAME` (and converting a file whose company.industry names a profile) adds to the
 * workbook: the industry column's cell per criterion, and lines on the instructions sheet in both languages
 * with the industry's typical commitments and KPIs.
 */
export function industryWorkbookText(p: IndustryProfile): { industryColumn: Record<string, Localized>; instructions: Record<Lang, string[]> } {
  const both = <T>(f: (lang: Lang) => T): Record<Lang, T> => ({ 'zh-CN': f('zh-CN'), en: f('en') });
  const industryColumn = Object.fromEntries(
    Object.entries(p.criteria).map(([id, g]) => [
      id,
      both((lang) =>
        interpolate(INDUSTRY_LINES.cell[lang], {
          expects: g.expects[lang],
          evidenceLabel: ui('typicalEvidence', lang),
          evidence: g.evidence[lang],
          source: g.source,
        }),
      ),
    ]),
  );
  const instructions = both((lang) => [
    interpolate(INDUSTRY_LINES.head[lang], { name: p.name[lang], id: p.id }),
    interpolate(INDUSTRY_LINES.commitments[lang], {
      label: ui('industryCommitments', lang),
      list: p.commitments.map((c) => `${c.text[lang]}${inParens(c.source, lang)}`).join(ui('listSep', lang)),
    }),
    interpolate(INDUSTRY_LINES.kpis[lang], { label: ui('industryKpis', lang), list: p.kpis.map((k) => k.title[lang]).join(ui('listSep', lang)) }),
  ]);
  return { industryColumn, instructions };
}

/** The instructions sheet with the industry's lines after each language's own. */
export function withIndustryInstructions(extra: Record<Lang, string[]> | undefined): Record<Lang, string[]> {
  if (!extra) return WORKBOOK_INSTRUCTIONS;
  return { 'zh-CN': [...WORKBOOK_INSTRUCTIONS['zh-CN'], ...extra['zh-CN']], en: [...WORKBOOK_INSTRUCTIONS.en, ...extra.en] };
}
