import { dayOf, type WallMinutes } from './values.js';

/** Public holidays, and the weekend days worked instead (调休), both as YYYY-MM-DD. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

export const NO_HOLIDAYS: WorkCalendar = { holidays: new Set(), extraWorkdays: new Set() };

export function isWorkday(day: string, cal: WorkCalendar): boolean {
  if (cal.extraWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Working days from `from` to `to`: the working days after the day `from` falls on, up to and
 * including the day of `to`. Opened Friday and answered Monday is 1; answered the same day is 0.
 */
export function workingDaysBetween(from: WallMinutes, to: WallMinutes, cal: WorkCalendar): number {
  const start = dayOf(from);
  const end = dayOf(to);
  if (end <= start) return 0;
  let n = 0;
  for (let t = Date.parse(`${start}T00:00:00Z`) + 86_400_000; ; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (isWorkday(d, cal)) n++;
    if (d >= end) return n;
  }
}
