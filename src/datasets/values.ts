import type { RawCell } from './table.js';

/**
 * A timestamp in minutes since 1970 on the wall clock as written (no time zone): service records
 * from one export share one zone, and durations are what matter.
 */
export type WallMinutes = number;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{2})分?(?::(\d{2}))?)?$/;

/** ISO, 2026/3/5, 2026.3.5, 2026年3月5日 (with optional time), Excel serial days, or a Date from XLSX. */
export function parseDateTime(cell: RawCell): WallMinutes | null {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : Math.round(cell.getTime() / 60000);
  if (typeof cell === 'number') {
    // Excel serial date: days since 1899-12-30.
    if (cell > 20000 && cell < 80000) return Math.round((cell - 25569) * 1440);
    return null;
  }
  const s = String(cell).trim().replace(/Z$/, '');
  const m = ISO.exec(s) ?? ZH.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || mi! > 59) return null;
  return Math.round(t / 60000);
}

export function dayOf(t: WallMinutes): string {
  return new Date(t * 60000).toISOString().slice(0, 10);
}

/** A 1–5 rating: 5, "5", "5分", "５"; null when empty; NaN when present but not a rating. */
export function parseRating(cell: RawCell): number | null {
  if (cell === null || cell === '') return null;
  const s = String(cell).trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/分$/, '');
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : Number.NaN;
}

export function parseCount(cell: RawCell): number | null {
  if (cell === null || cell === '') return null;
  const n = Number(String(cell).trim().replace(/次$/, ''));
  return Number.isInteger(n) && n >= 0 ? n : Number.NaN;
}

export function text(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}
