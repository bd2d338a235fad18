import type { Localized } from '../model/localized.js';
import { fold } from './chineseText.js';

/** Seed 002's classes of feedback (步骤三): 服务质量类, 服务态度类, 流程体验类, 其他建议. */
export type ThemeClass = 'quality' | 'attitude' | 'process' | 'other';
export const THEME_CLASSES: readonly ThemeClass[] = ['quality', 'attitude', 'process', 'other'];

/** The shape of reference/survey-themes.yaml and of a `--themes FILE`. */
export interface ThemeDictionary {
  version?: number;
  classes?: Array<{ id: ThemeClass; label: Localized }>;
  negators?: string[];
  notNegators?: string[];
  requests?: string[];
  improvers?: string[];
  themes: Array<{
    id: string;
    label: Localized & { 'zh-TW'?: string };
    /** Seed 002's class; a user theme without one is counted under 其他建议. */
    class?: ThemeClass;
    complaint: string[];
    praise?: string[];
    /** The aspect words: named with an improver or in a request, the clause complains about the theme. */
    topics?: string[];
    /** Themes this more specific one replaces when both match one clause. */
    supersedes?: string[];
    /** Themes it replaces in the next clause when this one's topic was named (约好上午来，下午才到). */
    carriesOver?: string[];
  }>;
}

export interface CompiledTheme {
  id: string;
  label: Localized;
  class: ThemeClass;
  complaint: RegExp;
  praise: RegExp | null;
  topic: RegExp | null;
  supersedes: readonly string[];
  carriesOver: readonly string[];
}
export interface CompiledThemes {
  themes: CompiledTheme[];
  classes: Record<ThemeClass, Localized>;
  negator: RegExp;
  notNegator: RegExp;
  request: RegExp;
  improver: RegExp;
}

const ASCII = /^[\x20-\x7e]+$/;
/** Latin patterns match whole words ("late" not in "translate"). */
const wordy = (p: string) => (ASCII.test(p) && /^[a-z(]/i.test(p) ? `(?<![a-z])(?:${p})(?![a-z])` : `(?:${p})`);
const alternation = (ps: readonly string[]) => new RegExp(ps.map(wordy).join('|'), 'gi');
const CLASS_LABELS: Record<ThemeClass, Localized> = {
  quality: { 'zh-CN': '服务质量类', en: 'service quality' },
  attitude: { 'zh-CN': '服务态度类', en: 'service attitude' },
  process: { 'zh-CN': '流程体验类', en: 'process experience' },
  other: { 'zh-CN': '其他建议', en: 'other suggestions' },
};

/** Merges user themes over the bundled ones (same id: replaced) and compiles the patterns once. */
export function compileThemes(base: ThemeDictionary, extra?: ThemeDictionary): CompiledThemes {
  const byId = new Map(base.themes.map((t) => [t.id, t]));
  for (const t of extra?.themes ?? []) byId.set(t.id, t);
  const list = (k: 'negators' | 'notNegators' | 'requests' | 'improvers') => [...(base[k] ?? []), ...(extra?.[k] ?? [])];
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const classes = { ...CLASS_LABELS };
  for (const c of [...(base.classes ?? []), ...(extra?.classes ?? [])]) if (c.id in classes) classes[c.id] = { 'zh-CN': c.label['zh-CN'], en: c.label.en };
  return {
    themes: [...byId.values()].map((t) => ({
      id: t.id,
      label: { 'zh-CN': t.label['zh-CN'], en: t.label.en },
      class: t.class && THEME_CLASSES.includes(t.class) ? t.class : 'other',
      complaint: alternation(t.complaint),
      praise: t.praise?.length ? alternation(t.praise) : null,
      topic: t.topics?.length ? alternation(t.topics) : null,
      supersedes: t.supersedes ?? [],
      carriesOver: t.carriesOver ?? [],
    })),
    classes,
    negator: new RegExp(
      `(?:${list('negators')
        .map((n) => (ASCII.test(n) ? `(?<![a-z])${escapeRe(n)}(?![a-z])` : escapeRe(n)))
        .join('|')})`,
      'i',
    ),
    notNegator: new RegExp(list('notNegators').map(escapeRe).join('|') || '(?!)', 'gi'),
    // Within the first few characters of the clause: "就是希望…", "其他都好，希望…".
    request: new RegExp(`^.{0,4}?(?:${list('requests').map(escapeRe).join('|') || '(?!)'})`, 'i'),
    improver: alternation(list('improvers')),
  };
}

const CLAUSE = /[，。；！？!?;,.\n]+|但是|但|可是|不过|就是|可惜|\bbut\b/i;
/** How far before a complaint a negator still negates it (characters within the clause). */
const NEGATION_WINDOW = 6;

export interface ThemeHits {
  complaints: string[];
  praise: string[];
  /** Some clause asks for something (希望…, 建议…): with no complaint theme it is one of 其他建议. */
  request: boolean;
}

const memo = new WeakMap<CompiledThemes, Map<string, ThemeHits>>();

/** Themes one free-text answer complains about or praises (see reference/survey-themes.yaml). */
export function matchThemes(answer: string, t: CompiledThemes): ThemeHits {
  // Short answers repeat ("服务很好", "态度好"): remember them, up to a bound.
  let cache = memo.get(t);
  if (!cache) memo.set(t, (cache = new Map()));
  const known = cache.get(answer);
  if (known) return known;
  const hits = matchThemesUncached(answer, t);
  if (cache.size < 50_000) cache.set(answer, hits);
  return hits;
}

/** A match of `re` in the clause not negated by a negator just before it. */
function unnegated(re: RegExp, clause: string, t: CompiledThemes): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const before = clause.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index).replace(t.notNegator, '');
    if (!t.negator.test(before)) return true;
    // Retry from the next character: a shorter alternative may start after the negated one (能不能快点).
    re.lastIndex = m.index + 1;
  }
  return false;
}

/** The length of the longest praise match in the clause; negative when negated (不及时, 没有人主动告知); 0 for none. */
function praiseIn(re: RegExp, clause: string, t: CompiledThemes): number {
  re.lastIndex = 0;
  let best = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const before = clause.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index).replace(t.notNegator, '');
    if (t.negator.test(before)) return -m[0].length;
    best = Math.max(best, m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

function matchThemesUncached(answer: string, t: CompiledThemes): ThemeHits {
  const complaints = new Set<string>();
  const praise = new Set<string>();
  let anyRequest = false;
  // Themes whose topic the previous clause named and that carry over into this one.
  let carried: CompiledTheme[] = [];
  for (const clause of fold(answer).split(CLAUSE)) {
    if (clause.trim() === '') continue;
    const request = t.request.test(clause);
    anyRequest ||= request;
    const here = new Set<string>();
    const named: CompiledTheme[] = [];
    // In a request, praise words ask for what was missing; only the most specific one counts
    // (建议及时告知进度 asks for updates, not for speed in general).
    let asked: { id: string; length: number } | null = null;
    for (const theme of t.themes) {
      let topic = false;
      if (theme.topic) {
        theme.topic.lastIndex = 0;
        topic = theme.topic.test(clause);
        if (topic && theme.carriesOver.length) named.push(theme);
      }
      if (unnegated(theme.complaint, clause, t)) here.add(theme.id);
      else if (topic && (request || unnegated(t.improver, clause, t))) here.add(theme.id);
      else if (theme.praise) {
        const p = praiseIn(theme.praise, clause, t);
        // Praise denied is a complaint: 没有人主动告知, 不太专业.
        if (p < 0) here.add(theme.id);
        else if (p > 0 && request) {
          if (!asked || p > asked.length) asked = { id: theme.id, length: p };
        } else if (p > 0) praise.add(theme.id);
      }
    }
    if (asked) here.add(asked.id);
    for (const theme of [...carried, ...named]) {
      if (theme.carriesOver.some((s) => here.has(s))) {
        for (const s of theme.carriesOver) here.delete(s);
        here.add(theme.id);
      }
    }
    for (const theme of t.themes) if (here.has(theme.id)) for (const s of theme.supersedes) here.delete(s);
    for (const id of here) complaints.add(id);
    carried = named;
  }
  for (const id of complaints) praise.delete(id);
  return { complaints: [...complaints], praise: [...praise], request: anyRequest };
}

// Phone numbers: mainland mobiles with or without +86 and with spaces or dashes in the usual 3-4-4
// grouping, and landlines with an area code. E-mail: any non-space local part and domain (IDN too).
// Both are matched on folded text (foldForMatching), so the ASCII forms are enough here.
// A mobile number with or without +86 / 0086 / 86 written straight before it, or a landline with its area
// code (in brackets or not).
const PHONE = /(?:(?<![\d+])(?:\+|00)?86[\s-]?|(?<!\d))1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<!\d)(?:0\d{2,3}|\(0\d{2,3}\))[\s-]?\d{7,8}(?!\d)/g;
/** Characters that end an address on either side of its `@`. */
const EMAIL_STOP = /[\s@<>()[\]{}"',;:，。；：]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

/**
 * The text with each character replaced by its NFKC form where that is one character (full-width digits,
 * ＋, ＠, the ideographic space U+3000) and every dash made `-`, so that a number typed on a Chinese
 * input method is found like an ASCII one. Lengths are kept: a match is a range of the original text,
 * which is shown with its own full-width punctuation.
 */
function foldForMatching(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c < '\u00a0') out += c;
    else if (DASHES.test(c)) out += '-';
    else {
      const n = c.normalize('NFKC');
      out += n.length === 1 ? n : c;
    }
  }
  return out;
}

function maskMatches(s: string, find: (folded: string) => Iterable<[number, number]>, label: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of find(foldForMatching(s))) {
    out += s.slice(at, start) + label;
    at = end;
  }
  return at === 0 ? s : out + s.slice(at);
}

function* phones(folded: string): Iterable<[number, number]> {
  for (const m of folded.matchAll(PHONE)) yield [m.index, m.index + m[0].length];
}

/**
 * name@domain.tld: the run of address characters on each side of an `@`, the right one holding a dot with
 * a name before it and two characters after. Found from each `@` outwards, so a long cell costs one pass
 * (a regular expression retried from every start position took minutes on a 200 000-character cell).
 */
function* emails(folded: string): Iterable<[number, number]> {
  let from = 0;
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && !EMAIL_STOP.test(folded[start - 1]!)) start--;
    let end = at + 1;
    while (end < folded.length && !EMAIL_STOP.test(folded[end]!)) end++;
    const dot = folded.lastIndexOf('.', end - 3);
    if (start < at && dot > at + 1) {
      yield [start, end];
      from = end;
    }
  }
}

/** Phone numbers and e-mail addresses are replaced before any text leaves the analysis. */
export function maskPersonalData(s: string): string {
  return maskMatches(maskMatches(s, emails, '[email]'), phones, '[phone]');
}
