import { dayOf, type WallMinutes } from './values.js';

/** The shape of reference/cn-work-calendar.yaml and of a `--holidays FILE`. */
export interface CalendarFile {
  version?: number;
  years: Record<string, { notice?: string; holidays?: string[]; workdays?: string[] }>;
}

/**
 * Working days with public holidays and make-up working days (调休). Day counts are arithmetic on
 * day numbers plus binary searches in the sorted holiday lists: O(log n) per count, whatever the gap.
 */
export interface WorkCalendar {
  /** Days since 1970-01-01 that are holidays falling on a weekday, sorted. */
  weekdayHolidays: Int32Array;
  /** Days since 1970-01-01 that are weekend days worked in lieu, sorted. */
  weekendWorkdays: Int32Array;
  /** Years the calendar covers; days outside them count weekends only. */
  years: { from: number; to: number } | null;
  /** Where each covered year comes from (the notice), for reports. */
  sources: Array<{ year: number; notice: string }>;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
/** 1970-01-01 was a Thursday: day n is a weekend when (n + 4) mod 7 is 0 (Sunday) or 6 (Saturday). */
const isWeekend = (n: number) => {
  const dow = (((n + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
};

export function buildCalendar(file: CalendarFile | null, extra: { holidays?: readonly string[]; extraWorkdays?: readonly string[] } = {}): WorkCalendar {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const years = Object.keys(file?.years ?? {})
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  for (const [, y] of Object.entries(file?.years ?? {})) {
    for (const d of y.holidays ?? []) holidays.add(dayNumber(d));
    for (const d of y.workdays ?? []) workdays.add(dayNumber(d));
  }
  for (const d of extra.holidays ?? []) holidays.add(dayNumber(d));
  for (const d of extra.extraWorkdays ?? []) {
    workdays.add(dayNumber(d));
    holidays.delete(dayNumber(d));
  }
  const sorted = (xs: number[]) => Int32Array.from(xs.filter(Number.isFinite)).sort();
  return {
    weekdayHolidays: sorted([...holidays].filter((n) => !isWeekend(n) && !workdays.has(n))),
    weekendWorkdays: sorted([...workdays].filter((n) => isWeekend(n))),
    years: years.length ? { from: years[0]!, to: years[years.length - 1]! } : null,
    sources: Object.entries(file?.years ?? {}).map(([year, y]) => ({ year: Number(year), notice: y.notice ?? '' })),
  };
}

export const WEEKENDS_ONLY: WorkCalendar = buildCalendar(null);

/** Weekdays among day numbers 0..n-1 counted from a Thursday. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  // Days 0..rest-1 of a week starting on Thursday: Thu Fri Sat Sun Mon Tue Wed.
  const partial = [0, 1, 2, 2, 2, 3, 4][rest]!;
  return weeks * 5 + partial;
}

/** Entries of a sorted array in [lo, hi). */
function countIn(xs: Int32Array, lo: number, hi: number): number {
  const bound = (v: number) => {
    let a = 0;
    let b = xs.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (xs[m]! < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return hi <= lo ? 0 : bound(hi) - bound(lo);
}

export function isWorkday(day: string, cal: WorkCalendar): boolean {
  const n = dayNumber(day);
  return countIn(cal.weekendWorkdays, n, n + 1) === 1 || (!isWeekend(n) && countIn(cal.weekdayHolidays, n, n + 1) === 0);
}

/**
 * Working days from `from` to `to`: the working days after the day `from` falls on, up to and
 * including the day of `to`. Opened Friday and answered Monday is 1; answered the same day is 0.
 */
export function workingDaysBetween(from: WallMinutes, to: WallMinutes, cal: WorkCalendar): number {
  const a = Math.floor(from / 1440) + 1;
  const b = Math.floor(to / 1440) + 1; // exclusive end: the day of `to` is included
  if (b <= a) return 0;
  // Shift by a multiple of 7 so that day numbers before 1970 stay non-negative for the week arithmetic.
  const shift = 7 * 100_000;
  const weekdays = weekdaysBefore(b + shift) - weekdaysBefore(a + shift);
  return weekdays - countIn(cal.weekdayHolidays, a, b) + countIn(cal.weekendWorkdays, a, b);
}

/** Whether a timestamp's year is covered by the calendar's holiday notices. */
export function coveredYear(t: WallMinutes, cal: WorkCalendar): boolean {
  if (!cal.years) return false;
  const y = Number(dayOf(t).slice(0, 4));
  return y >= cal.years.from && y <= cal.years.to;
}
