import type { Commitments } from '../model/evidence.js';
import type { Ratio } from '../model/units.js';
import { roundTo } from '../model/units.js';
import { fold } from './chineseText.js';
import { RECORD_COLUMNS, RECORD_REQUIRED, mapColumns, type RecordField } from './columns.js';
import { ChunkedList, HASH, HashIndex, MinuteHistogram, hash64 } from './compact.js';
import { IndustryKpiAccumulator, recordsSoFar } from './industryKpis.js';
import type { IndustryKpis, KpiRequest } from '../model/data.js';
import type { RawCell, RowSink, TableInfo } from './table.js';
import { maskPersonalData } from './themes.js';
import { dayOf, isPlaceholder, parseCount, parseDateTime, text, type WallMinutes } from './values.js';
import { coveredYear, workingDaysBetween, type WorkCalendar } from './workCalendar.js';

export const RECORD_TYPES = ['repair', 'installation', 'consultation', 'complaint', 'return', 'recall', 'other'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Type words, matched on the folded (Simplified, lower-case) label; the first match wins. */
const TYPE_WORDS: Array<[RecordType, RegExp]> = [
  ['complaint', /投诉|complain/],
  ['recall', /召回|recall/],
  ['return', /退货|换货|退换|退款|return|exchange|refund/],
  ['repair', /维修|报修|故障|返修|修理|repair|fault|fix/],
  ['installation', /安装|送装|配送|送货|调试|install|deliver/],
  ['consultation', /咨询|查询|问询|consult|enquir|inquir|question/],
];

export type { Commitments } from '../model/evidence.js';

import { BENCHMARKS } from '../model/benchmarks.js';
export { BENCHMARKS };

/** A later repair ticket for the same order or product within this many days makes the first a repeat repair (ours; `--repeat-window`). */
export const REPEAT_WINDOW_DAYS = 30;
export const LIST_CAP = 100;

export interface Distribution {
  n: number;
  /** Linear-interpolated percentiles (as Excel PERCENTILE.INC). */
  median: number | null;
  p90: number | null;
}

/** One deadline checked over the tickets of a type, as of the analysis date. */
export interface Within {
  limit: number;
  unit: 'hours' | 'working days';
  /** Repairs in remote regions are held to this limit instead. */
  remoteLimit?: number;
  /** The event the deadline is measured to. */
  measuredTo: 'on-site' | 'first-response' | 'resolved';
  within: number;
  /** Reached the event after the deadline. */
  late: number;
  /** Still without the event and already past the deadline on the as-of date: late too. */
  overdueOpen: number;
  /** Still without the event but within the deadline on the as-of date: not counted either way. */
  pending: number;
  /** Closed without the event recorded (e.g. a repair with no on-site arrival time): not counted. */
  notMeasured: number;
  /** within / (within + late + overdueOpen). */
  share: Ratio | null;
}

export interface TypeStats {
  type: RecordType;
  count: number;
  /** Tickets with no resolution time. */
  open: number;
  /** Hours from opened to the first contact (call, message, reply). */
  firstContactHours: Distribution;
  /** Repair and installation: hours from opened to on-site arrival. */
  onSiteHours: Distribution | null;
  /** Hours from opened to resolved. */
  resolutionHours: Distribution;
  commitment: { response?: Within; completion?: Within; reply?: Within; resolution?: Within };
  benchmark: { response?: Within; reply?: Within; resolution?: Within };
  /** Repairs: resolved in one visit, not reopened, no repeat ticket within the window. */
  firstTimeFix: { n: number; share: Ratio | null } | null;
  /** Repairs: 返修率, reopened or followed by a repeat ticket for the same order within the window. */
  repeatRepair: { n: number; repeated: number; share: Ratio | null; windowDays: number } | null;
  /** Past a deadline and still open on the as-of date (ids masked, first ten). */
  overdueOpen: { count: number; ids: string[] };
}

export type RecordProblemCode = 'missing-field' | 'date-unreadable' | 'date-implausible' | 'bad-count' | 'before-opened' | 'duplicate-id';
export interface RecordProblem {
  line: number;
  /** 1-based column, 0 when the problem is the row's. */
  column: number;
  field: RecordField;
  code: RecordProblemCode;
  value: string;
  firstLine?: number;
}

/** One product model or fault class among the repair tickets. */
export interface RepairGroup {
  group: string;
  repairs: number;
  resolved: number;
  /** Resolved repairs reopened or followed by a repeat ticket within the window; null when repeats are not measurable. */
  repeated: number | null;
  repeatRate: Ratio | null;
  resolutionMedianHours: number | null;
  /** Repairs over the mean repairs per group (1 = average). */
  countToMean: Ratio;
  /**
   * At least `MODEL_FLAG_RATIO` times the mean count and at least `MODEL_FLAG_MIN` repairs: seed 002's
   * "某型号产品故障率高", to be fed back to the product team. Without sales volumes the ticket count stands in
   * for the failure rate.
   */
  farAboveMean: boolean;
}
export interface RepairBreakdown {
  byModel: RepairGroup[] | null;
  /** Seed 004's 硬件 / 软件 / 网络 / 人为损坏 where the export's words say so; other values as written. */
  byFaultClass: RepairGroup[] | null;
  rule: { flagRatio: number; flagMin: number };
}
/** A model with this many times the mean repairs per model is flagged (ours; seed 002 gives no figure). */
export const MODEL_FLAG_RATIO = 2;
export const MODEL_FLAG_MIN = 5;
/** Seed 004's fault classes, recognised in the export's words. */
const FAULT_CLASSES: Array<[string, RegExp]> = [
  ['人为损坏', /人为|人為|误用|摔|进水|misuse|user damage|physical damage|accident/i],
  ['网络', /网络|網絡|联网|连接|wifi|wi-fi|network|connect/i],
  ['软件', /软件|軟件|系统|固件|程序|app|software|firmware/i],
  ['硬件', /硬件|硬體|元件|零件|配件|主板|电路|hardware|component/i],
];
const MAX_REPAIR_GROUPS = 2000;

export interface RecordsAnalysis {
  dataset: TableInfo;
  columns: { used: Partial<Record<RecordField, string>>; unused: string[] };
  valid: number;
  /** Rows skipped, with every problem found in them. */
  invalid: { rows: number; problems: number; items: RecordProblem[] };
  asOf: string;
  /** First and last day a valid ticket was opened. */
  period: { from: string; to: string } | null;
  calendar: { years: { from: number; to: number } | null; sources: Array<{ year: number; notice: string }>; complaintsOutside: number };
  repeatWindowDays: number;
  types: TypeStats[];
  /** Repairs by product model and by fault class, when the export has those columns. */
  repairs?: RepairBreakdown;
  /** With an industry profile selected: its KPIs from these records (src/datasets/industryKpis.ts). */
  industryKpis?: IndustryKpis;
}

type Outcome = 'within' | 'late' | 'overdue' | 'pending' | 'not-measured';

interface Check {
  within: Within;
  /** Limit for this ticket (hours or working days), or undefined when the check does not apply. */
  limit: (remote: boolean) => number;
  at: (t: Times) => WallMinutes | null;
}
interface Times {
  opened: WallMinutes;
  firstResponse: WallMinutes | null;
  onSite: WallMinutes | null;
  resolved: WallMinutes | null;
}
interface TypeState {
  count: number;
  open: number;
  /** Minutes from opened (whole minutes: timestamps are read as such), counted per minute. */
  firstContact: MinuteHistogram;
  onSite: MinuteHistogram;
  resolution: MinuteHistogram;
  commitment: Partial<Record<'response' | 'completion' | 'reply' | 'resolution', Check>>;
  benchmark: Partial<Record<'response' | 'reply' | 'resolution', Check>>;
  /** Commitments then benchmarks, in one list for the per-row loop. */
  checks: Check[];
  overdue: { count: number; ids: string[] };
}

const TIME_FIELDS = ['opened', 'firstResponse', 'onSite', 'resolved'] as const;
const REMOTE = /偏远|远郊|山区|海岛|偏遠|遠郊|山區|remote|rural/i;
const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', 'x', '返修', '重开', 'reopened', '有']);
/** The name's index in `names`, added when new; past the bound, all further names count as "…". */
function groupIndex(names: Map<string, number>, name: string): number {
  if (name === '' || isPlaceholder(name)) return -1;
  let i = names.get(name);
  if (i === undefined) {
    const key = names.size >= MAX_REPAIR_GROUPS ? '…' : name;
    i = names.get(key);
    if (i === undefined) names.set(key, (i = names.size));
  }
  return i;
}
function faultClassOf(label: string): string {
  if (label === '') return label;
  const f = fold(label);
  return FAULT_CLASSES.find(([, re]) => re.test(f))?.[0] ?? label;
}
/** A yes/no flag (是, √, yes) or a count (重开次数: 1, 2, "1次"): any count above zero is a reopened ticket. */
function isReopened(cell: RawCell): boolean {
  if (typeof cell === 'number') return cell > 0;
  const v = fold(text(cell)).trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  const n = /^(\d+(?:\.\d+)?)\s*(次|回|times?)?$/.exec(v);
  return n !== null && Number(n[1]) > 0;
}

const emptyWithin = (limit: number, unit: Within['unit'], measuredTo: Within['measuredTo'], remoteLimit?: number): Within => ({
  limit,
  unit,
  ...(remoteLimit !== undefined && remoteLimit !== limit ? { remoteLimit } : {}),
  measuredTo,
  within: 0,
  late: 0,
  overdueOpen: 0,
  pending: 0,
  notMeasured: 0,
  share: null,
});

/** Streaming analysis of service tickets against commitments and benchmarks, as of a date (never the clock). */
export class RecordsAccumulator {
  readonly sink: RowSink;
  private cols: Partial<Record<RecordField, number>> = {};
  private header: string[] = [];
  private unused: string[] = [];
  private valid = 0;
  private invalid = { rows: 0, problems: 0, items: [] as RecordProblem[] };
  private ids = new HashIndex();
  private typeCache = new Map<string, RecordType>();
  private types = new Map<RecordType, TypeState>();
  private asOfEnd: WallMinutes;
  private complaintsOutside = 0;
  private minOpened = Number.POSITIVE_INFINITY;
  private maxOpened = Number.NEGATIVE_INFINITY;
  // Repairs, for first-time fix, repeat repairs and the breakdown: one slot per repair ticket, 13 bytes, and
  // 8 more for the order number's hash when there is an order column (repeats are found by sorting on it at
  // the end, so no table of order numbers is kept). Timestamps are whole minutes since 1970 (values.ts) in
  // 1990–2100: exact in an Int32.
  private rOpened = new ChunkedList(Int32Array);
  /** -1: not resolved. */
  private rResolved = new ChunkedList(Int32Array);
  /** 1 reopened, 2 more than one visit. */
  private rFlags = new ChunkedList(Uint8Array);
  /** The order number's 64-bit hash, (0, 0) when not given; pushed only when the export has an order column. */
  private rOrderHi = new ChunkedList(Uint32Array);
  private rOrderLo = new ChunkedList(Uint32Array);
  // Product model and fault class of each repair: an index into the names (at most MAX_REPAIR_GROUPS + 1), -1 when not given.
  private rModel = new ChunkedList(Int16Array);
  private rFault = new ChunkedList(Int16Array);
  private modelNames = new Map<string, number>();
  private faultNames = new Map<string, number>();
  private kpis: IndustryKpiAccumulator | null;

  constructor(
    private file: string,
    private o: {
      commitments: Commitments;
      calendar: WorkCalendar;
      asOf: string;
      mapping?: Partial<Record<string, string>> | undefined;
      repeatWindowDays?: number | undefined;
      industry?: KpiRequest | undefined;
      /** Each valid ticket as it is counted (the mock audit's draws): its type, id and line. */
      onValid?: ((type: RecordType, id: string, line: number) => void) | undefined;
    },
  ) {
    this.kpis = o.industry ? new IndustryKpiAccumulator(o.industry, o) : null;
    this.asOfEnd = Date.parse(`${o.asOf}T00:00:00Z`) / 60000 + 1439;
    this.sink = { header: (cells, line) => this.onHeader(cells, line), row: (line, cells) => this.onRow(line, cells) };
  }

  private onHeader(cells: string[], line: number): void {
    this.header = cells;
    const m = mapColumns<RecordField>(this.file, cells, line, RECORD_COLUMNS, RECORD_REQUIRED, this.o.mapping);
    this.cols = m.index;
    this.unused = m.unused;
    this.kpis?.header(m.index);
  }

  private problem(p: RecordProblem): void {
    this.invalid.problems++;
    if (this.invalid.items.length < LIST_CAP) this.invalid.items.push(p);
  }

  private classify(label: string): RecordType {
    let t = this.typeCache.get(label);
    if (t === undefined) {
      const f = fold(label);
      t = TYPE_WORDS.find(([, re]) => re.test(f))?.[0] ?? 'other';
      if (this.typeCache.size < 10_000) this.typeCache.set(label, t);
    }
    return t;
  }

  private state(type: RecordType): TypeState {
    let s = this.types.get(type);
    if (s) return s;
    const c = this.o.commitments;
    const hours = (limit: (remote: boolean) => number | undefined, to: Within['measuredTo'], at: Check['at']): Check | undefined => {
      const base = limit(false);
      if (base === undefined) return undefined;
      return { within: emptyWithin(base, 'hours', to, limit(true)), limit: (r) => limit(r) ?? base, at };
    };
    const days = (limit: number | undefined, to: Within['measuredTo'], at: Check['at']): Check | undefined =>
      limit === undefined ? undefined : { within: emptyWithin(limit, 'working days', to), limit: () => limit, at };
    s = {
      count: 0,
      open: 0,
      firstContact: new MinuteHistogram(),
      onSite: new MinuteHistogram(),
      resolution: new MinuteHistogram(),
      commitment: {},
      benchmark: {},
      checks: [],
      overdue: { count: 0, ids: [] },
    };
    const onSite = (t: Times) => t.onSite;
    const resolved = (t: Times) => t.resolved;
    // A complaint closed without a separate first reply was answered when it was resolved.
    const reply = (t: Times) => t.firstResponse ?? t.resolved;
    const put = <K extends string>(into: Partial<Record<K, Check>>, k: K, check: Check | undefined) => check && (into[k] = check);
    if (type === 'repair') {
      put(
        s.commitment,
        'response',
        hours((r) => (r ? (c.remoteRepairResponseHours ?? c.repairResponseHours) : c.repairResponseHours), 'on-site', onSite),
      );
      put(
        s.benchmark,
        'response',
        hours((r) => (r ? BENCHMARKS.remoteRepairOnSiteHours : BENCHMARKS.repairOnSiteHours), 'on-site', onSite),
      );
    } else if (type === 'installation') {
      put(
        s.commitment,
        'completion',
        hours(() => c.installationHours, 'resolved', resolved),
      );
    } else if (type === 'consultation') {
      put(
        s.commitment,
        'response',
        hours(
          () => c.consultationResponseHours,
          'first-response',
          (t) => t.firstResponse,
        ),
      );
    } else if (type === 'complaint') {
      // Seed 003 states complaint deadlines in hours (24小时内联系客户); hours, when given, win over working days.
      put(
        s.commitment,
        'reply',
        c.complaintReplyHours !== undefined
          ? hours(() => c.complaintReplyHours, 'first-response', reply)
          : days(c.complaintReplyWorkingDays, 'first-response', reply),
      );
      put(
        s.commitment,
        'resolution',
        c.complaintResolutionHours !== undefined
          ? hours(() => c.complaintResolutionHours, 'resolved', resolved)
          : days(c.complaintResolutionWorkingDays, 'resolved', resolved),
      );
      put(s.benchmark, 'reply', days(BENCHMARKS.complaintReplyWorkingDays, 'first-response', reply));
      put(s.benchmark, 'resolution', days(BENCHMARKS.complaintResolutionWorkingDays, 'resolved', resolved));
    }
    s.checks = [...Object.values(s.commitment), ...Object.values(s.benchmark)] as Check[];
    this.types.set(type, s);
    return s;
  }

  private cell(cells: RawCell[], f: RecordField): RawCell {
    const i = this.cols[f];
    return i === undefined ? null : (cells[i] ?? null);
  }

  private fail(problems: RecordProblem[], line: number, field: RecordField, code: RecordProblemCode, value: RawCell = null, firstLine?: number): void {
    const i = this.cols[field];
    problems.push({
      line,
      column: i === undefined ? 0 : i + 1,
      field,
      code,
      value: maskPersonalData(text(value)).slice(0, 40),
      ...(firstLine !== undefined ? { firstLine } : {}),
    });
  }

  // Called once per row of exports with millions of rows: no closures or temporary arrays in here.
  private onRow(line: number, cells: RawCell[]): void {
    const problems: RecordProblem[] = [];
    const id = text(this.cell(cells, 'id'));
    const typeLabel = text(this.cell(cells, 'type'));
    if (id === '' || isPlaceholder(id)) this.fail(problems, line, 'id', 'missing-field');
    if (typeLabel === '' || isPlaceholder(typeLabel)) this.fail(problems, line, 'type', 'missing-field');
    const times: Times = { opened: 0, firstResponse: null, onSite: null, resolved: null };
    let hasOpened = false;
    for (let k = 0; k < TIME_FIELDS.length; k++) {
      const f = TIME_FIELDS[k]!;
      const raw = this.cell(cells, f);
      const t = parseDateTime(raw);
      if (t === 'unreadable') this.fail(problems, line, f, 'date-unreadable', raw);
      else if (t === 'implausible') this.fail(problems, line, f, 'date-implausible', raw);
      else if (t !== null) {
        if (f === 'opened') {
          times.opened = t;
          hasOpened = true;
        } else times[f] = t;
      } else if (f === 'opened') this.fail(problems, line, 'opened', 'missing-field');
    }
    if (hasOpened) {
      if (times.firstResponse !== null && times.firstResponse < times.opened)
        this.fail(problems, line, 'firstResponse', 'before-opened', this.cell(cells, 'firstResponse'));
      if (times.onSite !== null && times.onSite < times.opened) this.fail(problems, line, 'onSite', 'before-opened', this.cell(cells, 'onSite'));
      if (times.resolved !== null && times.resolved < times.opened) this.fail(problems, line, 'resolved', 'before-opened', this.cell(cells, 'resolved'));
    }
    const visits = parseCount(this.cell(cells, 'visits'));
    if (visits === 'invalid') this.fail(problems, line, 'visits', 'bad-count', this.cell(cells, 'visits'));
    if (problems.length === 0) {
      const first = this.ids.getOrInsert(id, line);
      if (first >= 0) this.fail(problems, line, 'id', 'duplicate-id', id, first);
    }
    if (problems.length > 0) {
      this.invalid.rows++;
      for (const p of problems) this.problem(p);
      return;
    }
    this.valid++;
    if (times.opened < this.minOpened) this.minOpened = times.opened;
    if (times.opened > this.maxOpened) this.maxOpened = times.opened;
    const type = this.classify(typeLabel);
    const s = this.state(type);
    s.count++;
    if (this.o.onValid !== undefined) this.o.onValid(type, id, line);
    if (times.resolved === null) s.open++;
    if (times.firstResponse !== null) s.firstContact.push(times.firstResponse - times.opened);
    if (times.onSite !== null && (type === 'repair' || type === 'installation')) s.onSite.push(times.onSite - times.opened);
    if (times.resolved !== null) s.resolution.push(times.resolved - times.opened);

    const region = this.cols.region === undefined ? '' : text(this.cell(cells, 'region'));
    const remote = region !== '' && REMOTE.test(region);
    if (type === 'complaint' && !coveredYear(times.opened, this.o.calendar)) this.complaintsOutside++;
    let overdue = false;
    for (let k = 0; k < s.checks.length; k++) {
      const check = s.checks[k]!;
      const out = this.judge(check, times, remote);
      if (out === null) continue;
      const w = check.within;
      if (out === 'within') w.within++;
      else if (out === 'late') w.late++;
      else if (out === 'overdue') {
        w.overdueOpen++;
        overdue = true;
      } else if (out === 'pending') w.pending++;
      else w.notMeasured++;
    }
    if (overdue) {
      s.overdue.count++;
      if (s.overdue.ids.length < 10) s.overdue.ids.push(maskPersonalData(id).slice(0, 40));
    }
    if (type === 'repair') {
      const reopened = this.cols.reopened !== undefined && isReopened(this.cell(cells, 'reopened'));
      this.rOpened.push(times.opened);
      this.rResolved.push(times.resolved ?? -1);
      this.rFlags.push((reopened ? 1 : 0) | (typeof visits === 'number' && visits > 1 ? 2 : 0));
      if (this.cols.order !== undefined) {
        const order = text(this.cell(cells, 'order'));
        if (order === '' || isPlaceholder(order)) {
          HASH.hi = 0;
          HASH.lo = 0;
        } else hash64(order);
        this.rOrderHi.push(HASH.hi);
        this.rOrderLo.push(HASH.lo);
      }
      if (this.cols.model !== undefined) this.rModel.push(groupIndex(this.modelNames, text(this.cell(cells, 'model'))));
      if (this.cols.faultClass !== undefined) this.rFault.push(groupIndex(this.faultNames, faultClassOf(text(this.cell(cells, 'faultClass')))));
      this.kpis?.repair(cells, times.opened, times.resolved);
    }
  }

  /** null: the ticket was opened after the as-of date, so no deadline applies yet. */
  private judge(check: Check, t: Times, remote: boolean): Outcome | null {
    if (t.opened > this.asOfEnd) return null;
    const limit = check.limit(remote);
    const at = check.at(t);
    if (at !== null) return this.elapsed(check, t.opened, at) <= limit + 1e-9 ? 'within' : 'late';
    if (t.resolved !== null) return 'not-measured';
    return this.elapsed(check, t.opened, this.asOfEnd) > limit + 1e-9 ? 'overdue' : 'pending';
  }

  private elapsed(check: Check, from: WallMinutes, to: WallMinutes): number {
    return check.within.unit === 'hours' ? (to - from) / 60 : workingDaysBetween(from, to, this.o.calendar);
  }

  finish(info: TableInfo): RecordsAnalysis {
    const window = this.o.repeatWindowDays ?? REPEAT_WINDOW_DAYS;
    const repairs = this.repairQuality(window);
    const breakdown = this.breakdown(repairs.repeated);
    const dist = (h: MinuteHistogram): Distribution => {
      const r = (x: number | null) => (x === null ? null : roundTo(x, 2));
      // Hours: each of the two values interpolated between is divided by 60, as the sorted hours would be.
      return { n: h.n, median: r(h.percentile(0.5, 60)), p90: r(h.percentile(0.9, 60)) };
    };
    const done = (c: Check): Within => {
      const w = c.within;
      const denom = w.within + w.late + w.overdueOpen;
      return { ...w, share: denom ? roundTo(w.within / denom, 4) : null };
    };
    const map = <K extends string>(x: Partial<Record<K, Check>>) =>
      Object.fromEntries(Object.entries(x).map(([k, c]) => [k, done(c as Check)])) as Partial<Record<K, Within>>;
    const types = RECORD_TYPES.flatMap((type): TypeStats[] => {
      const s = this.types.get(type);
      if (!s) return [];
      return [
        {
          type,
          count: s.count,
          open: s.open,
          firstContactHours: dist(s.firstContact),
          onSiteHours: type === 'repair' || type === 'installation' ? dist(s.onSite) : null,
          resolutionHours: dist(s.resolution),
          commitment: map(s.commitment),
          benchmark: map(s.benchmark),
          firstTimeFix: type === 'repair' ? repairs.firstTimeFix : null,
          repeatRepair: type === 'repair' ? repairs.repeatRepair : null,
          overdueOpen: s.overdue,
        },
      ];
    });
    const used = Object.fromEntries(Object.entries(this.cols).map(([f, i]) => [f, this.header[i as number] ?? ''])) as Partial<Record<RecordField, string>>;
    return {
      dataset: info,
      columns: { used, unused: this.unused.map((h) => maskPersonalData(h).slice(0, 60)) },
      valid: this.valid,
      invalid: this.invalid,
      asOf: this.o.asOf,
      period: this.valid ? { from: dayOf(this.minOpened), to: dayOf(this.maxOpened) } : null,
      calendar: { years: this.o.calendar.years, sources: this.o.calendar.sources, complaintsOutside: this.complaintsOutside },
      repeatWindowDays: window,
      types,
      ...(breakdown ? { repairs: breakdown } : {}),
      ...(this.kpis ? { industryKpis: this.kpis.finish(recordsSoFar(types, breakdown)) } : {}),
    };
  }

  private breakdown(repeated: Uint8Array | null): RepairBreakdown | null {
    if (this.cols.model === undefined && this.cols.faultClass === undefined) return null;
    const groups = (names: Map<string, number>, of: ChunkedList<Int16Array>): RepairGroup[] => {
      const k = names.size;
      const repairs = new Array<number>(k).fill(0);
      const resolved = new Array<number>(k).fill(0);
      const rep = new Array<number>(k).fill(0);
      // One sort of (group, resolution minutes) packed in a double, exact: groups < 2¹¹, a resolution within
      // 1990–2100 < 2²⁶ minutes. Each group's minutes then lie sorted in one run.
      const keys = new Float64Array(this.rOpened.length);
      let m = 0;
      for (let i = 0; i < of.length; i++) {
        const g = of.get(i);
        if (g < 0) continue;
        repairs[g]!++;
        const end = this.rResolved.get(i);
        if (end < 0) continue;
        resolved[g]!++;
        keys[m++] = g * GROUP_KEY + (end - this.rOpened.get(i));
        if (repeated?.[i]) rep[g]!++;
      }
      const sorted = keys.subarray(0, m).sort();
      const median = new Array<number | null>(k).fill(null);
      for (let a = 0; a < m; ) {
        const g = Math.floor(sorted[a]! / GROUP_KEY);
        let b = a;
        while (b < m && Math.floor(sorted[b]! / GROUP_KEY) === g) b++;
        // Hours, as the sorted hours would give them: both values divided by 60 before interpolating.
        const h = (b - a - 1) * 0.5;
        const lo = Math.floor(h);
        const x = (sorted[a + lo]! - g * GROUP_KEY) / 60;
        const y = (sorted[a + Math.min(lo + 1, b - a - 1)]! - g * GROUP_KEY) / 60;
        median[g] = x + (h - lo) * (y - x);
        a = b;
      }
      const mean = k ? repairs.reduce((a, b) => a + b, 0) / k : 0;
      return [...names.entries()]
        .map(([group, g]) => {
          const ratio = mean ? repairs[g]! / mean : 0;
          const med = median[g]!;
          return {
            group: maskPersonalData(group).slice(0, 60),
            repairs: repairs[g]!,
            resolved: resolved[g]!,
            repeated: repeated ? rep[g]! : null,
            repeatRate: repeated && resolved[g] ? roundTo(rep[g]! / resolved[g]!, 4) : null,
            resolutionMedianHours: med === null ? null : roundTo(med, 2),
            countToMean: roundTo(ratio, 4),
            farAboveMean: ratio >= MODEL_FLAG_RATIO - 1e-12 && repairs[g]! >= MODEL_FLAG_MIN,
          };
        })
        .sort((a, b) => b.repairs - a.repairs || a.group.localeCompare(b.group));
    };
    return {
      byModel: this.cols.model === undefined ? null : groups(this.modelNames, this.rModel),
      byFaultClass: this.cols.faultClass === undefined ? null : groups(this.faultNames, this.rFault),
      rule: { flagRatio: MODEL_FLAG_RATIO, flagMin: MODEL_FLAG_MIN },
    };
  }

  /** First-time fix and repeat repairs; measurable only when visits, a reopen flag or an order column is exported. */
  private repairQuality(windowDays: number): {
    firstTimeFix: TypeStats['firstTimeFix'];
    repeatRepair: TypeStats['repeatRepair'];
    /** Per repair, 1 when repeated; null when repeats are not measurable. */
    repeated: Uint8Array | null;
  } {
    const n = this.rOpened.length;
    const measurable = this.cols.visits !== undefined || this.cols.reopened !== undefined || this.cols.order !== undefined;
    if (!measurable || n === 0) return { firstTimeFix: null, repeatRepair: null, repeated: null };
    const repeated = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (this.rFlags.get(i) & 1) repeated[i] = 1;
    if (this.cols.order !== undefined) {
      // The repairs with an order number ordered by (order, opened, row) and each compared with the next of
      // the same order. The order is its 64-bit hash (the id index's collision bound holds here too).
      const idx = sortByOrder(this.rOrderHi, this.rOrderLo, this.rOpened);
      for (let k = 0; k + 1 < idx.length; k++) {
        const a = idx[k]!;
        const b = idx[k + 1]!;
        if (this.rOrderHi.get(a) !== this.rOrderHi.get(b) || this.rOrderLo.get(a) !== this.rOrderLo.get(b)) continue;
        const end = this.rResolved.get(a) < 0 ? this.rOpened.get(a) : this.rResolved.get(a);
        if (this.rOpened.get(b) - end <= windowDays * 1440) repeated[a] = 1;
      }
    }
    let resolved = 0;
    let ftf = 0;
    let rep = 0;
    for (let i = 0; i < n; i++) {
      if (this.rResolved.get(i) < 0) continue;
      resolved++;
      if (repeated[i]) rep++;
      else if (!(this.rFlags.get(i) & 2)) ftf++;
    }
    const share = (x: number) => (resolved ? roundTo(x / resolved, 4) : null);
    // Visits alone show several trips, not a repair that failed afterwards: repeats need a flag or an order.
    const repeatsKnown = this.cols.reopened !== undefined || this.cols.order !== undefined;
    return {
      firstTimeFix: { n: resolved, share: share(ftf) },
      repeatRepair: repeatsKnown ? { n: resolved, repeated: rep, share: share(rep), windowDays } : null,
      repeated: repeatsKnown ? repeated : null,
    };
  }
}

/** Packs a group index above a resolution time in minutes (see `breakdown`). */
const GROUP_KEY = 2 ** 27;

/**
 * The indices of the entries with an order hash other than (0, 0), ordered by (hash, opened, index): a
 * stable radix sort, 16 bits a pass from the least significant key up (six passes, linear time, two
 * Int32Arrays), where a comparison sort of millions of indices through a callback took seconds.
 */
export function sortByOrder(hi: ChunkedList<Uint32Array>, lo: ChunkedList<Uint32Array>, opened: ChunkedList<Int32Array>): Int32Array {
  let m = 0;
  for (let i = 0; i < hi.length; i++) if (hi.get(i) !== 0 || lo.get(i) !== 0) m++;
  let idx = new Int32Array(m);
  let tmp = new Int32Array(m);
  m = 0;
  for (let i = 0; i < hi.length; i++) if (hi.get(i) !== 0 || lo.get(i) !== 0) idx[m++] = i;
  const count = new Int32Array(65537);
  const keys: Array<[ChunkedList<Uint32Array | Int32Array>, number]> = [
    [opened, 0],
    [opened, 16],
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ];
  for (const [list, shift] of keys) {
    count.fill(0);
    for (let k = 0; k < m; k++) count[((list.get(idx[k]!) >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
    for (let k = 0; k < m; k++) {
      const i = idx[k]!;
      tmp[count[(list.get(i) >>> shift) & 0xffff]!++] = i;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}
