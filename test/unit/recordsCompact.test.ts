// Issue #22: the compact records path (minute histograms, chunked typed arrays, a radix sort on order hashes)
// must give exactly the figures of the naive computation it replaced: every duration kept as a double,
// sorted, and read by percentile(); repairs sorted by (order, opened) with a comparison sort; per-group
// lists of hours. The naive side below is that computation written out again, independent of the code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList, HashIndex, IdIndex, MinuteHistogram, percentile } from '../../src/datasets/compact.js';
import { RecordsAccumulator, sortByOrder } from '../../src/datasets/records.js';
import { buildCalendar } from '../../src/datasets/workCalendar.js';
import { loadChineseText } from '../../src/datasets/chineseText.js';
import { roundTo } from '../../src/model/units.js';

const naivePercentile = (xs: number[], p: number) => percentile(Float64Array.from(xs).sort(), p);

describe('MinuteHistogram equals percentile() of the sorted values', () => {
  it('for whole minutes, long durations, fractions and negatives mixed', () => {
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 3000 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: MinuteHistogram.DENSE + 5000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 60_000_000 }) },
      { weight: 1, arbitrary: fc.double({ min: -100, max: 200_000, noNaN: true }) },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.constantFrom(0, 0.1, 0.5, 0.9, 1), fc.constantFrom(1, 60), (xs, p, d) => {
        const h = new MinuteHistogram();
        for (const x of xs) h.push(x);
        expect(h.n).toBe(xs.length);
        expect(h.percentile(p, d)).toBe(
          naivePercentile(
            xs.map((x) => x / d),
            p,
          ),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('HashIndex and ChunkedList', () => {
  it('HashIndex answers as a Map of first payloads', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (keys) => {
        const idx = new HashIndex();
        const m = new Map<string, number>();
        keys.forEach((k, i) => {
          const got = idx.getOrInsert(k, i);
          expect(got).toBe(m.get(k) ?? -1);
          if (!m.has(k)) m.set(k, i);
        });
        expect(idx.size).toBe(m.size);
      }),
      { numRuns: 60 },
    );
  });
  it('IdIndex answers as a Map of first payloads: sequential, prefixed, zero-padded, sparse (moved to the hash) and other ids', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 20_000 }).map((n) => `T${String(n).padStart(7, '0')}`),
      fc.integer({ min: 0, max: 20_000 }).map((n) => `T${n}`),
      fc.integer({ min: 0, max: 9_000 }).map((n) => `GD20260701${String(n).padStart(5, '0')}`),
      fc.integer({ min: 0, max: 99 }).map(String),
      // Sparse numbers: hundreds of nearly empty pages, so the index gives paging up part-way.
      fc.integer({ min: 0, max: 2 ** 40 }).map((n) => `R${n}`),
      fc.constantFrom('', 'A', '0', '00', '000', '1234567890123456', '12345678901234567', 'X1234567890123456', '单号７', 'a\u00001'),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 1500 }), (keys) => {
        const idx = new IdIndex();
        const m = new Map<string, number>();
        keys.forEach((k, i) => {
          expect(idx.getOrInsert(k, i)).toBe(m.get(k) ?? -1);
          if (!m.has(k)) m.set(k, i);
        });
        expect(idx.size).toBe(m.size);
      }),
      { numRuns: 80 },
    );
  });
  it('IdIndex moves to the hash when pages are sparse and keeps every first payload', () => {
    const idx = new IdIndex();
    // 300 ids 2³⁰ apart: 300 pages holding one id each, far below 1/16 full.
    for (let i = 0; i < 300; i++) expect(idx.getOrInsert(`R${i * 2 ** 30}`, i)).toBe(-1);
    for (let i = 0; i < 300; i++) expect(idx.getOrInsert(`R${i * 2 ** 30}`, 9999)).toBe(i);
    expect(idx.size).toBe(300);
  });
  it('ChunkedList keeps values across chunk boundaries', () => {
    const l = new ChunkedList(Int32Array);
    for (let i = 0; i < 200_000; i++) l.push(i * 7 - 5);
    expect([l.length, l.get(0), l.get(65_535), l.get(65_536), l.get(199_999)]).toEqual([200_000, -5, 65_535 * 7 - 5, 65_536 * 7 - 5, 199_999 * 7 - 5]);
  });
  it('sortByOrder orders by (hash, opened, index), leaving out (0, 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), { maxLength: 400 }),
        (rows) => {
          const hi = new ChunkedList(Uint32Array);
          const lo = new ChunkedList(Uint32Array);
          const op = new ChunkedList(Int32Array);
          // Spread the small hashes over all 32 bits so that every radix pass matters.
          const spread = (x: number) => (x * 0x5bd1e995) >>> 0;
          for (const [h, l, o] of rows) {
            hi.push(spread(h));
            lo.push(h === 0 && l === 0 ? 0 : spread(l) || 7);
            op.push(o % 2 ? o : o & 0xff);
          }
          const want = rows
            .map((_, i) => i)
            .filter((i) => hi.get(i) !== 0 || lo.get(i) !== 0)
            .sort((a, b) => hi.get(a) - hi.get(b) || lo.get(a) - lo.get(b) || op.get(a) - op.get(b) || a - b);
          expect([...sortByOrder(hi, lo, op)]).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// A random ticket export: types, times in whole minutes (some durations past 91 days), orders that repeat,
// models and fault classes, reopen flags and visits.
const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 1) / MIN;
const stamp = (m: number) => new Date(m * MIN).toISOString().slice(0, 16).replace('T', ' ');
const ticket = fc.record({
  type: fc.constantFrom('维修', '维修', '维修', '安装', '咨询', '投诉'),
  opened: fc.integer({ min: 0, max: 90 * 1440 }),
  first: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  onSite: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  resolved: fc.option(fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 400 * 1440 })), { nil: null }),
  order: fc.option(fc.constantFrom('A1', 'A2', 'B7', 'SN-9', 'SN-10', '订单3'), { nil: null }),
  model: fc.option(fc.constantFrom('X1', 'X2', 'Y9'), { nil: null }),
  fault: fc.option(fc.constantFrom('主板故障', '软件', 'wifi 断连', '摔坏'), { nil: null }),
  reopened: fc.constantFrom('', '是', '0', '2次'),
  visits: fc.constantFrom('', '1', '2'),
});

type Ticket = typeof ticket extends fc.Arbitrary<infer T> ? T : never;
function naive(rows: Ticket[], windowDays: number) {
  // Hours per type, kept as doubles and sorted, as the code did before it counted minutes.
  const byType = new Map<string, { first: number[]; onSite: number[]; res: number[] }>();
  const kind = (t: string) => ({ 维修: 'repair', 安装: 'installation', 咨询: 'consultation', 投诉: 'complaint' })[t]!;
  for (const r of rows) {
    const k = kind(r.type);
    const s = byType.get(k) ?? { first: [], onSite: [], res: [] };
    byType.set(k, s);
    if (r.first !== null) s.first.push(r.first / 60);
    if (r.onSite !== null && (k === 'repair' || k === 'installation')) s.onSite.push(r.onSite / 60);
    if (r.resolved !== null) s.res.push(r.resolved / 60);
  }
  // Repeats: sort the repairs with an order by (order, opened, row) and compare each with the next.
  const repairs = rows.map((r, i) => ({ ...r, i })).filter((r) => r.type === '维修');
  const repeated = new Set<number>();
  for (const r of repairs) if (r.reopened === '是' || r.reopened === '2次') repeated.add(r.i);
  const withOrder = repairs
    .filter((r) => r.order !== null)
    .sort((a, b) => (a.order! < b.order! ? -1 : a.order! > b.order! ? 1 : 0) || a.opened - b.opened || a.i - b.i);
  for (let k = 0; k + 1 < withOrder.length; k++) {
    const a = withOrder[k]!;
    const b = withOrder[k + 1]!;
    if (a.order !== b.order) continue;
    const end = a.resolved === null ? a.opened : a.opened + a.resolved;
    if (b.opened - end <= windowDays * 1440) repeated.add(a.i);
  }
  const resolved = repairs.filter((r) => r.resolved !== null);
  const rep = resolved.filter((r) => repeated.has(r.i)).length;
  const ftf = resolved.filter((r) => !repeated.has(r.i) && r.visits !== '2').length;
  const groups = (of: (r: (typeof repairs)[number]) => string | null) => {
    const m = new Map<string, { repairs: number; resolved: number; repeated: number; hours: number[] }>();
    for (const r of repairs) {
      const g = of(r);
      if (g === null) continue;
      const x = m.get(g) ?? { repairs: 0, resolved: 0, repeated: 0, hours: [] };
      m.set(g, x);
      x.repairs++;
      if (r.resolved === null) continue;
      x.resolved++;
      x.hours.push(r.resolved / 60);
      if (repeated.has(r.i)) x.repeated++;
    }
    return new Map([...m].map(([g, x]) => [g, { repairs: x.repairs, resolved: x.resolved, repeated: x.repeated, median: naivePercentile(x.hours, 0.5) }]));
  };
  const faultOf = (f: string) => ({ 主板故障: '硬件', 软件: '软件', 'wifi 断连': '网络', 摔坏: '人为损坏' })[f]!;
  return {
    byType,
    resolved: resolved.length,
    rep,
    ftf,
    byModel: groups((r) => r.model),
    byFault: groups((r) => (r.fault === null ? null : faultOf(r.fault))),
  };
}

describe('records: the compact path equals the naive exact computation on random exports', async () => {
  await loadChineseText();
  it('durations, first-time fix, repeat repairs and the model / fault-class breakdown', () => {
    // The report's own rounding (a presentation step, the same on both sides).
    const r2 = (x: number | null) => (x === null ? null : roundTo(x, 2));
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 120 }), fc.constantFrom(7, 30), (rows, windowDays) => {
        const acc = new RecordsAccumulator('t.csv', { commitments: {}, calendar: buildCalendar(null), asOf: '2026-12-31', repeatWindowDays: windowDays });
        acc.sink.header(['工单号', '类型', '受理时间', '首次响应时间', '上门时间', '完成时间', '上门次数', '重开次数', '订单号', '产品型号', '故障类型'], 1);
        rows.forEach((r, i) => {
          const at = (d: number | null) => (d === null ? '' : stamp(T0 + r.opened + d));
          acc.sink.row(i + 2, [
            `T${i}`,
            r.type,
            stamp(T0 + r.opened),
            at(r.first),
            at(r.onSite),
            at(r.resolved),
            r.visits,
            r.reopened,
            r.order ?? '',
            r.model ?? '',
            r.fault ?? '',
          ]);
        });
        const a = acc.finish({ file: 't.csv', format: 'csv', encoding: 'utf-8', sha256: '', rows: rows.length, headerLine: 1, titleRowsSkipped: 0 });
        const want = naive(rows, windowDays);
        expect(a.valid).toBe(rows.length);
        for (const t of a.types) {
          const s = want.byType.get(t.type)!;
          expect(t.firstContactHours).toEqual({ n: s.first.length, median: r2(naivePercentile(s.first, 0.5)), p90: r2(naivePercentile(s.first, 0.9)) });
          expect(t.resolutionHours).toEqual({ n: s.res.length, median: r2(naivePercentile(s.res, 0.5)), p90: r2(naivePercentile(s.res, 0.9)) });
          if (t.onSiteHours) expect(t.onSiteHours.median).toBe(r2(naivePercentile(s.onSite, 0.5)));
          if (t.type === 'repair') {
            expect(t.repeatRepair).toMatchObject({ n: want.resolved, repeated: want.rep });
            expect(t.firstTimeFix?.n).toBe(want.resolved);
            expect(t.firstTimeFix?.share).toBe(want.resolved ? roundTo(want.ftf / want.resolved, 4) : null);
          }
        }
        for (const [list, exp] of [
          [a.repairs?.byModel, want.byModel],
          [a.repairs?.byFaultClass, want.byFault],
        ] as const) {
          expect(new Set((list ?? []).map((g) => g.group))).toEqual(new Set(exp.keys()));
          for (const g of list ?? []) {
            const e = exp.get(g.group)!;
            expect([g.repairs, g.resolved, g.repeated, g.resolutionMedianHours]).toEqual([e.repairs, e.resolved, e.repeated, r2(e.median)]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
