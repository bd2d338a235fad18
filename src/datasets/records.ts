import type { Ratio } from '../model/units.js';
import type { Commitments } from '../model/evidence.js';
import { roundTo } from '../model/units.js';
import { RECORD_COLUMNS, RECORD_REQUIRED, mapColumns, type RecordField } from './columns.js';
import type { Table } from './table.js';
import { parseCount, parseDateTime, text, type WallMinutes } from './values.js';
import { workingDaysBetween, type WorkCalendar } from './workingDays.js';

export const RECORD_TYPES = ['repair', 'installation', 'consultation', 'complaint', 'other'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const TYPE_WORDS: Array<[RecordType, RegExp]> = [
  ['complaint', /投诉|complain/i],
  ['repair', /维修|报修|故障|repair|fault/i],
  ['installation', /安装|送装|配送|调试|install|deliver/i],
  ['consultation', /咨询|查询|问询|consult|enquir|inquir/i],
];

export type { Commitments } from '../model/evidence.js';

/** Common benchmarks buyers and tenders ask for (seed 001): not the standard, a yardstick. */
export const BENCHMARKS = {
  repairResponseHours: 24,
  remoteRepairResponseHours: 48,
  complaintReplyWorkingDays: 5,
  complaintResolutionWorkingDays: 30,
} as const;

export interface Distribution {
  n: number;
  /** Linear-interpolated percentiles (as Excel PERCENTILE.INC). */
  median: number | null;
  p90: number | null;
}

export interface Within {
  limit: number;
  unit: 'hours' | 'working days';
  /** Repairs in remote regions are held to this limit instead. */
  remoteLimit?: number;
  /** Records measured (those with the timestamps needed). */
  n: number;
  within: number;
  share: Ratio | null;
}

export interface TypeStats {
  type: RecordType;
  count: number;
  /** Hours from opened to first response (repair and installation: to on-site arrival when recorded). */
  responseHours: Distribution;
  /** Hours from opened to resolved. */
  resolutionHours: Distribution;
  commitment: { response?: Within; reply?: Within; resolution?: Within };
  benchmark: { response?: Within; reply?: Within; resolution?: Within };
  /** Share of resolved repairs and installations done in one visit. */
  firstTimeFix: { n: number; share: Ratio | null } | null;
  /** Still open past the commitment (or benchmark) on the as-of date. */
  overdueOpen: { count: number; ids: string[] };
}

export type RecordInvalid =
  | { code: 'missing-field'; field: string }
  | { code: 'bad-date'; field: string; value: string }
  | { code: 'bad-count'; field: string; value: string }
  | { code: 'before-opened'; field: string }
  | { code: 'duplicate-id'; id: string; firstLine: number };

export interface RecordsAnalysis {
  dataset: { file: string; format: string; encoding: string | null; sha256: string; rows: number };
  valid: number;
  invalid: Array<{ line: number; reason: RecordInvalid }>;
  asOf: string;
  types: TypeStats[];
}

interface Ticket {
  id: string;
  type: RecordType;
  opened: WallMinutes;
  firstResponse: WallMinutes | null;
  onSite: WallMinutes | null;
  resolved: WallMinutes | null;
  visits: number | null;
  remote: boolean;
}

/** Pure: table + commitments + calendar + as-of date -> per-type statistics. */
export function analyzeRecords(
  table: Table,
  o: { commitments?: Commitments; calendar: WorkCalendar; asOf: string; mapping?: Partial<Record<string, string>> },
): RecordsAnalysis {
  const cols = mapColumns<RecordField>(table, RECORD_COLUMNS, RECORD_REQUIRED, o.mapping);
  const invalid: RecordsAnalysis['invalid'] = [];
  const seen = new Map<string, number>();
  const tickets: Ticket[] = [];
  for (const row of table.rows) {
    const get = (f: RecordField) => (cols[f] === undefined ? null : row.cells[cols[f]!] ?? null);
    const fail = (reason: RecordInvalid) => invalid.push({ line: row.line, reason });
    const id = text(get('id'));
    const typeLabel = text(get('type'));
    if (!id) { fail({ code: 'missing-field', field: 'id' }); continue; }
    if (!typeLabel) { fail({ code: 'missing-field', field: 'type' }); continue; }
    const times: Partial<Record<'opened' | 'firstResponse' | 'onSite' | 'resolved', WallMinutes | null>> = {};
    let bad = false;
    for (const f of ['opened', 'firstResponse', 'onSite', 'resolved'] as const) {
      const raw = get(f);
      if (raw === null || text(raw) === '') { times[f] = null; continue; }
      const t = parseDateTime(raw);
      if (t === null) { fail({ code: 'bad-date', field: f, value: text(raw) }); bad = true; break; }
      times[f] = t;
    }
    if (bad) continue;
    if (times.opened == null) { fail({ code: 'missing-field', field: 'opened' }); continue; }
    const later = (['firstResponse', 'onSite', 'resolved'] as const).find((f) => times[f] != null && times[f]! < times.opened!);
    if (later) { fail({ code: 'before-opened', field: later }); continue; }
    const visits = parseCount(get('visits'));
    if (Number.isNaN(visits)) { fail({ code: 'bad-count', field: 'visits', value: text(get('visits')) }); continue; }
    const first = seen.get(id);
    if (first !== undefined) { fail({ code: 'duplicate-id', id, firstLine: first }); continue; }
    seen.set(id, row.line);
    tickets.push({
      id,
      type: TYPE_WORDS.find(([, re]) => re.test(typeLabel))?.[0] ?? 'other',
      opened: times.opened,
      firstResponse: times.firstResponse ?? null,
      onSite: times.onSite ?? null,
      resolved: times.resolved ?? null,
      visits,
      remote: /偏远|远郊|山区|remote|rural/i.test(text(get('region'))),
    });
  }

  const asOfEnd = Date.parse(`${o.asOf}T23:59:00Z`) / 60000;
  const c = o.commitments ?? {};
  const types = RECORD_TYPES.map((type) => {
    const ts = tickets.filter((t) => t.type === type);
    if (ts.length === 0) return null;
    const responseAt = (t: Ticket) => (type === 'repair' || type === 'installation' ? (t.onSite ?? t.firstResponse) : t.firstResponse);
    const hours = (a: WallMinutes, b: WallMinutes) => (b - a) / 60;
    const responseHours = ts.flatMap((t) => (responseAt(t) !== null ? [hours(t.opened, responseAt(t)!)] : []));
    const resolutionHours = ts.flatMap((t) => (t.resolved !== null ? [hours(t.opened, t.resolved)] : []));
    const stats: TypeStats = {
      type,
      count: ts.length,
      responseHours: distribution(responseHours),
      resolutionHours: distribution(resolutionHours),
      commitment: {},
      benchmark: {},
      firstTimeFix: null,
      overdueOpen: { count: 0, ids: [] },
    };
    const withinHours = (limit: (t: Ticket) => number | undefined, base?: number, remote?: number): Within | undefined => {
      const measured = ts.filter((t) => responseAt(t) !== null && limit(t) !== undefined);
      if (measured.length === 0) return undefined;
      const within = measured.filter((t) => hours(t.opened, responseAt(t)!) <= limit(t)!).length;
      const shown = base ?? limit(measured[0]!)!;
      return { limit: shown, unit: 'hours', ...(remote !== undefined && remote !== shown ? { remoteLimit: remote } : {}), n: measured.length, within, share: roundTo(within / measured.length, 4) };
    };
    const withinDays = (at: (t: Ticket) => WallMinutes | null, limit: number | undefined): Within | undefined => {
      if (limit === undefined) return undefined;
      const measured = ts.filter((t) => at(t) !== null);
      if (measured.length === 0) return { limit, unit: 'working days', n: 0, within: 0, share: null };
      const within = measured.filter((t) => workingDaysBetween(t.opened, at(t)!, o.calendar) <= limit).length;
      return { limit, unit: 'working days', n: measured.length, within, share: roundTo(within / measured.length, 4) };
    };
    let overdue: (t: Ticket) => boolean = () => false;
    if (type === 'repair') {
      const commit = (t: Ticket) => (t.remote ? c.remoteRepairResponseHours ?? c.repairResponseHours : c.repairResponseHours);
      if (c.repairResponseHours !== undefined) stats.commitment.response = withinHours(commit, c.repairResponseHours, c.remoteRepairResponseHours);
      stats.benchmark.response = withinHours((t) => (t.remote ? BENCHMARKS.remoteRepairResponseHours : BENCHMARKS.repairResponseHours), BENCHMARKS.repairResponseHours, BENCHMARKS.remoteRepairResponseHours);
      const limit = (t: Ticket) => commit(t) ?? (t.remote ? BENCHMARKS.remoteRepairResponseHours : BENCHMARKS.repairResponseHours);
      overdue = (t) => t.resolved === null && responseAt(t) === null && hours(t.opened, asOfEnd) > limit(t);
    } else if (type === 'installation') {
      stats.commitment.response = withinHours(() => c.installationHours);
      if (c.installationHours !== undefined) overdue = (t) => t.resolved === null && hours(t.opened, asOfEnd) > c.installationHours!;
    } else if (type === 'consultation') {
      stats.commitment.response = withinHours(() => c.consultationResponseHours);
      if (c.consultationResponseHours !== undefined) overdue = (t) => t.firstResponse === null && hours(t.opened, asOfEnd) > c.consultationResponseHours!;
    } else if (type === 'complaint') {
      stats.commitment.reply = withinDays((t) => t.firstResponse, c.complaintReplyWorkingDays);
      stats.commitment.resolution = withinDays((t) => t.resolved, c.complaintResolutionWorkingDays);
      stats.benchmark.reply = withinDays((t) => t.firstResponse, BENCHMARKS.complaintReplyWorkingDays);
      stats.benchmark.resolution = withinDays((t) => t.resolved, BENCHMARKS.complaintResolutionWorkingDays);
      const limit = c.complaintResolutionWorkingDays ?? BENCHMARKS.complaintResolutionWorkingDays;
      overdue = (t) => t.resolved === null && workingDaysBetween(t.opened, asOfEnd, o.calendar) > limit;
    }
    if (type === 'repair' || type === 'installation') {
      const fixed = ts.filter((t) => t.resolved !== null && t.visits !== null && t.visits > 0);
      stats.firstTimeFix = { n: fixed.length, share: fixed.length ? roundTo(fixed.filter((t) => t.visits === 1).length / fixed.length, 4) : null };
    }
    const late = ts.filter((t) => t.opened <= asOfEnd && overdue(t));
    stats.overdueOpen = { count: late.length, ids: late.slice(0, 10).map((t) => t.id) };
    return stats;
  }).filter((x): x is TypeStats => x !== null);

  return {
    dataset: { file: table.file, format: table.format, encoding: table.encoding, sha256: table.sha256, rows: table.rows.length },
    valid: tickets.length,
    invalid,
    asOf: o.asOf,
    types,
  };
}

export function distribution(xs: number[]): Distribution {
  if (xs.length === 0) return { n: 0, median: null, p90: null };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return roundTo(s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!), 2);
  };
  return { n: s.length, median: q(0.5), p90: q(0.9) };
}

