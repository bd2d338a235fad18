import type { Lang } from '../model/localized.js';

/** Command and option descriptions in Chinese, keyed by their English text (what `--help` shows in zh-CN). */
const ZH: Record<string, string> = {
  'output the version number': '显示版本号',
  'print a shell completion script (bash, zsh or fish)': '输出命令行补全脚本（bash、zsh 或 fish）',
  'the shell': '所用的 shell',
  'JUnit: only the gate (thresholds, --fail-under, --min-level, regression) fails a test; lost points are reported, not failed':
    'JUnit：只有门槛（--thresholds、--fail-under、--min-level、退步）使测试失败；失分只作报告，不算失败',
  'print the evidence file JSON Schema for editors: every criterion of the rubric with its titles and what auditors expect':
    '输出供编辑器使用的证据文件 JSON Schema：评分规则的全部评价项及其名称和审核要求',
  'display help for command': '显示命令帮助',
  "with --expects: an industry profile's guidance beside the generic (industry list)": '配合 --expects：在通用要求旁列出某行业档案的要求（见 industry list）',
  'industry profiles: what auditors expect in an industry, beside the generic guidance': '行业档案：某行业中审核员期望看到的内容，列在通用要求旁',
  'list the bundled industry profiles (the names company.industry takes)': '列出内置的行业档案（company.industry 可用的名称）',
  'check an industry profile file: schema, criterion ids, cited sources': '检查行业档案文件：格式、评价项编号、引用的来源',
  'industry profile YAML file': '行业档案 YAML 文件',
  'an industry profile: its guidance as comments, company.industry set (industry list)':
    '行业档案：以注释写入其要求并设置 company.industry（见 industry list）',
  'Exit codes: 0 ok · 1 below a threshold or regression · 2 invalid input or usage · 3 internal error':
    '退出码：0 正常 · 1 低于门槛或出现退步 · 2 输入或用法无效 · 3 内部错误',
  'report language': '报告语言',
  'score against another rubric YAML file (default: the bundled GB/T 27922-2011)': '按另一份评分规则 YAML 评分（默认：内置的 GB/T 27922-2011）',
  'Self-assessment and gap report for the GB/T 27922 after-sales service certification': 'GB/T 27922 商品售后服务认证的自评与差距报告',
  'score evidence files and print the gap report (several files, folders or globs: a batch)': '为证据文件评分并输出差距报告（多个文件、文件夹或通配符：批量）',
  'evidence YAML files, folders or glob patterns': '证据 YAML 文件、文件夹或通配符',
  'output format (default: terminal; github when GITHUB_ACTIONS=true)': '输出格式（默认 terminal；在 GITHUB_ACTIONS=true 时为 github）',
  'exit 1 when the final score is below this (0–100)': '最终得分低于此值（0–100）时退出码为 1',
  'exit 1 when the level is below this': '等级低于此值时退出码为 1',
  'YAML file of thresholds: minScore, minLevel, sections, clauses, mustPass': '门槛 YAML 文件：minScore、minLevel、sections、clauses、mustPass',
  'compare with a JSON report or a git revision of the evidence file': '与 JSON 报告或证据文件的某个 git 版本比较',
  'with --baseline: exit 1 when the score or level dropped': '配合 --baseline：得分或等级下降时退出码为 1',
  'judge expiry and evidence age as of this date (e.g. the audit day) and show what changes': '按此日期（如审核日）判断证据到期与时效，并显示变化',
  "evidence root that cited files must stay inside (default: the evidence file's folder)": '引用文件必须位于其中的证据根目录（默认：证据文件所在文件夹）',
  'write the report to a file (atomically) instead of stdout': '把报告写入文件（原子写入），而不是标准输出',
  "HTML batch: write each company's report into this folder, linked from the portfolio": 'HTML 批量：把每家企业的报告写入此文件夹，并从企业一览页链接',
  'gaps listed in terminal and markdown reports': '终端和 Markdown 报告中列出的改进项数量',
  'no ANSI colours (also NO_COLOR=1)': '不使用 ANSI 颜色（也可设 NO_COLOR=1）',
  'ASCII borders and bars for terminals that draw box characters wide': '为把制表符显示为宽字符的终端使用 ASCII 边框',
  'refuse evidence files larger than this many bytes': '拒绝大于此字节数的证据文件',
  'refuse evidence files larger than this many bytes (default 1 MiB; standard input, which may be a JSON report, 64 MiB)':
    '拒绝大于此字节数的证据文件（默认 1 MiB；标准输入可能是 JSON 报告，默认 64 MiB）',
  'PDF: a TTF/OTF font with CJK glyphs instead of the bundled Noto Sans SC (FILE#Face for .ttc)':
    'PDF：用含中文字形的 TTF/OTF 字体代替内置的思源黑体（.ttc 用 文件#字体名）',
  'PDF: the bold face (default: the --font file, or the bundled bold)': 'PDF：粗体字体（默认与 --font 同一文件，未给 --font 时用内置粗体）',
  "PDF/HTML: YAML with the consultant's firm, consultant, contact and logo (PNG/JPEG)":
    'PDF/HTML：品牌文件（YAML），写明咨询机构名称、顾问、联系方式与标志（PNG/JPEG）',
  'PDF/HTML: the report number (default: from the assessment date and the evidence file)': 'PDF/HTML：报告编号（默认由评估日期与证据文件生成）',
  'PDF/HTML: the report version': 'PDF/HTML：报告版本',
  'PDF/HTML: issue the report as final (without it, every page is marked as a draft)': 'PDF/HTML：作为正式版出具（不加此项时每页标注“草稿”）',
  'check an evidence file (YAML, schema, rubric rules) and the files it cites, without scoring': '检查证据文件（YAML、格式、评分规则）及其引用的文件，不评分',
  'evidence YAML file': '证据 YAML 文件',
  'do not check that cited files exist': '不检查引用的文件是否存在',
  'compare two assessments; each side an evidence file (scored now) or a JSON report': '比较两次评估；每一方为证据文件（当场评分）或 JSON 报告',
  'evidence YAML file or JSON report': '证据 YAML 文件或 JSON 报告',
  'output format': '输出格式',
  'the mock audit: for every criterion scored by sampling, what the auditor samples, how many (our rule) and which, as a checklist':
    '模拟审核：按抽样计分的每个评价项，审核员抽查什么、抽多少（本工具规则）、抽中哪些，输出为检查表',
  'seed of the draws (default: derived from the evidence file, printed to repeat it)': '抽样的随机种子（默认由证据文件得出，并打印出来以便重复）',
  'file to write (xlsx default: FILE.audit.xlsx beside it, never replaced)': '要写入的文件（xlsx 默认：证据文件旁的 FILE.audit.xlsx，已存在则不覆盖）',
  'exit 1 when the score or level dropped': '得分或等级下降时退出码为 1',
  'no ANSI colours': '不使用 ANSI 颜色',
  'scaffold an evidence file for a new company: every criterion listed, none answered': '为新企业生成证据文件骨架：列出全部评价项，均未作答',
  'folder to create it in': '创建到的文件夹',
  'company name': '企业名称',
  'assessment date YYYY-MM-DD (default: today)': '评估日期 YYYY-MM-DD（默认今天）',
  'file name': '文件名',
  'analyse a customer-satisfaction survey export (CSV or XLSX); a second file is an earlier period':
    '分析满意度调查导出文件（CSV 或 XLSX）；第二个文件为较早一期',
  'survey export': '调查导出文件',
  'an earlier period, for comparison (环比 / 同比)': '较早一期，用于比较（环比 / 同比）',
  'YAML column mapping for exports with other headers': '表头不同时使用的 YAML 列映射',
  'YAML complaint themes added to (or replacing, by id) the bundled dictionary': '追加（或按 id 替换）内置词典的 YAML 问题主题',
  'responses a team or product line needs before it is judged': '团队或产品线参与比较所需的最少评价数',
  'CSV encoding: utf-8, gb18030, utf-16le (default: detected)': 'CSV 编码：utf-8、gb18030、utf-16le（默认自动识别）',
  'analyse service and complaint records (CSV or XLSX) against commitments and common benchmarks': '按承诺与常见要求分析服务与投诉记录（CSV 或 XLSX）',
  'records export': '记录导出文件',
  'evidence file whose `commitments` (response times, deadlines, holidays) apply': '采用其 `commitments`（响应时限、办结期限、节假日）的证据文件',
  'the analysis date for open items (default: the evidence assessment date; required without --evidence)':
    '判断未结工单的分析日期（默认取证据文件的评估日期；无 --evidence 时必填）',
  'YAML holiday calendar replacing the bundled State Council notices': '代替内置国务院通知的 YAML 节假日日历',
  'a repeat repair is a new repair ticket for the same order within this many days': '同一订单在此天数内再次报修即计为返修',
  'survey export joined on the order number: closed tickets followed up by a response, delay, share within 24 h':
    '与工单按单号关联的满意度调查导出：已关闭工单的回访比例、回访间隔、24 小时内回访比例',
  'print the rubric as a tree (ids, titles, points)': '以树形列出评分规则（编号、名称、分值）',
  'with what an auditor expects and the action for each criterion': '同时列出每个评价项的审核期望与改进措施',
  'check a rubric file: schema, sums, ids, levels, references': '检查评分规则文件：格式、分值合计、编号、等级、引用',
  'rubric YAML file': '评分规则 YAML 文件',
  'write it to a file': '写入文件',
  "score the evidence file at each commit that changed it or a file it cites (the repository's history as a trend)":
    '在改动证据文件或其引用文件的每个提交上评分（以仓库历史作为趋势）',
  'evidence YAML file in a git working tree': 'git 工作区中的证据 YAML 文件',
  'start at this date (YYYY-MM-DD, commit date) or revision': '从此日期（YYYY-MM-DD，提交日期）或版本开始',
  'end at this revision (default: HEAD)': '到此版本为止（默认 HEAD）',
  'score every Nth commit (the first and the last always)': '每隔 N 个提交评分一次（首尾两个总会评分）',
  'score the last commit of each month (the first and the last always)': '对每月最后一个提交评分（首尾两个总会评分）',
  'write to this file (atomically; never over an input) instead of standard output': '写入此文件（原子写入，绝不覆盖输入文件），而不是标准输出',
  'add a projection: the last scored commit judged as of this date (the audit day)': '增加预测点：最后一个评分提交按此日期（审核日）评估',
  'HTML: link each commit, {sha} replaced by its id (http(s) only), e.g. https://host/org/repo/commit/{sha}':
    'HTML：为每个提交加链接，{sha} 替换为提交号（仅限 http(s)），如 https://host/org/repo/commit/{sha}',
};

/** A description in the help language (English when no translation is listed). */
export function helpText(en: string, lang: Lang): string {
  return lang === 'zh-CN' ? (ZH[en] ?? en) : en;
}

/** Examples under each command's help. */
export const HELP_EXAMPLES: Record<string, Record<Lang, string>> = {
  score: {
    'zh-CN':
      '示例：\n  aftersales-assess score company.yaml\n  aftersales-assess score company.yaml --format pdf --out 报告.pdf\n  aftersales-assess score clients/ --format html --out 一览.html\n  aftersales-assess score company.yaml --fail-under 80 --format github',
    en: 'Examples:\n  aftersales-assess score company.yaml --lang en\n  aftersales-assess score company.yaml --format pdf --out report.pdf\n  aftersales-assess score clients/ --format html --out portfolio.html\n  aftersales-assess score company.yaml --fail-under 80 --format github',
  },
  history: {
    'zh-CN': '示例：\n  aftersales-assess history company.yaml --since 2026-03-01\n  aftersales-assess history company.yaml --format jsonl',
    en: 'Examples:\n  aftersales-assess history company.yaml --since 2026-03-01 --lang en\n  aftersales-assess history company.yaml --format jsonl',
  },
  validate: { 'zh-CN': '示例：\n  aftersales-assess validate company.yaml', en: 'Example:\n  aftersales-assess validate company.yaml --lang en' },
  diff: { 'zh-CN': '示例：\n  aftersales-assess diff base.json company.yaml', en: 'Example:\n  aftersales-assess diff base.json company.yaml --lang en' },
  init: {
    'zh-CN': '示例：\n  aftersales-assess init 我的公司 --company "某某电器有限公司"',
    en: 'Example:\n  aftersales-assess init my-company --company "Example Co" --lang en',
  },
  survey: {
    'zh-CN': '示例：\n  aftersales-assess survey 满意度2026Q3.csv 满意度2026Q2.csv',
    en: 'Example:\n  aftersales-assess survey survey-2026Q3.csv survey-2026Q2.csv --lang en',
  },
  records: {
    'zh-CN': '示例：\n  aftersales-assess records 工单.xlsx --evidence company.yaml',
    en: 'Example:\n  aftersales-assess records tickets.xlsx --evidence company.yaml --lang en',
  },
  rubric: { 'zh-CN': '示例：\n  aftersales-assess rubric --expects', en: 'Example:\n  aftersales-assess rubric --expects --lang en' },
  schema: { 'zh-CN': '示例：\n  aftersales-assess schema --out evidence.schema.json', en: 'Example:\n  aftersales-assess schema --out evidence.schema.json' },
};
