import type { Lang } from '../model/localized.js';

import type { UsageArgs, UsageCode } from '../model/usage.js';

const WHY: Record<string, Record<Lang, string>> = {
  missing: { 'zh-CN': '文件不存在', en: 'not found' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'not a regular file' },
  'too-large': { 'zh-CN': '文件过大', en: 'too large' },
  'outside-root': { 'zh-CN': '在根目录之外', en: 'outside the root' },
  ENOSPC: { 'zh-CN': '磁盘已满', en: 'no space left on the device' },
  EACCES: { 'zh-CN': '没有权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有权限', en: 'permission denied' },
  EPIPE: { 'zh-CN': '读取方已关闭管道', en: 'the reader closed the pipe' },
  EROFS: { 'zh-CN': '只读文件系统', en: 'read-only file system' },
  ENXIO: { 'zh-CN': '管道没有读取方', en: 'no reader on the pipe' },
};
/** A reason code (errno, refusal) in words; anything else as it is. */
export const why = (code: string, lang: Lang) => WHY[code]?.[lang] ?? code;

type Catalog = { [C in UsageCode]: Record<Lang, (a: UsageArgs[C]) => string> };
export const USAGE: Catalog = {
  'report-unreadable': {
    'zh-CN': (a) => `${a.file} 不是可读取的 JSON 报告（${why(a.why, 'zh-CN')}）`,
    en: (a) => `${a.file} is not a readable JSON report (${why(a.why, 'en')})`,
  },
  'report-invalid': {
    'zh-CN': (a) => `${a.file} 不是 aftersales-assess 的 JSON 报告（schemaVersion 1）：${a.detail}；请用 \`score --format json --out 文件\` 生成`,
    en: (a) => `${a.file} is not an aftersales-assess JSON report (schemaVersion 1): ${a.detail}; write one with \`score --format json --out FILE\``,
  },
  'out-empty': { 'zh-CN': () => '--out 需要文件名', en: () => '--out needs a file name' },
  'out-dir-empty': { 'zh-CN': () => '--out-dir 需要文件夹名（当前文件夹请写 .）', en: () => '--out-dir needs a folder name (write . for the current folder)' },
  'stdin-is-terminal': {
    'zh-CN': () => '“-” 表示从标准输入读取证据文件，但标准输入是终端；请用管道传入：cat company.yaml | aftersales-assess score -',
    en: () => '"-" reads the evidence file from standard input, which is a terminal; pipe it in: cat company.yaml | aftersales-assess score -',
  },
  'stream-too-large': {
    'zh-CN': (a) => `${a.file}：超过 ${a.max} 字节，已拒绝${a.atCeiling ? '（这是可接受的最大值）' : '（可用 --max-bytes 提高上限）'}`,
    en: (a) => `${a.file}: more than ${a.max} bytes, refused${a.atCeiling ? ' (the most accepted)' : ' (raise the limit with --max-bytes)'}`,
  },
  'stdin-read-twice': {
    'zh-CN': (a) => `标准输入只能读取一次（${a.file} 出现了两次）；另一边请给出文件，例如 diff base.json -`,
    en: (a) => `standard input can be read only once (${a.file} was given twice); name a file for the other side, e.g. diff base.json -`,
  },
  'stream-is-folder': {
    'zh-CN': (a) =>
      a.file === '-' || a.file.startsWith('/dev/') || a.file.startsWith('/proc/')
        ? '标准输入是文件夹，不是文件；请重定向证据文件（< company.yaml），或把它作为参数给出'
        : `${a.file} 是文件夹，不是文件；请给出其中的证据文件`,
    en: (a) =>
      a.file === '-' || a.file.startsWith('/dev/') || a.file.startsWith('/proc/')
        ? 'standard input is a folder, not a file; redirect the evidence file (< company.yaml) or name it as an argument'
        : `${a.file} is a folder, not a file; name the evidence file in it`,
  },
  'stream-unreadable': { 'zh-CN': (a) => `无法读取 ${a.file}（${a.why}）`, en: (a) => `cannot read ${a.file} (${a.why})` },
  'stream-one-file': {
    'zh-CN': () => '标准输入或管道只能作为唯一的证据文件（不能用于批量或 --baseline）',
    en: () => 'standard input or a pipe can only be the one evidence file (not in a batch or with --baseline)',
  },
  'out-error': { 'zh-CN': (a) => `无法写入 ${a.out}：${why(a.why, 'zh-CN')}`, en: (a) => `cannot write ${a.out}: ${why(a.why, 'en')}` },
  'out-is-input': {
    'zh-CN': (a) => `拒绝把报告写到 ${a.out}：它是本次运行读取的输入文件之一；请换一个 ${a.option ?? '--out'}`,
    en: (a) => `refusing to write the report over ${a.out}: it is one of this run's input files; choose another ${a.option ?? '--out'}`,
  },
  'out-is-folder': { 'zh-CN': (a) => `无法写入 ${a.out}：这是一个文件夹；请给出文件名`, en: (a) => `cannot write ${a.out}: it is a folder; give a file name` },
  'out-parent-not-folder': { 'zh-CN': (a) => `无法写入 ${a.out}：${a.dir} 不是文件夹`, en: (a) => `cannot write ${a.out}: ${a.dir} is not a folder` },
  'out-parent-missing': {
    'zh-CN': (a) => `无法写入 ${a.out}：文件夹 ${a.dir} 不存在，请先创建`,
    en: (a) => `cannot write ${a.out}: the folder ${a.dir} does not exist; create it first`,
  },
  'bad-date': {
    'zh-CN': (a) => `${a.option} 须是 YYYY-MM-DD 格式的真实日期，收到 ${a.value}`,
    en: (a) => `${a.option} must be a real date written YYYY-MM-DD, got ${a.value}`,
  },
  'bad-score': { 'zh-CN': (a) => `${a.option} 须是 0–100 的分数，收到 ${a.value}`, en: (a) => `${a.option} must be a score from 0 to 100, got ${a.value}` },
  'bad-level': {
    'zh-CN': (a) => `${a.option} 须是 ${a.levels.join('、')} 之一，收到 ${a.value}`,
    en: (a) => `${a.option} must be one of ${a.levels.join(', ')}, got ${a.value}`,
  },
  'bad-count': {
    'zh-CN': (a) => `${a.option} 须是 ${a.min} 到 ${a.max} 的整数，收到 ${a.value}`,
    en: (a) => `${a.option} must be a whole number from ${a.min} to ${a.max}, got ${a.value}`,
  },
  'bad-encoding': {
    'zh-CN': (a) => `--encoding 须是 utf-8、gb18030、gbk、utf-16le 或 utf-16be，收到 ${a.value}`,
    en: (a) => `--encoding must be utf-8, gb18030, gbk, utf-16le or utf-16be, got ${a.value}`,
  },
  'records-needs-date': {
    'zh-CN': () => 'records 需要分析日期：--as-of YYYY-MM-DD，或 --evidence 文件（取其 assessment.date）',
    en: () => 'records needs the analysis date: --as-of YYYY-MM-DD, or --evidence FILE (its assessment.date)',
  },
  'font-missing-bundled': {
    'zh-CN': () => '找不到内置中文字体（软件包的 fonts/ 文件夹）；请重新安装 aftersales-assess，或用 --font 指定字体',
    en: () => "the bundled CJK font (the package's fonts/ folder) is missing; reinstall aftersales-assess or pass --font FILE",
  },
  'font-woff': {
    'zh-CN': (a) => `${a.file}：WOFF/WOFF2 字体在 PDF 中显示空白或极慢；请用 TTF 或 OTF`,
    en: (a) => `${a.file}: WOFF/WOFF2 fonts render blank or very slowly in PDFs; use a TTF or OTF file`,
  },
  'font-unreadable': { 'zh-CN': (a) => `字体文件 ${a.file}：${why(a.why, 'zh-CN')}`, en: (a) => `font file ${a.file}: ${why(a.why, 'en')}` },
  'font-not-font': {
    'zh-CN': (a) => `${a.file} 不是 TrueType 或 OpenType 字体（.ttf、.otf、.ttc）`,
    en: (a) => `${a.file} is not a TrueType or OpenType font (.ttf, .otf, .ttc)`,
  },
  'font-unusable': {
    'zh-CN': (a) =>
      `PDF 字体 ${a.file} 无法使用：${a.truncatedTable ? `${a.truncatedTable} 表超出文件末尾，文件不完整` : `字体文件似乎已损坏（${a.detail}）`}${a.face ? '（检查 # 后的字体名）' : ''}；请换一个字体文件`,
    en: (a) =>
      `font unusable: the PDF font ${a.file} ${a.truncatedTable ? `is cut short (its ${a.truncatedTable} table ends past the end of the file)` : `looks damaged (${a.detail})`}${a.face ? ' (check the face name after #)' : ''}; use another font file`,
  },
  'font-collection-face': {
    'zh-CN': (a) =>
      `${a.file} 是字体集（.ttc），${a.face === undefined ? '须指定其中一个字体' : `其中没有字体 ${a.face}`}：请用 ${a.file}#字体名，可选 ${a.faces.join('、')}`,
    en: (a) =>
      `${a.file} is a font collection (.ttc) ${a.face === undefined ? 'and needs a face chosen' : `without a face named ${a.face}`}: use ${a.file}#PostScriptName, one of ${a.faces.join(', ')}`,
  },
  'baseline-empty': {
    'zh-CN': () => '--baseline 需要 JSON 报告文件或 git 版本（如 HEAD~1），收到空值',
    en: () => '--baseline needs a JSON report file or a git revision such as HEAD~1; got an empty value',
  },
  'regression-needs-baseline': {
    'zh-CN': () => '--fail-on-regression 需要同时给出 --baseline（JSON 报告或 git 版本）',
    en: () => '--fail-on-regression needs --baseline REF (a JSON report or a git revision)',
  },
  'no-evidence-files': { 'zh-CN': (a) => `在 ${a.args} 中没有找到证据文件`, en: (a) => `no evidence files found in ${a.args}` },
  'baseline-one-file': {
    'zh-CN': () => '--baseline 只比较一个证据文件；请只给一个文件',
    en: () => '--baseline compares one evidence file; name a single file',
  },
  'document-options-need-pdf-html': {
    'zh-CN': (a) => `${a.option} 只用于 --format pdf 或 html 的报告`,
    en: (a) => `${a.option} applies to reports made with --format pdf or html`,
  },
  'bad-report-id': {
    'zh-CN': (a) => `${a.option} ${JSON.stringify(a.value)}：请使用 1–40 个字母、数字、点、连字符或下划线`,
    en: (a) => `${a.option} ${JSON.stringify(a.value)}: use 1–40 letters, digits, dots, hyphens or underscores`,
  },
  'brand-logo-unusable': {
    'zh-CN': (a) => `品牌文件 ${a.file} 的标志图片无法使用（${a.detail}）；请换一个完好的 PNG 或 JPEG 文件`,
    en: (a) => `the logo of brand file ${a.file} cannot be used (${a.detail}); give an intact PNG or JPEG file`,
  },
  'report-number-one-file': {
    'zh-CN': () => '--report-number 只用于单份报告；批量生成时每家企业的报告各有编号（由评估日期与证据文件生成）',
    en: () => "--report-number names one report; in a batch each company's report is numbered from its own assessment date and evidence file",
  },
  'pdf-one-file': { 'zh-CN': () => '--format pdf 只生成一份报告；请只给一个证据文件', en: () => '--format pdf writes one report; name a single evidence file' },
  'pdf-to-terminal': {
    'zh-CN': () => '拒绝把二进制 PDF 输出到终端；请用 --out report.pdf（或管道：--out - | …）',
    en: () => 'refusing to write a binary PDF to the terminal; use --out report.pdf (or pipe it: --out - | …)',
  },
  'out-dir-needs-html-batch': {
    'zh-CN': () => '--out-dir 用于 HTML 批量报告（--format html 且有多个证据文件）',
    en: () => '--out-dir is for an HTML batch (--format html with several evidence files)',
  },
  'portfolio-too-large': {
    'zh-CN': (a) => `${a.n} 家企业的完整报告无法都嵌入一个网页（上限 ${a.max} 家）；请用 --out-dir 文件夹 把各企业报告写在一览页旁边`,
    en: (a) => `${a.n} companies' full reports are too many to embed in one page (at most ${a.max}); write them beside the portfolio with --out-dir DIR`,
  },
  'out-dir-not-folder': { 'zh-CN': (a) => `--out-dir ${a.dir} 不是文件夹`, en: (a) => `--out-dir ${a.dir} is not a folder` },
  'out-dir-cannot-create': { 'zh-CN': (a) => `无法创建文件夹 ${a.dir}：${a.why}`, en: (a) => `cannot create the folder ${a.dir}: ${a.why}` },
  'out-dir-entry-not-file': {
    'zh-CN': (a) =>
      `拒绝写入 ${a.path}：它是${{ symlink: '符号链接', folder: '文件夹', special: '设备、管道或套接字' }[a.kind]}，而 --out-dir 只写入或替换普通文件；请删除它或换一个文件夹`,
    en: (a) =>
      `refusing to write ${a.path}: it is a ${{ symlink: 'symbolic link', folder: 'folder', special: 'device, pipe or socket' }[a.kind]} and --out-dir only writes or replaces regular files; remove it or choose another folder`,
  },
  'bad-source-date-epoch': {
    'zh-CN': (a) => `SOURCE_DATE_EPOCH 须是 1970 年以来、10000 年以前的整秒数，收到 ${a.value}`,
    en: (a) => `SOURCE_DATE_EPOCH must be whole seconds since 1970 before the year 10000, got ${a.value}`,
  },
  'summary-not-file': {
    'zh-CN': (a) => `GITHUB_STEP_SUMMARY（${a.path}）不是普通文件；未写入步骤摘要`,
    en: (a) => `GITHUB_STEP_SUMMARY (${a.path}) is not a regular file; the step summary was not written`,
  },
  'summary-error': {
    'zh-CN': (a) => `无法追加写入 GITHUB_STEP_SUMMARY（${a.path}）：${why(a.why, 'zh-CN')}`,
    en: (a) => `cannot append to GITHUB_STEP_SUMMARY (${a.path}): ${why(a.why, 'en')}`,
  },
  'init-dir-is-file': { 'zh-CN': (a) => `${a.dir} 是文件，不是文件夹；未写入任何内容`, en: (a) => `${a.dir} is a file, not a folder; nothing was written` },
  'unknown-industry': {
    'zh-CN': (a) => `--industry：没有行业档案 ${a.value}${a.guess ? `；是否应为 ${a.guess}？` : ''}（可用：${a.known.join(', ')}）`,
    en: (a) => `--industry: no industry profile ${a.value}${a.guess ? `; did you mean ${a.guess}?` : ''} (known: ${a.known.join(', ')})`,
  },
  'convert-exists': {
    'zh-CN': (a) => `${a.target} 已存在，未覆盖（可能有人在其中修改过）；用 --out 指定要写入的文件`,
    en: (a) => `${a.target} exists and was not replaced (it may hold someone's edits); name the file to write with --out`,
  },
  'convert-binary-to-terminal': {
    'zh-CN': () => '工作簿是二进制文件，不输出到终端；用 --out 指定文件，或重定向到文件',
    en: () => 'a workbook is binary and is not written to a terminal; give --out FILE or redirect to a file',
  },
  'init-exists': {
    'zh-CN': (a) => `${a.target} 已存在；未写入任何内容（换一个 --file 或文件夹）`,
    en: (a) => `${a.target} already exists; nothing was written (choose another --file or folder)`,
  },
  'init-bad-file': {
    'zh-CN': (a) => `--file 须是不含文件夹、不含控制字符的文件名，收到 ${a.file}`,
    en: (a) => `--file must be a file name without folders or control characters, got ${a.file}`,
  },
  'init-bad-company': {
    'zh-CN': (a) =>
      a.problem === 'blank'
        ? `--company 须是企业的注册名称，收到 ${a.value}；未写入任何内容（不给 --company 则写入占位名称，之后在文件中填写）`
        : a.problem === 'not-utf8'
          ? `--company 含无法解码的字节（终端或脚本的编码不是 UTF-8），收到 ${a.value}；未写入任何内容（请把终端设为 UTF-8，或不给 --company、之后在文件中填写）`
          : `--company 不能含控制字符（换行、制表符、转义符、文字方向控制符），收到 ${a.value}；未写入任何内容`,
    en: (a) =>
      a.problem === 'blank'
        ? `--company needs the company's registered name, got ${a.value}; nothing was written (without --company a placeholder is written, to fill in later)`
        : a.problem === 'not-utf8'
          ? `--company holds bytes that are not UTF-8 (the terminal or script is in another encoding), got ${a.value}; nothing was written (set the terminal to UTF-8, or leave out --company and fill the name in later)`
          : `--company must not contain control characters (line breaks, tabs, escapes, text-direction overrides), got ${a.value}; nothing was written`,
  },
  'init-parent-missing': {
    'zh-CN': (a) => `文件夹 ${a.dir} 不存在，请先创建（init 只创建一层文件夹）`,
    en: (a) => `the folder ${a.dir} does not exist; create it first (init creates one folder level)`,
  },
  'init-cannot-create': { 'zh-CN': (a) => `无法创建 ${a.path}：${why(a.why, 'zh-CN')}`, en: (a) => `cannot create ${a.path}: ${why(a.why, 'en')}` },
  'init-cannot-write': {
    'zh-CN': (a) => `无法写入 ${a.target}：${why(a.why, 'zh-CN')}；未覆盖任何内容`,
    en: (a) => `cannot write ${a.target}: ${why(a.why, 'en')}; nothing was overwritten`,
  },
  'history-shallow': {
    'zh-CN': () => '这是浅克隆（shallow clone），历史不完整，无法得出趋势；请先运行 git fetch --unshallow（CI 中设 fetch-depth: 0）',
    en: () => 'this is a shallow clone: its history is cut short, so no trend can be drawn; run git fetch --unshallow first (in CI, fetch-depth: 0)',
  },
  'history-missing-object': {
    'zh-CN': (a) => `git 仓库缺少对象 ${a.object}（部分克隆或仓库损坏）；请先运行 git fetch 或 git fsck`,
    en: (a) => `the git repository lacks the object ${a.object} (a partial clone or a damaged repository); run git fetch or git fsck first`,
  },
  'history-empty': {
    'zh-CN': (a) => `在所选范围内没有改动 ${a.file} 或其引用文件的提交`,
    en: (a) => `no commit in the chosen range changed ${a.file} or the files it cites`,
  },
  'history-no-file': {
    'zh-CN': (a) => `找不到证据文件 ${a.file}；history 需要它在工作区中的路径（已重命名的文件按当前名称查找历史）`,
    en: (a) => `the evidence file ${a.file} is not there; history needs its path in the working tree (a renamed file is followed from its current name)`,
  },
  'history-as-of-before': {
    'zh-CN': (a) => `--as-of ${a.asOf} 早于最后一个提交的日期 ${a.date}；预测须在历史之后（审核日期）`,
    en: (a) => `--as-of ${a.asOf} is before the last commit (${a.date}); a projection runs forward from the history: give the audit date`,
  },
  'history-commit-url': {
    'zh-CN': (a) =>
      `--commit-url 需要以 http:// 或 https:// 开头并含 {sha} 的地址模板（不含用户名或密码），如 https://host/org/repo/commit/{sha}；收到 ${a.value}`,
    en: (a) =>
      `--commit-url needs an http:// or https:// address template containing {sha} and no user name or password, e.g. https://host/org/repo/commit/{sha}; got ${a.value}`,
  },
  'history-commit-url-format': {
    'zh-CN': () => '--commit-url 仅用于 --format html 或 markdown（为提交加链接）',
    en: () => '--commit-url applies to --format html and markdown (the formats that link each commit)',
  },
  'history-every-or-monthly': { 'zh-CN': () => '--every 与 --monthly 只能选一个', en: () => '--every and --monthly cannot be combined; choose one' },
  'history-git-failed': {
    'zh-CN': (a) => `history 的 git ${a.command} 失败：${a.said || '未知版本（不是本仓库的提交）'}`,
    en: (a) => `git ${a.command} failed for history: ${a.said || 'unknown revision (not a commit in this repository)'}`,
  },
  'git-bad-revision': {
    'zh-CN': (a) => `--baseline 需要 git 版本（如 HEAD~1、main）或 JSON 报告文件，收到 ${a.rev}`,
    en: (a) => `--baseline needs a git revision such as HEAD~1 or main, or a JSON report file; got ${a.rev}`,
  },
  'git-missing': { 'zh-CN': () => '用 git 版本作 --baseline 需要 PATH 中有 git', en: () => '--baseline with a git revision needs git on the PATH' },
  'git-output-too-large': {
    'zh-CN': (a) => `--baseline ${a.rev} 的 git ${a.command} 输出过大`,
    en: (a) => `git ${a.command} output for --baseline ${a.rev} is too large`,
  },
  'git-failed': {
    'zh-CN': (a) => `--baseline ${a.rev} 的 git ${a.command} 失败：${a.said || '未知版本（不是本仓库的提交）'}`,
    en: (a) => `git ${a.command} failed for --baseline ${a.rev}: ${a.said || 'unknown revision (not a commit in this repository)'}`,
  },
};

export function usageMessage<C extends UsageCode>(code: C, args: UsageArgs[C], lang: Lang): string {
  return (USAGE[code][lang] as (a: UsageArgs[C]) => string)(args);
}
