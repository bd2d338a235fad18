import type { Localized } from '../model/localized.js';
import { fold } from './chineseText.js';

/** The shape of reference/survey-themes.yaml and of a `--themes FILE`. */
export interface ThemeDictionary {
  version?: number;
  negators?: string[];
  notNegators?: string[];
  requests?: string[];
  themes: Array<{ id: string; label: Localized & { 'zh-TW'?: string }; complaint: string[]; praise?: string[] }>;
}

export interface CompiledThemes {
  themes: Array<{ id: string; label: Localized; complaint: RegExp; praise: RegExp | null }>;
  negator: RegExp;
  notNegator: RegExp;
  request: RegExp;
}

const ASCII = /^[\x20-\x7e]+$/;
/** Latin patterns match whole words ("late" not in "translate"). */
const wordy = (p: string) => (ASCII.test(p) && /^[a-z(]/i.test(p) ? `(?<![a-z])(?:${p})(?![a-z])` : `(?:${p})`);
const alternation = (ps: readonly string[]) => new RegExp(ps.map(wordy).join('|'), 'gi');

/** Merges user themes over the bundled ones (same id: replaced) and compiles the patterns once. */
export function compileThemes(base: ThemeDictionary, extra?: ThemeDictionary): CompiledThemes {
  const byId = new Map(base.themes.map((t) => [t.id, t]));
  for (const t of extra?.themes ?? []) byId.set(t.id, t);
  const negators = [...(base.negators ?? []), ...(extra?.negators ?? [])];
  const notNegators = [...(base.notNegators ?? []), ...(extra?.notNegators ?? [])];
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    themes: [...byId.values()].map((t) => ({
      id: t.id,
      label: { 'zh-CN': t.label['zh-CN'], en: t.label.en },
      complaint: alternation(t.complaint),
      praise: t.praise?.length ? alternation(t.praise) : null,
    })),
    negator: new RegExp(`(?:${negators.map((n) => (ASCII.test(n) ? `(?<![a-z])${escapeRe(n)}(?![a-z])` : escapeRe(n))).join('|')})`, 'i'),
    notNegator: new RegExp(notNegators.map(escapeRe).join('|') || '(?!)', 'gi'),
    request: new RegExp(`^\\s*(?:${[...(base.requests ?? []), ...(extra?.requests ?? [])].map(escapeRe).join('|') || '(?!)'})`, 'i'),
  };
}

const CLAUSE = /[，。；！？!?;,.\n]+|但是|但|可是|不过|\bbut\b/i;
/** How far before a complaint a negator still negates it (characters within the clause). */
const NEGATION_WINDOW = 6;

export interface ThemeHits {
  complaints: string[];
  praise: string[];
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

function matchThemesUncached(answer: string, t: CompiledThemes): ThemeHits {
  const complaints = new Set<string>();
  const praise = new Set<string>();
  for (const clause of fold(answer).split(CLAUSE)) {
    if (clause.trim() === '') continue;
    for (const theme of t.themes) {
      let complained = false;
      theme.complaint.lastIndex = 0;
      for (let m = theme.complaint.exec(clause); m; m = theme.complaint.exec(clause)) {
        const before = clause.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index).replace(t.notNegator, '');
        if (!t.negator.test(before)) {
          complained = true;
          break;
        }
        if (m[0].length === 0) theme.complaint.lastIndex++;
      }
      if (complained) complaints.add(theme.id);
      else if (theme.praise) {
        theme.praise.lastIndex = 0;
        if (theme.praise.test(clause)) (t.request.test(clause) ? complaints : praise).add(theme.id);
      }
    }
  }
  for (const id of complaints) praise.delete(id);
  return { complaints: [...complaints], praise: [...praise] };
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
