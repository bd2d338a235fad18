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
  const d = (i: number) => s.charCodeAt(i) - 48;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (d(i) < 0 || d(i) > 9) return null;
  let h = 0;
  let mi = 0;
  let se = 0;
  if (n >= 16) {
    const sep = s.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return null;
    for (const i of [11, 12, 14, 15]) if (d(i) < 0 || d(i) > 9) return null;
    h = d(11) * 10 + d(12);
    mi = d(14) * 10 + d(15);
    if (n === 19) {
      if (s.charCodeAt(16) !== 58 || d(17) < 0 || d(17) > 9 || d(18) < 0 || d(18) > 9) return null;
      se = d(17) * 10 + d(18);
    }
  }
  return civil(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6), d(8) * 10 + d(9), h, mi, se);
}

function civil(y: number, mo: number, d: number, h: number, mi: number, se: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 60000);
}

export function dayOf(t: WallMinutes): string {
  return new Date(t * 60000).toISOString().slice(0, 10);
}

/** Cells that mean "no answer": seed 002 makes most fields optional, and exports fill gaps with these. */
const PLACEHOLDERS = new Set(['', '/', '-', '--', '—', '——', '–', '无', '空', '未填', '未填写', '不适用', 'n/a', 'na', 'none', 'null', '#n/a', '…', '...', '?', '？']);

export function isPlaceholder(s: string): boolean {
  return PLACEHOLDERS.has(s.trim().toLowerCase());
}

function toHalf(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
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
  if (cell === null) return null;
  const s = toHalf(String(cell)).replace(/次$/, '');
  if (isPlaceholder(s)) return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 && n < 1000 ? n : 'invalid';
}

export function text(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}
