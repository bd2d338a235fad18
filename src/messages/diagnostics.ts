import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from '../model/diagnostic.js';

import type { Lang, Localized } from '../model/localized.js';
import type { ErrorCode as YamlErrorCode } from 'yaml';

type Text = { message: string; hint?: string };
type Catalog = { [C in DiagnosticCode]: Record<Lang, (a: DiagnosticArgs[C]) => Text> };

/**
 * Where in the file, in words a non-programmer reads: "评价项 5.1.3.2 第 1 条证据的 `date`" rather than
 * `criteria.5.1.3.2.evidence.0.date` (the line and column point at it as well).
 */
function at(where: string[], lang: Lang): string {
  if (where.length === 0) return lang === 'en' ? 'the top level' : '文件顶层';
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  let rest = where;
  if (rest[0] === 'criteria' && rest.length > 1) {
    parts.push(zh ? `评价项 ${rest[1]}` : `criterion ${rest[1]}`);
    rest = rest.slice(2);
  }
  let keys: string[] = [];
  const flush = () => {
    if (keys.length) parts.push(`\`${keys.join('.')}\``);
    keys = [];
  };
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i]!;
    const index = rest[i + 1];
    if (index !== undefined && /^\d+$/.test(index)) {
      const n = Number(index) + 1;
      if (key === 'evidence' && keys.length === 0) parts.push(zh ? `第 ${n} 条证据` : `evidence item ${n}`);
      else {
        const name = `\`${[...keys, key].join('.')}\``;
        keys = [];
        parts.push(zh ? `${name} 第 ${n} 项` : `item ${n} of ${name}`);
      }
      i++;
    } else keys.push(key);
  }
  flush();
  // Chinese wording follows directly; a trailing id keeps a space before it.
  if (zh) return parts.join(' ').replace(/(第 \d+ (?:条证据|项)) (`)/g, '$1的$2') + (/\d$/.test(parts[parts.length - 1]!) ? ' ' : '');
  return parts.join(', ');
}
const TYPE_NAMES: Record<string, Localized> = {
  object: { 'zh-CN': '映射（键: 值）', en: 'a mapping (key: value)' },
  array: { 'zh-CN': '列表（- 项）', en: 'a list (- item)' },
  string: { 'zh-CN': '字符串', en: 'a string' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': 'true 或 false', en: 'true or false' },
  null: { 'zh-CN': '空值', en: 'empty' },
};
const typeList = (types: string[], lang: Lang) => types.map((t) => TYPE_NAMES[t]?.[lang] ?? t).join(lang === 'en' ? ' or ' : '或');
const REQUIRED_HINTS: Record<string, Localized> = {
  schemaVersion: { 'zh-CN': '在文件开头加上 `schemaVersion: 1`。', en: 'Add `schemaVersion: 1` at the top of the file.' },
  company: { 'zh-CN': '加上 `company: { name: 你的公司名称 }`。', en: 'Add `company: { name: 你的公司名称 }`.' },
  'company.name': { 'zh-CN': '填写企业注册名称：`name: …`。', en: 'Add the registered company name: `name: …`.' },
  assessment: {
    'zh-CN': '加上 `assessment: { date: 2026-11-01 }`——评估基准日。',
    en: 'Add `assessment: { date: 2026-11-01 }` — the as-of date of the assessment.',
  },
  'assessment.date': {
    'zh-CN': '加上 `date: YYYY-MM-DD`，证据是否过期以此日期判断。',
    en: 'Add `date: YYYY-MM-DD`, the as-of date against which expiry is judged.',
  },
};
/**
 * The YAML parser's errors, by its code, in Chinese: the parser words them in English only. `SYNTAX` is the
 * depth guard's own token error. English reports keep the parser's detail, which is more specific.
 */
const YAML_ERRORS_ZH: Record<YamlErrorCode | 'SYNTAX', string> = {
  ALIAS_PROPS: '别名（*name）不能再带锚点或标签',
  BAD_ALIAS: '别名（*name）写法不正确',
  BAD_DIRECTIVE: '以 % 开头的 YAML 指令不正确',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列不正确',
  BAD_INDENT: '缩进不正确',
  BAD_PROP_ORDER: '锚点（&name）或标签的位置不正确',
  BAD_SCALAR_START: '值不能以这个字符开头（以 @、` 等开头的值请加引号）',
  BLOCK_AS_IMPLICIT_KEY: '键不能是多行的块',
  BLOCK_IN_FLOW: '花括号或方括号内不能使用块格式',
  DUPLICATE_KEY: '同一映射中有重复的键',
  IMPOSSIBLE: '解析器无法处理这段内容',
  KEY_OVER_1024_CHARS: '键超过 1024 个字符',
  MISSING_CHAR: '缺少必要的符号（如冒号、引号或闭合的括号）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  MULTIPLE_ANCHORS: '同一个值有多个锚点',
  MULTIPLE_DOCS: '文件只能包含一个 YAML 文档（删去多余的 ---）',
  MULTIPLE_TAGS: '同一个值有多个标签',
  NON_STRING_KEY: '键必须是文本',
  RESOURCE_EXHAUSTION: '文件过于复杂（嵌套过深或别名过多）',
  TAB_AS_INDENT: '用了制表符缩进',
  TAG_RESOLVE_FAILED: '无法识别的标签（!tag）',
  UNEXPECTED_TOKEN: '此处出现了不应有的内容',
  BAD_COLLECTION_TYPE: '集合的类型与其标签不符',
  SYNTAX: '无法解析的内容',
};
const yamlErrorZh = (code: string): string => (YAML_ERRORS_ZH as Record<string, string>)[code] ?? YAML_ERRORS_ZH.SYNTAX;

const YAML_HINTS: Record<string, Localized> = {
  DUPLICATE_KEY: {
    'zh-CN': '同一映射中每个键只能出现一次；请合并两处内容（否则后者会悄悄覆盖前者）。',
    en: 'Each key may appear once in a mapping; merge the two entries (the second would silently replace the first).',
  },
  TAB_AS_INDENT: { 'zh-CN': '缩进请用空格，不要用制表符。', en: 'Indent with spaces, not tabs.' },
  BAD_INDENT: { 'zh-CN': '检查缩进以及每个键后的冒号。', en: 'Check the indentation and the colon after each key.' },
  MISSING_CHAR: { 'zh-CN': '检查缩进以及每个键后的冒号。', en: 'Check the indentation and the colon after each key.' },
  BLOCK_AS_IMPLICIT_KEY: {
    'zh-CN': '键不能跨行；检查上一行是否缺少冒号。',
    en: 'A key cannot span several lines; check for a missing colon on the line above.',
  },
};
const FORMAT_TEXT: Record<DiagnosticArgs['bad-format']['format'], Record<Lang, Text>> = {
  date: {
    'zh-CN': { message: '必须是 YYYY-MM-DD 格式的日期', hint: '例如 2026-11-01。' },
    en: { message: 'must be a date written YYYY-MM-DD', hint: 'For example 2026-11-01.' },
  },
  url: { 'zh-CN': { message: '必须是以 http:// 或 https:// 开头的网址' }, en: { message: 'must be a web address starting with http:// or https://' } },
  sha256: {
    'zh-CN': { message: '必须是 SHA-256 摘要（64 位十六进制）', hint: '可用 `sha256sum 文件` 计算。' },
    en: { message: 'must be a SHA-256 digest (64 hexadecimal digits)', hint: 'Compute it with `sha256sum FILE`.' },
  },
  id: { 'zh-CN': { message: '必须是以点分隔的条款编号，如 5.3.2' }, en: { message: 'must be a dotted clause id such as 5.3.2' } },
  other: { 'zh-CN': { message: '格式不正确' }, en: { message: 'has an invalid format' } },
};

const DATASET_DIAGNOSTICS: Pick<
  Catalog,
  | 'xlsx-too-large'
  | 'xlsx-extent'
  | 'dataset-not-found'
  | 'dataset-not-a-file'
  | 'dataset-too-large'
  | 'xlsx-unreadable'
  | 'sheet-empty'
  | 'csv-unparseable'
  | 'table-empty'
  | 'wrong-encoding'
  | 'mapping-unknown-field'
  | 'mapping-unknown-header'
  | 'columns-missing'
  | 'mapping-shape'
  | 'themes-shape'
  | 'holidays-shape'
  | 'mapping-not-found'
> = {
  'dataset-not-found': {
    'zh-CN': () => ({ message: '文件不存在', hint: '检查路径；证据文件中的数据路径相对于证据文件。' }),
    en: () => ({ message: 'file not found', hint: 'Check the path; dataset paths in an evidence file are relative to it.' }),
  },
  'dataset-not-a-file': {
    'zh-CN': () => ({ message: '不是普通文件（文件夹、设备或管道）', hint: '请给出导出的 CSV 或 XLSX 文件本身。' }),
    en: () => ({ message: 'is not a regular file (a folder, device or pipe)', hint: 'Give the exported CSV or XLSX file itself.' }),
  },
  'dataset-too-large': {
    'zh-CN': (a) => ({ message: `文件大小 ${a.size} 字节，超过 ${a.max} 字节的上限` }),
    en: (a) => ({ message: `file is ${a.size} bytes, over the ${a.max}-byte limit` }),
  },
  'xlsx-unreadable': {
    'zh-CN': (a) => ({ message: `无法作为 XLSX 工作簿读取（${a.detail}）`, hint: '请在 Excel 中另存为 .xlsx，或导出 CSV。' }),
    en: (a) => ({ message: `cannot be read as an XLSX workbook (${a.detail})`, hint: 'Save it from Excel as .xlsx, or export CSV.' }),
  },
  'xlsx-too-large': {
    'zh-CN': (a) => ({
      message: `工作簿解压后过大（${a.part || '全部内容'} 超过 ${Math.round(a.max / 1048576)} MB），未读取`,
      hint: '请导出为 CSV（CSV 按流读取，没有这一限制）。',
    }),
    en: (a) => ({
      message: `the workbook is too large once unzipped (${a.part || 'all parts'} over ${Math.round(a.max / 1048576)} MB); not read`,
      hint: 'Export it as CSV (read as a stream, without this limit).',
    }),
  },
  'xlsx-extent': {
    'zh-CN': (a) => ({
      message: `第一个工作表的单元格范围异常（${a.ref}：${a.rows} 行 × ${a.columns} 列），未读取`,
      hint: '删除表格右侧和下方的空白格式或多余单元格后另存，或导出为 CSV。',
    }),
    en: (a) => ({
      message: `the first sheet's cells reach ${a.ref} (${a.rows} rows × ${a.columns} columns); not read`,
      hint: 'Delete the stray formatted cells to the right of and below the table and save again, or export CSV.',
    }),
  },
  'sheet-empty': { 'zh-CN': () => ({ message: '第一个工作表为空' }), en: () => ({ message: 'the first sheet is empty' }) },
  'csv-unparseable': {
    'zh-CN': (a) => ({ message: `CSV 无法解析：${a.detail}`, hint: '检查该行的引号（未闭合的 " 会吞掉文件的其余部分）。' }),
    en: (a) => ({ message: `CSV cannot be parsed: ${a.detail}`, hint: 'Check the quoting on that line (an unclosed " swallows the rest of the file).' }),
  },
  'table-empty': { 'zh-CN': () => ({ message: '文件为空' }), en: () => ({ message: 'the file is empty' }) },
  'wrong-encoding': {
    'zh-CN': (a) => ({
      message: a.encoding ? `不是有效的 ${a.encoding} 文本` : '既不是 UTF-8 也不是 GB18030 文本',
      hint: a.encoding ? '换一个 --encoding 试试（utf-8、gb18030）。' : '请导出为 UTF-8 CSV，或指定 --encoding。',
    }),
    en: (a) => ({
      message: a.encoding ? `is not valid ${a.encoding} text` : 'is neither UTF-8 nor GB18030 text',
      hint: a.encoding ? 'Try another --encoding (utf-8, gb18030).' : 'Save the export as UTF-8 CSV, or pass --encoding.',
    }),
  },
  'mapping-unknown-field': {
    'zh-CN': (a) => ({ message: `列映射中有未知字段 \`${a.field}\``, hint: a.guess ? `是否应为 \`${a.guess}\`？` : `字段：${a.fields.join(', ')}。` }),
    en: (a) => ({
      message: `the column mapping names unknown field \`${a.field}\``,
      hint: a.guess ? `Did you mean \`${a.guess}\`?` : `Fields: ${a.fields.join(', ')}.`,
    }),
  },
  'mapping-unknown-header': {
    'zh-CN': (a) => ({ message: `列映射把 ${a.field} 指向“${a.header}”，但此文件没有这一列`, hint: `表头：${a.headers.join(', ')}。` }),
    en: (a) => ({
      message: `the column mapping points ${a.field} at "${a.header}", which is not a header of this file`,
      hint: `Headers: ${a.headers.join(', ')}.`,
    }),
  },
  'columns-missing': {
    'zh-CN': (a) => ({
      message: `找不到必需的列：${a.missing.map((m) => `${m.field}（${m.aliases.join(' / ')}）`).join('，')}`,
      hint: `现有表头：${a.headers.join(', ')}。请改表头，或用 --mapping 指定，如 \`columns: { ${a.missing[0]?.field}: "你的表头" }\`。`,
    }),
    en: (a) => ({
      message: `required column(s) not found: ${a.missing.map((m) => `${m.field} (${m.aliases.join(' / ')})`).join(', ')}`,
      hint: `Headers found: ${a.headers.join(', ')}. Rename them or pass --mapping FILE with e.g. \`columns: { ${a.missing[0]?.field}: "your header" }\`.`,
    }),
  },
  'mapping-not-found': {
    'zh-CN': (a) => ({
      message: `datasets.mapping 指向的列映射文件 ${a.file} 无法使用（${a.state === 'outside-root' ? '在证据根目录之外' : a.state === 'missing' ? '不存在' : '不是普通文件'}）`,
      hint: '列映射文件须放在证据文件所在目录（或 --root）之内。',
    }),
    en: (a) => ({
      message: `the column mapping ${a.file} named in datasets.mapping cannot be used (${a.state === 'outside-root' ? 'outside the evidence root' : a.state === 'missing' ? 'not found' : 'not a regular file'})`,
      hint: 'Keep the mapping file inside the evidence folder (or --root).',
    }),
  },
  'themes-shape': {
    'zh-CN': (a) => ({
      message: a.index >= 0 ? `主题词典第 ${a.index + 1} 个主题格式不对` : '主题词典需要 `themes:` 列表',
      hint: '每个主题需要 id、label（zh-CN 和 en）、complaint（正则表达式列表），可选 praise；格式同 reference/survey-themes.yaml。',
    }),
    en: (a) => ({
      message: a.index >= 0 ? `theme ${a.index + 1} of the theme dictionary is malformed` : 'the theme dictionary needs a `themes:` list',
      hint: 'Each theme needs id, label (zh-CN and en), complaint (a list of regular expressions), optionally praise; see reference/survey-themes.yaml.',
    }),
  },
  'holidays-shape': {
    'zh-CN': (a) => ({
      message: a.year ? `节假日日历 ${a.year} 年的格式不对` : '节假日日历需要 `years:` 映射',
      hint: '格式同 reference/cn-work-calendar.yaml：years: { 2026: { holidays: [2026-01-01], workdays: [2026-01-04] } }，日期须为该年的真实日期。',
    }),
    en: (a) => ({
      message: a.year ? `year ${a.year} of the holiday calendar is malformed` : 'the holiday calendar needs a `years:` mapping',
      hint: 'Same shape as reference/cn-work-calendar.yaml: years: { 2026: { holidays: [2026-01-01], workdays: [2026-01-04] } }, real dates of that year.',
    }),
  },
  'mapping-shape': {
    'zh-CN': () => ({ message: '列映射需要 `columns:`，每行一个 `字段: "表头"`', hint: '例如：columns: { overall: "整体评价", order: "工单编号" }' }),
    en: () => ({
      message: 'a column mapping needs `columns:` with one `field: "header"` per line',
      hint: 'For example: columns: { overall: "整体评价", order: "工单编号" }',
    }),
  },
};
const RUBRIC_DIAGNOSTICS: Pick<
  Catalog,
  | 'duplicate-id'
  | 'undeclared-source'
  | 'sections-sum'
  | 'children-sum'
  | 'not-a-child'
  | 'unknown-data-metric'
  | 'at-least-missing'
  | 'unknown-kind'
  | 'measure-missing'
  | 'undeclared-metric'
  | 'measure-ignored'
  | 'effort-missing'
  | 'industry-unknown-criterion'
  | 'industry-undeclared-source'
  | 'levels-unordered'
  | 'first-level-not-fail'
  | 'level-ids-duplicate'
> = {
  'duplicate-id': {
    'zh-CN': (a) => ({ message: `编号 ${a.id} 重复（首次出现于 ${a.first}）` }),
    en: (a) => ({ message: `duplicate id ${a.id} (first at ${a.first})` }),
  },
  'undeclared-source': {
    'zh-CN': (a) => ({ message: `来源 \`${a.source}\` 未在 \`sources\` 中声明`, hint: `已声明：${a.declared.join(', ')}。` }),
    en: (a) => ({ message: `provenance source \`${a.source}\` is not declared under \`sources\``, hint: `Declared: ${a.declared.join(', ')}.` }),
  },
  'sections-sum': {
    'zh-CN': (a) => ({ message: `一级指标合计 ${a.total} 分，不是 100 分` }),
    en: (a) => ({ message: `sections add up to ${a.total}, not 100` }),
  },
  'children-sum': {
    'zh-CN': (a) => ({ message: `${a.kind === 'section' ? '一级指标' : '二级指标'} ${a.id} 为 ${a.points} 分，但其下各项合计 ${a.sum} 分` }),
    en: (a) => ({ message: `${a.kind} ${a.id} is worth ${a.points} but its ${a.kind === 'section' ? 'clauses' : 'criteria'} add up to ${a.sum}` }),
  },
  'not-a-child': {
    'zh-CN': (a) => ({ message: `${a.kind === 'clause' ? '二级指标' : '评价项'}编号 ${a.id} 不属于 ${a.parent}`, hint: `编号应为 ${a.parent}.N。` }),
    en: (a) => ({
      message: `${a.kind} id ${a.id} is not a child of ${a.kind === 'clause' ? 'section' : 'clause'} ${a.parent}`,
      hint: `Number it ${a.parent}.N.`,
    }),
  },
  'unknown-data-metric': {
    'zh-CN': (a) => ({ message: `${a.subject} 使用了未知的数据指标 \`${a.metric}\``, hint: `已知：${a.known.join(', ')}。` }),
    en: (a) => ({ message: `${a.subject} uses unknown data metric \`${a.metric}\``, hint: `Known: ${a.known.join(', ')}.` }),
  },
  'at-least-missing': {
    'zh-CN': (a) => ({ message: `评价项 ${a.id}：规则 at-least 需要 \`atLeast\`` }),
    en: (a) => ({ message: `criterion ${a.id}: rule at-least needs \`atLeast\`` }),
  },
  'unknown-kind': {
    'zh-CN': (a) => ({ message: `本版本不认识评分类型 \`${a.kind}\`；${a.id} 将按“不支持”计`, hint: `已知类型：${a.known.join(', ')}。` }),
    en: (a) => ({
      message: `criterion kind \`${a.kind}\` is not known to this version; ${a.id} will be scored as unsupported`,
      hint: `Known kinds: ${a.known.join(', ')}.`,
    }),
  },
  'measure-missing': {
    'zh-CN': (a) => ({ message: `评价项 ${a.id} 的类型为 ratio-threshold，但缺少 \`measure\`` }),
    en: (a) => ({ message: `criterion ${a.id} has kind ratio-threshold but no \`measure\`` }),
  },
  'undeclared-metric': {
    'zh-CN': (a) => ({ message: `评价项 ${a.id} 计量了未声明的指标 \`${a.metric}\``, hint: '请在 `metrics` 下声明。' }),
    en: (a) => ({ message: `criterion ${a.id} measures undeclared metric \`${a.metric}\``, hint: 'Declare it under `metrics`.' }),
  },
  'industry-unknown-criterion': {
    'zh-CN': (a) => ({ message: `评价依据 ${a.rubric} 中没有评价项 ${a.id}`, ...(a.guess ? { hint: `是否应为 ${a.guess}？` } : {}) }),
    en: (a) => ({ message: `rubric ${a.rubric} has no criterion ${a.id}`, ...(a.guess ? { hint: `Did you mean ${a.guess}?` } : {}) }),
  },
  'industry-undeclared-source': {
    'zh-CN': (a) => ({ message: `来源 \`${a.source}\` 未在 \`sources\` 中声明`, hint: `已声明：${a.declared.join(', ')}。` }),
    en: (a) => ({ message: `source \`${a.source}\` is not declared under \`sources\``, hint: `Declared: ${a.declared.join(', ')}.` }),
  },
  'effort-missing': {
    'zh-CN': (a) => ({
      message: `评价项 ${a.id} 没有 \`effort\`（工作日估计），而其他 ${a.given} 项有`,
      hint: '补上估计的工作日，例如 `effort: 3`；缺省按 1 天计，最省工作量路径会因此偏向它',
    }),
    en: (a) => ({
      message: `criterion ${a.id} has no \`effort\` (estimated working days) while ${a.given} others have one`,
      hint: 'add the estimated working days, e.g. `effort: 3`; without it 1 day is assumed, which favours it in the cheapest path',
    }),
  },
  'measure-ignored': {
    'zh-CN': (a) => ({ message: `评价项 ${a.id} 有 \`measure\`，但类型 \`${a.kind}\` 不使用它` }),
    en: (a) => ({ message: `criterion ${a.id} has a \`measure\` but kind \`${a.kind}\` ignores it` }),
  },
  'levels-unordered': {
    'zh-CN': (a) => ({ message: `等级 ${a.id}（${a.min}）的最低得分必须高于 ${a.prevId}（${a.prevMin}）` }),
    en: (a) => ({ message: `level ${a.id} (${a.min}) must have a higher minScore than ${a.prevId} (${a.prevMin})` }),
  },
  'first-level-not-fail': { 'zh-CN': () => ({ message: '第一个等级必须是 `fail`' }), en: () => ({ message: 'the first level must be `fail`' }) },
  'level-ids-duplicate': { 'zh-CN': () => ({ message: '等级编号不能重复' }), en: () => ({ message: 'level ids must be unique' }) },
};

/** Problems only an evidence workbook (company.xlsx) can have; the cell is named beside each. */
const WORKBOOK_DIAGNOSTICS: Pick<
  Catalog,
  | 'workbook-limit'
  | 'workbook-sheet-missing'
  | 'workbook-column-missing'
  | 'workbook-bad-status'
  | 'workbook-bad-date'
  | 'workbook-bad-number'
  | 'workbook-bad-json'
  | 'workbook-unknown-field'
  | 'workbook-unknown-ref'
  | 'workbook-duplicate-row'
  | 'workbook-evidence-unowned'
> = {
  'workbook-limit': {
    'zh-CN': (a) => ({
      message: `工作簿超出限制：${{ 'shared-strings': '共享字符串', rows: '行数', columns: '列数', 'cell-text': '单元格文字长度' }[a.what]}最多 ${a.limit}${a.cell ? `（${a.cell}）` : ''}，未读取`,
      hint: '证据表只需几百行；删除多余的行、列或超长文字后另存。',
    }),
    en: (a) => ({
      message: `the workbook is beyond a limit: at most ${a.limit} ${{ 'shared-strings': 'shared strings', rows: 'rows', columns: 'columns', 'cell-text': 'characters in a cell' }[a.what]}${a.cell ? ` (${a.cell})` : ''}; not read`,
      hint: 'An evidence workbook needs a few hundred rows; delete the extra rows, columns or text and save again.',
    }),
  },
  'workbook-sheet-missing': {
    'zh-CN': (a) => ({
      message: `缺少工作表“${a.sheet}”`,
      hint: `用 \`aftersales-assess init DIR --xlsx\` 生成的工作簿包含它；工作表可改回原名“${a.sheet}”或“${a.en}”。`,
    }),
    en: (a) => ({
      message: `no sheet named "${a.en}" (or "${a.sheet}")`,
      hint: `A workbook made by \`aftersales-assess init DIR --xlsx\` has it; rename the sheet back to "${a.en}" or "${a.sheet}".`,
    }),
  },
  'workbook-column-missing': {
    'zh-CN': (a) => ({
      message: `工作表“${a.sheet}”第 1 行缺少列标题“${a.header}”`,
      hint: `在第 1 行加上标题“${a.header}”（或“${a.en}”），不要删除或改名标题行。`,
    }),
    en: (a) => ({
      message: `sheet "${a.sheet}" has no column headed "${a.en}" in row 1`,
      hint: `Put the header "${a.en}" (or "${a.header}") back in row 1; do not rename or delete the header row.`,
    }),
  },
  'workbook-bad-status': {
    'zh-CN': (a) => ({
      message: `状态“${a.value}”不是可选值`,
      hint: `${a.guess ? `是否应为“${a.guess}”？` : ''}从下拉列表选择：符合、部分符合、不符合、不适用（或 met、partial、not-met、n/a）；留空表示尚未评估。`,
    }),
    en: (a) => ({
      message: `status "${a.value}" is not one of the choices`,
      hint: `${a.guess ? `Did you mean "${a.guess}"? ` : ''}Pick from the list: met, partial, not-met, n/a (or 符合, 部分符合, 不符合, 不适用); leave it empty when not assessed yet.`,
    }),
  },
  'workbook-bad-date': {
    'zh-CN': (a) => ({ message: `“${a.value}”不是日期`, hint: '填写日期单元格，或按 2026-11-01 的格式输入（也接受 2026/11/1、2026年11月1日）。' }),
    en: (a) => ({ message: `"${a.value}" is not a date`, hint: 'Enter a date cell, or type it as 2026-11-01 (2026/11/1 and 2026年11月1日 are read too).' }),
  },
  'workbook-bad-number': {
    'zh-CN': (a) => ({ message: `“${a.value}”不是${a.integer ? '整数' : '数字'}`, hint: `只填${a.integer ? '整数' : '数字'}（如 10），不要加单位或文字。` }),
    en: (a) => ({
      message: `"${a.value}" is not a ${a.integer ? 'whole number' : 'number'}`,
      hint: `Type the ${a.integer ? 'whole number' : 'number'} alone (e.g. 10), without units or words.`,
    }),
  },
  'workbook-bad-json': {
    'zh-CN': (a) => ({ message: `“${a.value}”不是有效的 JSON`, hint: '字段名以 :json 结尾的行须填写 JSON（如 ["甲","乙"]）；否则去掉 :json。' }),
    en: (a) => ({ message: `"${a.value}" is not valid JSON`, hint: 'A field ending in :json holds JSON (e.g. ["a","b"]); otherwise drop the :json.' }),
  },
  'workbook-unknown-field': {
    'zh-CN': (a) => ({
      message: `未知字段“${a.field}”`,
      hint: `${a.guess ? `是否应为“${a.guess}”？` : ''}字段列由工具生成，请勿修改；公司的其他信息写成 company.名称。`,
    }),
    en: (a) => ({
      message: `unknown field "${a.field}"`,
      hint: `${a.guess ? `Did you mean "${a.guess}"? ` : ''}The Field column is the tool's: leave it as written; other company details go in rows named company.NAME.`,
    }),
  },
  'workbook-unknown-ref': {
    'zh-CN': (a) => ({
      message: `“${a.ref}”不在“扣分与加分”表中`,
      hint: `${a.guess ? `是否应为“${a.guess}”？` : ''}所属 填写评价项编号，或“扣分与加分”表第一列的编号（扣分1、加分1）。`,
    }),
    en: (a) => ({
      message: `"${a.ref}" is not a ref on the Deductions sheet`,
      hint: `${a.guess ? `Did you mean "${a.guess}"? ` : ''}For holds a criterion id, or a ref from the first column of Deductions and bonus (deduction1, bonus1).`,
    }),
  },
  'workbook-duplicate-row': {
    'zh-CN': (a) => ({ message: `“${a.id}”重复（首次出现于 ${a.first}）`, hint: '每个评价项或字段只填一行；多条证据写在“证据”表，每条一行。' }),
    en: (a) => ({
      message: `"${a.id}" is repeated (first at ${a.first})`,
      hint: 'One row per criterion or field; several evidence items go on the Evidence sheet, one row each.',
    }),
  },
  'workbook-evidence-unowned': {
    'zh-CN': () => ({ message: '这条证据没有填写所属评价项', hint: '在“所属”列填写评价项编号（如 5.1.1.1），或删除这一行。' }),
    en: () => ({ message: 'this evidence item names no criterion', hint: 'Put the criterion id (e.g. 5.1.1.1) in the For column, or delete the row.' }),
  },
};

/** Every input diagnostic's wording, in every language; the mapped type makes a missing entry a compile error. */
export const DIAGNOSTICS: Catalog = {
  ...DATASET_DIAGNOSTICS,
  ...RUBRIC_DIAGNOSTICS,
  ...WORKBOOK_DIAGNOSTICS,
  'file-not-found': {
    'zh-CN': () => ({ message: '文件不存在', hint: '检查路径和当前目录。' }),
    en: () => ({ message: 'file not found', hint: 'Check the path and the current directory.' }),
  },
  'not-a-regular-file': {
    'zh-CN': () => ({ message: '该路径不是普通文件', hint: '请给出 YAML 文件的路径。' }),
    en: () => ({ message: 'this path is not a regular file', hint: 'Give the path of a YAML file.' }),
  },
  unreadable: {
    'zh-CN': (a) => ({ message: `文件无法读取（${a.reason}）` }),
    en: (a) => ({ message: `file cannot be read (${a.reason})` }),
  },
  'too-large': {
    'zh-CN': (a) => ({ message: `文件大小 ${a.size} 字节，超过 ${a.max} 字节的上限`, hint: '请拆分文件；若确实这么大，用 --max-bytes 提高上限。' }),
    en: (a) => ({
      message: `file is ${a.size} bytes, over the ${a.max}-byte limit`,
      hint: 'Split the file, or raise the limit with --max-bytes if it really is this large.',
    }),
  },
  'not-utf8': {
    'zh-CN': () => ({ message: '文件不是有效的 UTF-8 文本', hint: '请另存为 UTF-8（GBK/GB18030 导出的文件需转换，如 `iconv -f GB18030 -t UTF-8`）。' }),
    en: () => ({
      message: 'file is not valid UTF-8 text',
      hint: 'Save the file as UTF-8 (GBK/GB18030 exports must be converted, e.g. `iconv -f GB18030 -t UTF-8`).',
    }),
  },
  'folder-entry-not-a-file': {
    'zh-CN': () => ({
      message: '此处以 .yaml/.yml 命名的不是普通文件（命名管道、设备，或指向不存在目标的链接），未评估',
      hint: '换成真正的证据文件，或删除它、改为不以 .yaml 结尾的名称。',
    }),
    en: () => ({
      message: 'this .yaml/.yml name is not a regular file (a named pipe, a device, or a link to nothing); not assessed',
      hint: 'Replace it with a real evidence file, or remove it or rename it so that it does not end in .yaml.',
    }),
  },
  'name-not-utf8': {
    'zh-CN': () => ({
      message: '文件路径不是 UTF-8 编码（\\xNN 为无法解码的字节），未评估',
      hint: '请把文件或文件夹改为 UTF-8 名称（如 `convmv -f GBK -t UTF-8 -r --notest 文件夹`）。',
    }),
    en: () => ({
      message: 'the path is not UTF-8 (\\xNN are the bytes that do not decode); not assessed',
      hint: 'Rename the file or folder to a UTF-8 name (e.g. `convmv -f GBK -t UTF-8 -r --notest FOLDER`).',
    }),
  },
  utf16: {
    'zh-CN': () => ({ message: '文件是 UTF-16 编码', hint: '请另存为 UTF-8（记事本“另存为”选 UTF-8，或 `iconv -f UTF-16 -t UTF-8`）。' }),
    en: () => ({ message: 'file is UTF-16 encoded', hint: 'Save it as UTF-8 (Notepad: Save as… UTF-8, or `iconv -f UTF-16 -t UTF-8`).' }),
  },
  'outside-root': {
    'zh-CN': () => ({ message: '文件在证据根目录之外，未读取', hint: '把文件放在证据文件所在目录（或 --root）之内。' }),
    en: () => ({ message: 'the file is outside the evidence root and was not read', hint: 'Keep it inside the evidence folder (or --root).' }),
  },
  'too-many-entries': {
    'zh-CN': (a) => ({ message: `一个映射或列表中的条目超过 ${a.limit} 个，未读取`, hint: '证据文件只有约 40 个评价项，每项几条证据；检查是否粘贴了数据表。' }),
    en: (a) => ({
      message: `a mapping or list has more than ${a.limit} entries; not read`,
      hint: 'An evidence file has some 40 criteria with a few items each; check for a pasted data table.',
    }),
  },
  'too-many-aliases': {
    'zh-CN': (a) => ({ message: `锚点与别名（& 和 *）超过 ${a.limit} 个，未读取`, hint: '直接写出内容，不要用锚点和别名。' }),
    en: (a) => ({
      message: `more than ${a.limit} anchors and aliases (& and *); not read`,
      hint: 'Write the content out instead of using anchors and aliases.',
    }),
  },
  'too-many-errors': {
    'zh-CN': (a) => ({ message: `错误太多，只列出前 ${a.shown} 个`, hint: '先改正上面的错误；文件可能不是 YAML，或括号不成对。' }),
    en: (a) => ({
      message: `too many errors; only the first ${a.shown} are listed`,
      hint: 'Fix the errors above first; the file may not be YAML, or its brackets may not pair up.',
    }),
  },
  'too-deep': {
    'zh-CN': (a) => ({ message: `嵌套超过 ${a.depth} 层`, hint: '证据文件只需要几层嵌套；检查是否有失控的括号或缩进。' }),
    en: (a) => ({
      message: `nesting deeper than ${a.depth} levels`,
      hint: 'An evidence file needs a handful of levels; check for runaway brackets or indentation.',
    }),
  },
  'multiple-documents': {
    'zh-CN': () => ({ message: '文件中有多个 YAML 文档', hint: '每个证据文件只写一个文档；删除 `---` 分隔符。' }),
    en: () => ({ message: 'the file holds more than one YAML document', hint: 'Keep one document per evidence file; remove the `---` separator.' }),
  },
  'yaml-syntax': {
    'zh-CN': (a) => ({ message: `YAML 语法错误：${yamlErrorZh(a.code)}`, ...(YAML_HINTS[a.code] ? { hint: YAML_HINTS[a.code]!['zh-CN'] } : {}) }),
    en: (a) => ({ message: `YAML: ${a.detail}`, ...(YAML_HINTS[a.code] ? { hint: YAML_HINTS[a.code]!.en } : {}) }),
  },
  'alias-expansion': {
    'zh-CN': () => ({ message: 'YAML 别名展开过多（疑似“十亿笑声”攻击文件）', hint: '请直接写出内容，不要大量嵌套别名（*name）。' }),
    en: () => ({
      message: 'YAML aliases expand too much (possible "billion laughs" file)',
      hint: 'Write the values out instead of using many nested aliases (*name).',
    }),
  },
  'alias-unresolved': {
    'zh-CN': (a) => ({ message: `YAML 无法解析：${a.detail}`, hint: '检查每个别名（*name）是否引用了此前定义的锚点（&name）。' }),
    en: (a) => ({ message: `YAML cannot be resolved: ${a.detail}`, hint: 'Check that every alias (*name) refers to an anchor (&name) defined before it.' }),
  },
  'invalid-key': {
    'zh-CN': (a) => ({
      message: `${at(a.where, 'zh-CN')}：\`${a.name}\` 不是有效的评价项编号`,
      hint: '评价项编号形如 5.1.1.1；用 `aftersales-assess rubric` 查看全部编号。',
    }),
    en: (a) => ({
      message: `${at(a.where, 'en')}: \`${a.name}\` is not a valid criterion id`,
      hint: 'Criterion ids are dotted numbers such as 5.1.1.1; list them with `aftersales-assess rubric`.',
    }),
  },
  'missing-property': {
    'zh-CN': (a) => {
      const path = [...a.where, a.name].join('.');
      const hint = REQUIRED_HINTS[path]?.['zh-CN'] ?? (a.name === 'justification' ? '说明不适用的理由，如 `justification: 软件产品，无实物回收`。' : undefined);
      return { message: `${at(a.where, 'zh-CN')}缺少必填项 \`${a.name}\``, ...(hint ? { hint } : {}) };
    },
    en: (a) => {
      const path = [...a.where, a.name].join('.');
      const hint =
        REQUIRED_HINTS[path]?.en ??
        (a.name === 'justification' ? 'Say why the criterion does not apply, e.g. `justification: 软件产品，无实物回收`.' : undefined);
      return { message: `${at(a.where, 'en')} is missing the required property \`${a.name}\``, ...(hint ? { hint } : {}) };
    },
  },
  'needs-one-of': {
    'zh-CN': (a) => ({
      message: `${at(a.where, 'zh-CN')}需要 ${a.names.map((n) => `\`${n}\``).join(' 或 ')}`,
      hint: '引用相对于证据文件的文件（file: docs/x.pdf）或网页（url: https://…）。',
    }),
    en: (a) => ({
      message: `${at(a.where, 'en')} needs ${a.names.map((n) => `\`${n}\``).join(' or ')}`,
      hint: 'Cite a file relative to the evidence file (file: docs/x.pdf) or a web page (url: https://…).',
    }),
  },
  'unknown-property': {
    'zh-CN': (a) => ({
      message: `${at(a.where, 'zh-CN')}：未知的属性 \`${a.name}\``,
      ...(a.guess ? { hint: `是否应为 \`${a.guess}\`？` } : a.allowed.length ? { hint: `此处允许：${a.allowed.join(', ')}。` } : {}),
    }),
    en: (a) => ({
      message: `${at(a.where, 'en')}: unknown property \`${a.name}\``,
      ...(a.guess ? { hint: `Did you mean \`${a.guess}\`?` } : a.allowed.length ? { hint: `Allowed here: ${a.allowed.join(', ')}.` } : {}),
    }),
  },
  'not-one-of': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}必须是以下之一：${a.values.join(', ')}`, ...(a.guess ? { hint: `是否应为 \`${a.guess}\`？` } : {}) }),
    en: (a) => ({ message: `${at(a.where, 'en')} must be one of: ${a.values.join(', ')}`, ...(a.guess ? { hint: `Did you mean \`${a.guess}\`?` } : {}) }),
  },
  'cited-file': {
    'zh-CN': (a) => ({
      message: `引用的文件 ${a.file} ${a.state === 'missing' ? '不存在' : a.state === 'outside-root' ? '在证据根目录之外' : '不是文件'}`,
      ...(a.backslash ? { hint: '路径请用 / 分隔（如 docs/x.md），不要用 Windows 的 \\。' } : a.guess ? { hint: `是否应为 ${a.guess}？` } : {}),
    }),
    en: (a) => ({
      message: `the cited file ${a.file} ${a.state === 'missing' ? 'does not exist' : a.state === 'outside-root' ? 'is outside the evidence root' : 'is not a file'}`,
      ...(a.backslash ? { hint: 'Separate folders with / (docs/x.md), not the Windows \\.' } : a.guess ? { hint: `Did you mean ${a.guess}?` } : {}),
    }),
  },
  'must-equal': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}必须为 ${a.value}` }),
    en: (a) => ({ message: `${at(a.where, 'en')} must be ${a.value}` }),
  },
  'wrong-type': {
    'zh-CN': (a) => ({
      message: `${at(a.where, 'zh-CN')}必须是${typeList(a.expected, 'zh-CN')}`,
      ...(a.typed ? { hint: `YAML 把 ${a.typed} 读作数字；请加引号：'${a.typed}'。` } : {}),
    }),
    en: (a) => ({
      message: `${at(a.where, 'en')} must be ${typeList(a.expected, 'en')}`,
      ...(a.typed ? { hint: `YAML reads ${a.typed} as a number; quote it: '${a.typed}'.` } : {}),
    }),
  },
  'bad-format': {
    'zh-CN': (a) => ({ ...FORMAT_TEXT[a.format]['zh-CN'], message: `${at(a.where, 'zh-CN')}${FORMAT_TEXT[a.format]['zh-CN'].message}` }),
    en: (a) => ({ ...FORMAT_TEXT[a.format].en, message: `${at(a.where, 'en')} ${FORMAT_TEXT[a.format].en.message}` }),
  },
  'out-of-range': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}必须${a.bound === 'max' ? '不大于' : a.bound === 'min' ? '不小于' : '大于'} ${a.limit}` }),
    en: (a) => ({ message: `${at(a.where, 'en')} must be ${a.bound === 'max' ? 'at most' : a.bound === 'min' ? 'at least' : 'more than'} ${a.limit}` }),
  },
  empty: {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}不能为空` }),
    en: (a) => ({ message: `${at(a.where, 'en')} must not be empty` }),
  },
  'too-many-items': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')} 最多 ${a.limit} 项`, hint: '这超出了真实评估所需；检查是否误粘贴了数据。' }),
    en: (a) => ({
      message: `${at(a.where, 'en')} may have at most ${a.limit} entries`,
      hint: 'That is more than a real assessment needs; check for pasted data.',
    }),
  },
  'too-few-items': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}至少需要 ${a.limit} 项` }),
    en: (a) => ({ message: `${at(a.where, 'en')} must have at least ${a.limit} item(s)` }),
  },
  'schema-other': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}无效（${a.detail}）` }),
    en: (a) => ({ message: `${at(a.where, 'en')} ${a.detail}` }),
  },
  'not-a-date': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}不是有效的日历日期：${a.value}` }),
    en: (a) => ({ message: `${at(a.where, 'en')} is not a real calendar date: ${a.value}` }),
  },
  'file-and-url': {
    'zh-CN': (a) => ({ message: `${at(a.where, 'zh-CN')}同时写了 \`file\` 和 \`url\``, hint: '每项只引用一份文件；两者都有时分成两项。' }),
    en: (a) => ({ message: `${at(a.where, 'en')} has both \`file\` and \`url\``, hint: 'Cite one document per item; make two items if both exist.' }),
  },
  'unknown-criterion': {
    'zh-CN': (a) => ({
      message: `评价依据 ${a.rubric} 中没有评价项 \`${a.id}\``,
      hint: a.clauseCriteria
        ? `${a.id} 是二级指标；请改为评价其下的评价项：${a.clauseCriteria.join(', ')}。`
        : a.guess
          ? `是否应为 ${a.guess}？`
          : '用 `aftersales-assess rubric` 查看全部编号。',
    }),
    en: (a) => ({
      message: `unknown criterion id \`${a.id}\` in rubric ${a.rubric}`,
      hint: a.clauseCriteria
        ? `${a.id} is a clause; assess its criteria instead: ${a.clauseCriteria.join(', ')}.`
        : a.guess
          ? `Did you mean ${a.guess}?`
          : 'List the criteria with `aftersales-assess rubric`.',
    }),
  },
  'na-not-allowed': {
    'zh-CN': (a) => ({
      message: `评价项 ${a.id}（${a.title['zh-CN']}）不能标为 n/a`,
      hint: '只有评价依据允许删减的项目才能标为 n/a；请用 met、partial 或 not-met。',
    }),
    en: (a) => ({
      message: `criterion ${a.id} (${a.title.en}) cannot be marked n/a`,
      hint: 'Only criteria the rubric allows to be excluded (删减) may be n/a; use met, partial or not-met.',
    }),
  },
  'conforming-exceeds-checked': {
    'zh-CN': (a) => ({
      message: `${a.id} 的 \`sample.conforming\`（${a.conforming}）大于 \`sample.checked\`（${a.checked}）`,
      hint: '符合数是抽样数的一部分。',
    }),
    en: (a) => ({
      message: `\`sample.conforming\` (${a.conforming}) exceeds \`sample.checked\` (${a.checked}) for ${a.id}`,
      hint: 'Conforming items are a subset of the items checked.',
    }),
  },
  'met-with-nonconforming': {
    'zh-CN': (a) => ({ message: `${a.id} 标为 met，但抽样中有 ${a.nonconforming} 项不符合`, hint: '改为 `status: partial`，按抽样比例计分。' }),
    en: (a) => ({
      message: `${a.id} is marked met but its sample has ${a.nonconforming} non-conforming item(s)`,
      hint: 'Use `status: partial` so the sample sets the credit.',
    }),
  },
  'metric-zero': {
    'zh-CN': (a) => ({ message: `计量 ${a.criterion} 需要 \`metrics.${a.metric}\` 至少为 1` }),
    en: (a) => ({ message: `\`metrics.${a.metric}\` must be at least 1 to measure ${a.criterion}` }),
  },
  'metric-exceeds': {
    'zh-CN': (a) => ({ message: `\`metrics.${a.numerator}\`（${a.num}）不能大于 \`metrics.${a.denominator}\`（${a.den}）`, hint: '前者是后者中的一部分。' }),
    en: (a) => ({
      message: `\`metrics.${a.numerator}\` (${a.num}) cannot exceed \`metrics.${a.denominator}\` (${a.den})`,
      hint: 'The first counts a subset of the second.',
    }),
  },
  'metric-unused': {
    'zh-CN': (a) => ({
      message: `评价依据 ${a.rubric} 不使用计量数据 \`${a.metric}\``,
      hint: a.guess ? `是否应为 \`${a.guess}\`？` : `已知：${a.known.join(', ')}。`,
    }),
    en: (a) => ({
      message: `metric \`${a.metric}\` is not used by rubric ${a.rubric}`,
      hint: a.guess ? `Did you mean \`${a.guess}\`?` : `Known metrics: ${a.known.join(', ')}.`,
    }),
  },
  'unknown-industry': {
    'zh-CN': (a) => ({
      message: `没有行业档案 \`${a.industry}\``,
      hint: `${a.guess ? `是否应为 ${a.guess}？` : ''}可用：${a.known.join(', ')}（\`aftersales-assess industry list\`）；行业描述可写在其他字段，如 \`sector\`。`,
    }),
    en: (a) => ({
      message: `no industry profile \`${a.industry}\``,
      hint: `${a.guess ? `Did you mean ${a.guess}? ` : ''}Known: ${a.known.join(', ')} (\`aftersales-assess industry list\`); a free description can go in another field, e.g. \`sector\`.`,
    }),
  },
  'unknown-clause': {
    'zh-CN': (a) => ({ message: `特别扣分项引用了不存在的条款 \`${a.clause}\``, ...(a.guess ? { hint: `是否应为 ${a.guess}？` } : {}) }),
    en: (a) => ({ message: `special deduction names unknown clause \`${a.clause}\``, ...(a.guess ? { hint: `Did you mean ${a.guess}?` } : {}) }),
  },
  'too-many-bonuses': {
    'zh-CN': (a) => ({ message: `特别加分项至多 ${a.max} 项，现有 ${a.found} 项`, hint: '保留最有力的一项；标准只加一次分。' }),
    en: (a) => ({
      message: `at most ${a.max} special bonus (特别加分项) may be claimed; found ${a.found}`,
      hint: 'Keep the strongest one; the bonus is added once.',
    }),
  },
  'brand-logo': {
    'zh-CN': (a) => ({
      message: `标志文件 ${a.file}${{ missing: '不存在', 'not-a-file': '不是普通文件', 'too-large': '超过 2 MiB', 'outside-root': '不在品牌文件所在目录内', unreadable: '无法读取', 'not-an-image': '不是 PNG 或 JPEG 图片' }[a.problem]}`,
      hint: '`logo` 填写品牌文件同一目录（或其子目录）下的 PNG 或 JPEG 文件，不超过 2 MiB。',
    }),
    en: (a) => ({
      message: `logo file ${a.file} ${{ missing: 'does not exist', 'not-a-file': 'is not a regular file', 'too-large': 'is larger than 2 MiB', 'outside-root': "is not inside the brand file's folder", unreadable: 'cannot be read', 'not-an-image': 'is not a PNG or JPEG image' }[a.problem]}`,
      hint: "Set `logo` to a PNG or JPEG file of at most 2 MiB in the brand file's folder (or below it).",
    }),
  },
  'unknown-threshold-id': {
    'zh-CN': (a) => ({
      message: `未知的${{ section: '一级指标', clause: '二级指标', criterion: '评价项' }[a.what]} \`${a.id}\``,
      hint: a.guess ? `是否应为 ${a.guess}？` : `已知：${a.known.join(', ')}。`,
    }),
    en: (a) => ({ message: `unknown ${a.what} \`${a.id}\``, hint: a.guess ? `Did you mean ${a.guess}?` : `Known: ${a.known.join(', ')}.` }),
  },
};

/** A diagnostic's wording in `lang`: worded here, at the edge, never stored in the diagnostic. */
export function diagnosticText(d: Diagnostic, lang: Lang): { message: string; hint?: string } {
  const render = DIAGNOSTICS[d.code][lang] as (a: unknown) => Text;
  return render(d.args);
}
