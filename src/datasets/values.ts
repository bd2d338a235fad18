import { fold } from './chineseText.js';
import type { RawCell } from './table.js';

/**
 * A timestamp in minutes since 1970 on the wall clock as written (no time zone): service records
 * from one export share one zone, and durations are what matter.
 */
export type WallMinutes = number;

/** Dates outside these years are typing errors, not service history (and would make day counts absurd). */
export const PLAUSIBLE_YEARS = { from: 1990, to: 2100 } as const;
const MIN_T = Date.UTC(PLAUSIBLE_YEARS.from, 0, 1) / 60000;
const MAX_T = Date.UTC(PLAUSIBLE_YEARS.to + 1, 0, 1) / 60000;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?$/i;
const ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(\d{1,2})[:时点](\d{2})分?(?::(\d{2})秒?)?)?$/;
/** Excel serial days (1899-12-30 epoch) that fall in the plausible years. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;

export type DateResult = WallMinutes | 'unreadable' | 'implausible';

/**
 * ISO (with optional T, seconds, Z or offset, which are ignored: wall-clock time as written),
 * 2026/3/5, 2026.3.5, 2026年3月5日 14时30分, Excel serial days (in a CSV too), or a Date from XLSX.
 * Empty and placeholder cells are null.
 */
export function parseDateTime(cell: RawCell): DateResult | null {
  if (cell === null) return null;
  let t: number;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'unreadable';
    t = Math.round(cell.getTime() / 60000);
  } else if (typeof cell === 'number') {
    t = Math.round((cell - 25569) * 1440);
  } else {
    const s = String(cell).trim();
    if (s === '') return null;
    const fast = fastIso(s);
    if (fast !== null) t = fast;
    else {
      const h = toHalf(s);
      if (isPlaceholder(h)) return null;
      if (SERIAL.test(h)) t = Math.round((Number(h) - 25569) * 1440);
      else {
        const m = ISO.exec(h) ?? ZH.exec(h);
        if (!m) return 'unreadable';
        const r = civil(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
        if (r === null) return 'unreadable';
        t = r;
      }
    }
  }
  return t >= MIN_T && t < MAX_T ? t : 'implausible';
}

/** "2026-03-05" or "2026-03-05 14:30[:ss]": the shape nearly every export uses, without a regex. */
function fastIso(s: string): number | null {
  const n = s.length;
  if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return null;
  let h = 0;
  let mi = 0;
  let se = 0;
  if (n >= 16) {
    const sep = s.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return null;
    h = digits(s, 11, 2);
    mi = digits(s, 14, 2);
    if (h < 0 || mi < 0) return null;
    if (n === 19) {
      if (s.charCodeAt(16) !== 58) return null;
      se = digits(s, 17, 2);
      if (se < 0) return null;
    }
  }
  return civil(y, mo, d, h, mi, se);
}

/** The decimal number in s[from, from+len), or -1 when a character is not a digit. */
function digits(s: string, from: number, len: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Minutes since 1970 of a wall-clock time, or null for a day that does not exist (2026-02-30). */
function civil(y: number, mo: number, d: number, h: number, mi: number, se: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!)) return null;
  return daysFromCivil(y, mo, d) * 1440 + h * 60 + mi + Math.round(se / 60);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm): no Date objects per cell. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const dayCache = new Map<number, string>();
/** YYYY-MM-DD of a timestamp; memoised per day, as exports repeat the same few hundred days. */
export function dayOf(t: WallMinutes): string {
  const n = Math.floor(t / 1440);
  let s = dayCache.get(n);
  if (s === undefined) {
    s = new Date(n * 86_400_000).toISOString().slice(0, 10);
    if (dayCache.size < 100_000) dayCache.set(n, s);
  }
  return s;
}

/** Cells that mean "no answer": seed 002 makes most fields optional, and exports fill gaps with these. */
const PLACEHOLDERS = new Set([
  '',
  '/',
  '-',
  '--',
  '—',
  '——',
  '–',
  '无',
  '空',
  '未填',
  '未填写',
  '不适用',
  'n/a',
  'na',
  'none',
  'null',
  '#n/a',
  '…',
  '...',
  '?',
  '？',
]);

const PLACEHOLDER_STARTS = new Set([...PLACEHOLDERS].map((p) => p.charCodeAt(0)).concat([32, 9, 0x3000, 78, 0xa0]));
export function isPlaceholder(s: string): boolean {
  // Every placeholder is short and starts with one of a few characters: most cells are decided at once.
  if (s.length === 0) return true;
  if (s.length > 8 || !PLACEHOLDER_STARTS.has(s.charCodeAt(0))) return false;
  return PLACEHOLDERS.has(s.trim().toLowerCase());
}

function toHalf(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export type RatingResult = number | null | 'invalid';

/**
 * A 1–5 rating as the seed-002 form and real exports write it: 5, "5分", "５", "5星", "5=非常快",
 * "5（非常满意）", or the form's own scale word for the dimension (`words`, Simplified, folded).
 * Placeholders are no answer; anything else (0, 6, 4.5, prose) is invalid.
 */
export function parseRating(cell: RawCell, words: ReadonlyMap<string, number>): RatingResult {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= 5 ? cell : 'invalid';
  const s = typeof cell === 'string' ? cell : String(cell);
  if (s.length === 1) {
    const c = s.charCodeAt(0) - 48;
    if (c >= 1 && c <= 5) return c;
  }
  const f = fold(s);
  if (isPlaceholder(f)) return null;
  const word = words.get(f);
  if (word !== undefined) return word;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(?:分|星|points?|pts?)?(?:\s*[=:：、.\-—()（）]\s*(.*?)[)）]?)?$/.exec(f) ?? /^([0-9]+)\s+(\D.*)$/.exec(f);
  if (m) {
    const n = Number(m[1]);
    if (!Number.isInteger(n) || n < 1 || n > 5) return 'invalid';
    // "5=非常快": the number decides; a label that names another point on the scale is a contradiction.
    const label = m[2]?.trim();
    if (label) {
      const w = words.get(label);
      if (w !== undefined && w !== n) return 'invalid';
    }
    return n;
  }
  return 'invalid';
}

export function parseCount(cell: RawCell): number | null | 'invalid' {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string' && cell.length === 1) {
    const c = cell.charCodeAt(0) - 48;
    if (c >= 0 && c <= 9) return c;
  }
  const s = toHalf(String(cell)).replace(/次$/, '');
  if (isPlaceholder(s)) return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 && n < 1000 ? n : 'invalid';
}

export function text(cell: RawCell): string {
  if (cell === null) return '';
  // A date cell outside what a Date can hold (a serial such as 1e300) arrives as an invalid Date; it is shown
  // as Excel shows such a cell, and the date reader already refuses it as a row error.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '#####' : cell.toISOString();
  return String(cell).trim();
}
