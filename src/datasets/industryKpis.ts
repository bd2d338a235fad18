import recordValues from '../generated/record-values.json' with { type: 'json' };
import type { Commitments } from '../model/evidence.js';
import type { IndustryProfile } from '../model/industry.js';
import type { IndustryKpiResult, IndustryKpis, KpiRequest } from '../model/data.js';
import { roundTo, type Ratio } from '../model/units.js';
import { fold } from './chineseText.js';
import type { RecordField } from './columns.js';
import { ChunkedList, HASH, hash64 } from './compact.js';
// sortByOrder is records.ts's radix sort of repairs by order hash then opening time (one sort, shared).
import { sortByOrder, type RepairBreakdown, type TypeStats, type Within } from './records.js';
import type { RawCell } from './table.js';
import { isPlaceholder, text, type WallMinutes } from './values.js';

/** reference/record-values.yaml as the build bundles it. */
interface RecordValues {
  resolutionChannels: { source: string; classes: Array<{ id: string; label: { 'zh-CN': string; en: string }; patterns: string[] }> };
  partsShortage: { source: string; yes: string[]; patterns: string[] };
}
const VALUES = recordValues as unknown as RecordValues;
const CHANNELS = VALUES.resolutionChannels.classes.map((c) => ({ id: c.id, re: new RegExp(c.patterns.join('|'), 'i') }));
const SHORTAGE_YES = new Set(VALUES.partsShortage.yes.map((w) => w.toLowerCase()));
const SHORTAGE = new RegExp(VALUES.partsShortage.patterns.join('|'), 'i');
/** Distinct channel words remembered (an export has a handful; past this they are matched every time). */
const CACHE_CAP = 10_000;

/** The KPIs this build computes; a profile may list others, which are reported as not computed. */
export const COMPUTED_KPIS = [
  'remote-resolution-share',
  'fault-class-mix',
  'repeat-within-free-period',
  'parts-stock-outs',
  'first-time-resolution',
  'response-within-commitment',
  'repeat-repairs',
] as const;

/** What `records.ts` has already computed and a KPI reuses (fault classes, first-time fix, deadlines, repeats). */
export interface RecordsSoFar {
  faultClasses: Array<{ group: string; repairs: number }> | null;
  firstTimeFix: { n: number; share: Ratio | null } | null;
  repeatRepair: { n: number; repeated: number; share: Ratio | null } | null;
  /** Each type's main deadline under the company's commitment: tickets within, and those measured. */
  withinCommitment: Array<{ within: number; measured: number }>;
}

/** The KPIs a selected profile lists, as the records analysis is asked for them; none without a profile or KPIs. */
export function kpiRequest(profile: IndustryProfile | undefined): KpiRequest | undefined {
  if (!profile || profile.kpis.length === 0) return undefined;
  return { profile: profile.id, name: profile.name, kpis: profile.kpis };
}

/**
 * What the records analysis already gives, for the KPIs that reuse it. "Answered within the committed time"
 * is each type's first deadline: a repair's on-site arrival, an installation's completion, an enquiry's
 * reply, a complaint's first reply.
 */
export function recordsSoFar(types: readonly TypeStats[], breakdown: RepairBreakdown | null): RecordsSoFar {
  const repair = types.find((t) => t.type === 'repair');
  const first = (t: TypeStats): Within | undefined => t.commitment.response ?? t.commitment.completion ?? t.commitment.reply;
  return {
    faultClasses: breakdown?.byFaultClass ?? null,
    firstTimeFix: repair?.firstTimeFix ?? null,
    repeatRepair: repair?.repeatRepair ?? null,
    withinCommitment: types.flatMap((t) => {
      const w = first(t);
      return w ? [{ within: w.within, measured: w.within + w.late + w.overdueOpen }] : [];
    }),
  };
}

/**
 * The industry KPIs of a profile (`kpis:` in reference/industries/*.yaml) that need a look at each repair row:
 * how it was resolved (remote or on site), whether parts were missing, and repairs of the same order or serial
 * number again within the free re-repair period (`commitments.freeRepairDays`). Created only when the evidence
 * selects a profile; a KPI the export cannot give says which column or commitment it needs.
 */
export class IndustryKpiAccumulator {
  private col: { channel?: number; partsWaiting?: number; order?: number } = {};
  private wants: Set<string>;
  /** Whether the export has an order or serial-number column at all (to say what is missing). */
  private hasOrder = false;
  private channelOf = new Map<string, number>();
  private shortageOf = new Map<string, boolean>();
  /** Resolved repairs per channel index; the last slot is "unclassified". */
  private channelCounts = new Array<number>(CHANNELS.length + 1).fill(0);
  private channelEmpty = 0;
  private repairs = 0;
  private shortages = 0;
  // Free re-repair period, kept only when it is asked for and the export has a serial column: one slot per
  // repair, the order number's 64-bit hash ((0, 0) when blank) and whole-minute times (-1: not resolved), as
  // records.ts keeps them — 16 bytes a repair, no table of order numbers.
  private pOrderHi = new ChunkedList(Uint32Array);
  private pOrderLo = new ChunkedList(Uint32Array);
  private pOpened = new ChunkedList(Int32Array);
  private pResolved = new ChunkedList(Int32Array);

  constructor(
    private request: KpiRequest,
    private o: { commitments: Commitments; asOf: string },
  ) {
    this.wants = new Set(request.kpis.map((k) => k.id));
  }

  header(cols: Partial<Record<RecordField, number>>): void {
    this.hasOrder = cols.order !== undefined;
    this.col = {
      ...(cols.channel !== undefined ? { channel: cols.channel } : {}),
      ...(cols.partsWaiting !== undefined ? { partsWaiting: cols.partsWaiting } : {}),
      ...(cols.order !== undefined && this.freeDays() !== undefined && this.wants.has('repeat-within-free-period') ? { order: cols.order } : {}),
    };
  }

  private freeDays(): number | undefined {
    return this.o.commitments.freeRepairDays;
  }

  /** One valid repair ticket. */
  repair(cells: readonly RawCell[], opened: WallMinutes, resolved: WallMinutes | null): void {
    this.repairs++;
    if (this.col.channel !== undefined && resolved !== null) {
      const v = text(cells[this.col.channel] ?? null);
      if (v === '' || isPlaceholder(v)) this.channelEmpty++;
      else this.channelCounts[this.channel(v)]!++;
    }
    if (this.col.partsWaiting !== undefined && this.shortage(cells[this.col.partsWaiting] ?? null)) this.shortages++;
    if (this.col.order !== undefined) {
      const order = text(cells[this.col.order] ?? null);
      if (order === '' || isPlaceholder(order)) {
        HASH.hi = 0;
        HASH.lo = 0;
      } else hash64(order);
      this.pOrderHi.push(HASH.hi);
      this.pOrderLo.push(HASH.lo);
      this.pOpened.push(opened);
      this.pResolved.push(resolved ?? -1);
    }
  }

  /** A parts cell saying parts were missing or waited for: a count above zero, a yes word (是, √) or a stock-out word (缺件, 待料). */
  private shortage(cell: RawCell): boolean {
    if (typeof cell === 'number') return cell > 0;
    const v = text(cell);
    if (v === '') return false;
    let yes = this.shortageOf.get(v);
    if (yes === undefined) {
      const f = fold(v).trim().toLowerCase();
      yes = !isPlaceholder(f) && (SHORTAGE_YES.has(f) || SHORTAGE.test(f));
      if (this.shortageOf.size < CACHE_CAP) this.shortageOf.set(v, yes);
    }
    return yes;
  }

  private channel(v: string): number {
    let i = this.channelOf.get(v);
    if (i === undefined) {
      const f = fold(v);
      const k = CHANNELS.findIndex((c) => c.re.test(f));
      i = k < 0 ? CHANNELS.length : k;
      if (this.channelOf.size < CACHE_CAP) this.channelOf.set(v, i);
    }
    return i;
  }

  finish(so: RecordsSoFar): IndustryKpis {
    return {
      profile: this.request.profile,
      name: this.request.name,
      kpis: this.request.kpis.map((k): IndustryKpiResult => ({ id: k.id, title: k.title, source: k.source, ...this.kpi(k.id, so) })),
    };
  }

  private kpi(id: string, so: RecordsSoFar): Omit<IndustryKpiResult, 'id' | 'title' | 'source'> {
    const ratio = (count: number, n: number): Ratio | null => (n > 0 ? roundTo(count / n, 4) : null);
    const needs = (columns: RecordField[], commitment?: 'freeRepairDays' | 'any') => ({
      status: 'not-measurable' as const,
      needs: { columns, ...(commitment ? { commitment } : {}) },
    });
    switch (id) {
      case 'remote-resolution-share': {
        if (this.col.channel === undefined) return needs(['channel']);
        const remote = this.channelCounts[CHANNELS.findIndex((c) => c.id === 'remote')]!;
        const unclassified = this.channelCounts[CHANNELS.length]!;
        // Over the resolved repairs whose channel was read: an unknown word is shown apart, never guessed.
        const n = this.channelCounts.reduce((a, b) => a + b, 0) - unclassified;
        return {
          status: 'measured',
          value: ratio(remote, n),
          count: remote,
          n,
          parts: [
            ...CHANNELS.map((c, i) => ({ id: c.id, count: this.channelCounts[i]!, share: ratio(this.channelCounts[i]!, n) })),
            { id: 'unclassified', count: unclassified, share: null },
            { id: 'not-recorded', count: this.channelEmpty, share: null },
          ],
        };
      }
      case 'fault-class-mix': {
        if (!so.faultClasses) return needs(['faultClass']);
        const n = so.faultClasses.reduce((a, g) => a + g.repairs, 0);
        return {
          status: 'measured',
          value: null,
          count: null,
          n,
          parts: so.faultClasses.map((g) => ({ id: g.group, count: g.repairs, share: ratio(g.repairs, n) })),
        };
      }
      case 'repeat-within-free-period': {
        const days = this.freeDays();
        if (days === undefined || !this.hasOrder) return needs(this.hasOrder ? [] : ['order'], days === undefined ? 'freeRepairDays' : undefined);
        return { status: 'measured', ...this.freePeriod(days) };
      }
      case 'parts-stock-outs':
        if (this.col.partsWaiting === undefined) return needs(['partsWaiting']);
        return { status: 'measured', value: ratio(this.shortages, this.repairs), count: this.shortages, n: this.repairs };
      case 'first-time-resolution':
        if (!so.firstTimeFix) return needs(['visits', 'reopened', 'order']);
        return { status: 'measured', value: so.firstTimeFix.share, count: null, n: so.firstTimeFix.n };
      case 'repeat-repairs':
        if (!so.repeatRepair) return needs(['reopened', 'order']);
        return { status: 'measured', value: so.repeatRepair.share, count: so.repeatRepair.repeated, n: so.repeatRepair.n };
      case 'response-within-commitment': {
        if (so.withinCommitment.length === 0) return needs([], 'any');
        const within = so.withinCommitment.reduce((a, w) => a + w.within, 0);
        const n = so.withinCommitment.reduce((a, w) => a + w.measured, 0);
        return { status: 'measured', value: ratio(within, n), count: within, n };
      }
      default:
        return { status: 'not-computed' };
    }
  }

  /**
   * Resolved repairs of a known order or serial number, and those repaired again — the next repair of the same
   * order opened within `days` days after this one was resolved (seed 004: 维修后一定时间内出现问题，免费再次维修).
   * `stillInPeriod`: resolved repairs not repeated so far whose period runs past the analysis date.
   */
  private freePeriod(days: number): Omit<IndustryKpiResult, 'id' | 'title' | 'source' | 'status'> {
    // Repairs with a serial, by serial then opening time: each compared with the next of the same serial.
    const idx = sortByOrder(this.pOrderHi, this.pOrderLo, this.pOpened);
    const same = (a: number, b: number) => this.pOrderHi.get(a) === this.pOrderHi.get(b) && this.pOrderLo.get(a) === this.pOrderLo.get(b);
    const limit = days * 1440;
    const asOfEnd = Date.parse(`${this.o.asOf}T00:00:00Z`) / 60000 + 1439;
    let resolved = 0;
    let repeated = 0;
    let still = 0;
    for (let k = 0; k < idx.length; k++) {
      const a = idx[k]!;
      const end = this.pResolved.get(a);
      if (end < 0) continue;
      resolved++;
      const b = idx[k + 1];
      if (b !== undefined && same(a, b) && this.pOpened.get(b) - end <= limit) repeated++;
      else if (asOfEnd - end < limit) still++;
    }
    return { value: resolved > 0 ? roundTo(repeated / resolved, 4) : null, count: repeated, n: resolved, days, stillInPeriod: still };
  }
}
