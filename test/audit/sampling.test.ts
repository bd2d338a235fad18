// The mock audit's pure core: our sample-size rule, the seeded draws and the plan (reference/audit-sampling.yaml).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planAudit } from '../../src/audit/planAudit.js';
import { sampleSize } from '../../src/audit/sampleSize.js';
import { drawDistinct, hash32, mulberry32 } from '../../src/audit/seededRandom.js';
import type { AuditSampling } from '../../src/model/auditPlan.js';
import { allMet, ROOT, rubric } from '../helpers.js';

const SAMPLING = parse(readFileSync(join(ROOT, 'reference/audit-sampling.yaml'), 'utf8')) as AuditSampling;
const RULE = SAMPLING.rule;
const SEED = 20261101;

describe('sample size: n = min(N, max(5, min(30, ⌈√N⌉))) — our rule, not the standard’s', () => {
  it.each([
    [0, 0], // nothing to draw
    [3, 3], // fewer than the minimum: all of them
    [5, 5], // ⌈√5⌉ = 3 → raised to 5
    [10, 5], // ⌈3.16⌉ = 4 → 5
    [40, 7], // ⌈6.32⌉ = 7
    [42, 7], // ⌈6.48⌉ = 7 (the example's complaints)
    [83, 10], // ⌈9.11⌉ = 10 (enquiries)
    [94, 10], // ⌈9.70⌉ = 10 (installations)
    [100, 10], // √100 = 10 exactly, not 11
    [181, 14], // ⌈13.45⌉ = 14 (repairs)
    [400, 20], // √400 = 20 exactly
    [900, 30], // √900 = 30, the maximum
    [901, 30], // ⌈30.02⌉ = 31 → capped at 30
    [1_000_000, 30],
  ])('N = %i → n = %i', (n, expected) => {
    expect(sampleSize(n, RULE)).toBe(expected);
  });

  it('the rule is the data’s: a surveillance factor 0.6 and a population’s own bounds', () => {
    // 0.6 × √400 = 12 exactly; 0.6 × √100 = 6; 0.6 × √10 = 1.9 → 2 → raised to 5.
    const surveillance = { ...RULE, factor: 0.6 };
    expect([400, 100, 10].map((n) => sampleSize(n, surveillance))).toEqual([12, 6, 5]);
    // A population capped at 8 and raised to 3: ⌈√400⌉ = 20 → 8; N = 4 → ⌈2⌉ = 2 → 3.
    const pop = { title: RULE.label, unit: RULE.label, minimum: 3, maximum: 8 };
    expect([sampleSize(400, RULE, pop), sampleSize(4, RULE, pop)]).toEqual([8, 3]);
  });

  it('labels itself as ours in both languages', () => {
    expect(RULE.label['zh-CN']).toContain('GB/T 27922 未规定样本量');
    expect(RULE.label.en).toContain('GB/T 27922 sets no sample size');
  });
});

describe('seeded draws', () => {
  it('mulberry32 gives the reference C implementation’s sequence (not Math.random)', () => {
    // Expected values printed by Tommy Ettinger's C mulberry32 (uint32_t state; z = state += 0x6D2B79F5; …),
    // compiled with gcc: seed 1 → 2693262067, 11749833, 2265367787; seed 0xdeadbeef → 4043151706, 1147597007, 3315858022.
    const one = mulberry32(1);
    expect([one(), one(), one()]).toEqual([2693262067, 11749833, 2265367787]);
    const beef = mulberry32(0xdeadbeef);
    expect([beef(), beef(), beef()]).toEqual([4043151706, 1147597007, 3315858022]);
  });

  it('FNV-1a: "" → 0x811c9dc5, "a" → 0xe40c292c (the published test vectors)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });

  it('property: k distinct positions within 1..N, ascending, min(k, N) of them; the same seed the same draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n, k, seed) => {
        const a = drawDistinct(n, k, mulberry32(seed));
        expect(a.length).toBe(Math.min(n, k));
        expect(new Set(a).size).toBe(a.length);
        for (const p of a) expect(p >= 1 && p <= n && Number.isInteger(p)).toBe(true);
        expect([...a].sort((x, y) => x - y)).toEqual(a);
        expect(drawDistinct(n, k, mulberry32(seed))).toEqual(a);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('drawing all of a population gives every position once', () => {
    expect(drawDistinct(7, 7, mulberry32(5))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('is roughly uniform: over 20 000 draws of 1 of 10, each position 1 800–2 200 times', () => {
    const counts = new Array(10).fill(0);
    const next = mulberry32(42);
    for (let i = 0; i < 20_000; i++) counts[drawDistinct(10, 1, next)[0]! - 1]++;
    for (const c of counts) expect(c > 1800 && c < 2200).toBe(true);
  });
});

describe('the plan', () => {
  const meta = {
    tool: { name: 'aftersales-assess', version: 't' },
    evidenceFile: { path: 'c.yaml', sha256: '0'.repeat(64) },
    rubric: { id: rubric.id, version: rubric.version },
    records: null,
  };
  const evidence = { ...allMet(), metrics: { certifiedServiceManagers: 3, serviceManagementStaff: 30, serviceOutlets: 40, serviceStaff: 120 } };
  const plan = (seed: number, records: Parameters<typeof planAudit>[0]['records'] = null, ev = evidence) =>
    planAudit({ rubric, evidence: ev, sampling: SAMPLING, records, seed: { value: seed, source: 'option' }, meta });

  it('lists every criterion the rubric samples, in rubric order, with its population', () => {
    const p = plan(1);
    expect(p.criteria.map((c) => [c.id, c.population.id])).toEqual([
      ['5.1.1.2', 'outlets'],
      ['5.1.2.1', 'staff-files'],
      ['5.2.3.2', 'installation-orders'],
      ['5.2.4.2', 'repair-orders'],
      ['5.2.4.3', 'repair-orders'],
      ['5.3.1.1', 'enquiry-records'],
      ['5.3.2.2', 'complaint-cases'],
    ]);
    expect(p.rule.ours).toBe(true);
  });

  it('slots from the evidence file’s metrics: 40 outlets → 7, 120 staff files → ⌈10.95⌉ = 11; records populations unknown without a dataset', () => {
    const p = plan(1);
    const by = Object.fromEntries(p.criteria.map((c) => [c.id, c]));
    expect(by['5.1.1.2']).toMatchObject({ population: { size: 40, source: { kind: 'metric', metric: 'serviceOutlets' } }, sampleSize: 7 });
    expect(by['5.1.2.1']).toMatchObject({ population: { size: 120 }, sampleSize: 11 });
    expect(by['5.1.1.2']!.items).toHaveLength(7);
    expect(by['5.3.2.2']).toMatchObject({ population: { size: null, source: { kind: 'none', records: 'complaint' } }, sampleSize: null, items: [] });
  });

  it('from records counts: N per type; the criterion scored from data says so', () => {
    const p = plan(1, { file: 't.csv', counts: { repair: 181, complaint: 42 } });
    const by = Object.fromEntries(p.criteria.map((c) => [c.id, c]));
    expect(by['5.2.4.2']).toMatchObject({ population: { size: 181, source: { kind: 'records', type: 'repair' } }, sampleSize: 14, scoredFromData: true });
    // 5.2.4.3 repair records has no data rule: its sample is what scores it.
    expect(by['5.2.4.3']).toMatchObject({ sampleSize: 14, scoredFromData: false });
    // No installation tickets in the export: N = 0, nothing drawn.
    expect(by['5.2.3.2']).toMatchObject({ population: { size: 0 }, sampleSize: 0, items: [] });
  });

  it('a criterion marked n/a is not sampled', () => {
    const ev = { ...evidence, criteria: { ...evidence.criteria, '5.2.3.2': { status: 'n/a' as const, justification: '无配送' } } };
    expect(plan(1, null, ev).criteria.map((c) => c.id)).not.toContain('5.2.3.2');
  });

  it('same seed → the same plan; another seed → other draws; one criterion’s draws do not depend on another’s N', () => {
    expect(plan(7)).toEqual(plan(7));
    const a = plan(7).criteria[0]!.items.map((i) => i.position);
    const b = plan(8).criteria[0]!.items.map((i) => i.position);
    expect(a).not.toEqual(b);
    const more = plan(7, null, { ...evidence, metrics: { ...evidence.metrics, serviceStaff: 5000 } });
    expect(more.criteria[0]!.items).toEqual(plan(7).criteria[0]!.items);
  });

  it('property: for any N and seed, every criterion draws n = rule(N) distinct positions within 1..N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (outlets, repairs, seed) => {
          const ev = { ...evidence, metrics: { ...evidence.metrics, serviceOutlets: outlets } };
          const p = plan(seed, { file: 't.csv', counts: { repair: repairs } }, ev);
          for (const c of p.criteria) {
            if (c.population.size === null) continue;
            expect(c.sampleSize).toBe(sampleSize(c.population.size, RULE));
            const pos = c.items.map((i) => i.position);
            expect(pos.length).toBe(c.sampleSize);
            expect(new Set(pos).size).toBe(pos.length);
            for (const x of pos) expect(x >= 1 && x <= c.population.size).toBe(true);
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
