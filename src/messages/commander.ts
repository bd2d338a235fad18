import type { Lang } from '../model/localized.js';

/**
 * Commander writes its headings, option details and parse errors in English. For a zh-CN user they are
 * translated here, by pattern, at the edge: the catalogue is the one place this wording lives.
 */

export const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** "(choices: "a", "b", default: "x")" as commander appends it to a description. */
export function optionDetails(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(
    / ?\((choices: .*?|default: .*?|preset: .*?|env: .*?)\)$/s,
    (_, inner: string) =>
      `（${inner
        .replace(/choices: /, '可选值：')
        .replace(/default: /, '默认：')
        .replace(/preset: /, '预设：')
        .replace(/env: /, '环境变量：')
        .replace(/, (?=默认|预设|环境变量)/g, '；')}）`,
  );
}

const ERRORS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown option '([^']*)'/, (m) => `错误：未知选项 ${m[1]}`],
  [/^error: unknown command '([^']*)'/, (m) => `错误：未知命令 ${m[1]}`],
  [/^error: missing required argument '([^']*)'/, (m) => `错误：缺少必需的参数 ${m[1]}`],
  [/^error: option '([^']*)' argument missing/, (m) => `错误：选项 ${m[1]} 缺少取值`],
  [/^error: required option '([^']*)' not specified/, (m) => `错误：必须给出选项 ${m[1]}`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m) => `错误：选项 ${m[1]} 的取值“${m[2]}”无效。可选值：${m[3]}`],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\./,
    (m) => `错误：参数 ${m[2]} 的取值“${m[1]}”无效。可选值：${m[3]}`,
  ],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (m) => `错误：参数 ${m[2]} 的取值“${m[1]}”无效`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (m) => `错误：选项 ${m[1]} 的取值“${m[2]}”无效`],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m) => `错误：参数过多${m[1] ? `（${m[1]}）` : ''}：应为 ${m[2]} 个，实际 ${m[3]} 个`,
  ],
  [/^error: (.*) cannot be used with (.*)$/, (m) => `错误：${m[1]} 不能与 ${m[2]} 同时使用`],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => `（是否想输入以下之一：${m[1]}？）`],
  [/^\(Did you mean (.*)\?\)$/, (m) => `（是否想输入 ${m[1]}？）`],
];

/** A commander error message in the user's language, line by line; unknown lines pass unchanged. */
export function commanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [re, word] of ERRORS) {
        const m = re.exec(line);
        if (m) return word(m) + line.slice(m[0].length);
      }
      return line;
    })
    .join('\n');
}

export const AFTER_ERROR: Record<Lang, string> = {
  'zh-CN': '（用 --help 查看用法）',
  en: '(run with --help for usage)',
};
