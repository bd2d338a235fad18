import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRecordsFile } from '../../src/datasets/analyze.js';
import { kpiRequest } from '../../src/datasets/industryKpis.js';
import { buildCalendar } from '../../src/datasets/workCalendar.js';
import type { IndustryKpiResult } from '../../src/model/data.js';
import { findIndustry } from '../../src/validate/industries.js';
import { ROOT } from '../helpers.js';

const TICKETS = join(ROOT, 'test/fixtures/records/industry/tickets.csv');
const SMART = kpiRequest(findIndustry('smart-appliances'))!;
const ELECTRONICS = kpiRequest(findIndustry('electronics'))!;

async function kpis(file: string, o: { freeRepairDays?: number; industry?: typeof SMART; repairResponseHours?: number } = {}) {
  const { industry = SMART, ...commitments } = o;
  const a = await analyzeRecordsFile(file, { commitments, calendar: buildCalendar(null), asOf: '2026-11-01', industry });
  const byId = new Map((a.industryKpis?.kpis ?? []).map((k) => [k.id, k] as const));
  return (id: string): IndustryKpiResult => byId.get(id)!;
}

function csv(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'asa-kpi-')), 'tickets.csv');
  writeFileSync(f, text);
  return f;
}

// tickets.csv: 12 tickets, 11 repairs (R10 is an enquiry), analysed as of 2026-11-01.
describe('smart-appliance KPIs from the service records (tickets.csv, worked by hand)', async () => {
  const k = await kpis(TICKETS, { freeRepairDays: 30 });

  it('remote-resolution share: over the resolved repairs whose 处理方式 was read', () => {
    // Resolved repairs: R1 上门, R2 上门更换, R5 寄修, R11 上门 → on site 4; R3 远程诊断, R4 固件升级, R6 电话指导,
    // R7 远程 → remote 4; R9 人工处理 → unclassified (not guessed); R12 blank → not recorded; R8 is open.
    // 4 / (4 + 4) = 0.5.
    expect(k('remote-resolution-share')).toMatchObject({
      status: 'measured',
      value: 0.5,
      count: 4,
      n: 8,
      parts: [
        { id: 'on-site', count: 4, share: 0.5 },
        { id: 'remote', count: 4, share: 0.5 },
        { id: 'unclassified', count: 1, share: null },
        { id: 'not-recorded', count: 1, share: null },
      ],
    });
  });

  it('fault-class mix: seed 004 classes over the 11 repairs (the records fault-class breakdown)', () => {
    // 硬件: R1 主板故障, R2 主板, R8 主板, R9 硬件, R11 主板 = 5 → 5/11 = 0.4545; 软件: R3 系统卡顿, R6 软件, R7 系统 = 3 →
    // 0.2727; 网络: R4 WiFi连接失败, R12 网络 = 2 → 0.1818; 人为损坏: R5 摔坏 = 1 → 0.0909.
    expect(k('fault-class-mix')).toMatchObject({
      status: 'measured',
      n: 11,
      parts: [
        { id: '硬件', count: 5, share: 0.4545 },
        { id: '软件', count: 3, share: 0.2727 },
        { id: '网络', count: 2, share: 0.1818 },
        { id: '人为损坏', count: 1, share: 0.0909 },
      ],
    });
  });

  it('repeat repairs within the free re-repair period (commitments.freeRepairDays: 30)', () => {
    // Resolved repairs with a serial: 10 (R8 is open). SN-A: R2 opened 09-20 09:00, 18 days after R1 was resolved
    // (09-02 09:00) → R1 repeated. SN-B: R7 opened 10-01 09:00, 25 d 21 h after R3 (09-05 12:00) → R3 repeated.
    // SN-C: R4 opened 09-10, 39 days after R11 (08-02) → not within 30. 2 / 10 = 0.2.
    // Still in their period on 2026-11-01 (23:59) and not repeated: R9 (resolved 10-26) and R12 (10-06): 2.
    expect(k('repeat-within-free-period')).toMatchObject({ status: 'measured', value: 0.2, count: 2, n: 10, days: 30, stillInPeriod: 2 });
  });

  it('parts stock-outs: repairs whose 缺件 cell says parts were missing', () => {
    // R2 缺件, R5 待料, R8 缺货; R3 否 is not. 3 of 11 repairs = 0.2727.
    expect(k('parts-stock-outs')).toMatchObject({ status: 'measured', value: 0.2727, count: 3, n: 11 });
  });

  it('with a shorter period the same data gives fewer repeats', async () => {
    // 20 days: R1 → R2 is 18 days (still a repeat); R3 → R7 is 25.9 days (no longer). R12, resolved 10-06 09:00, is
    // 26.6 days before the end of 11-01: past 20 days, so only R9 is still in its period. 1 / 10 = 0.1.
    const k20 = await kpis(TICKETS, { freeRepairDays: 20 });
    expect(k20('repeat-within-free-period')).toMatchObject({ value: 0.1, count: 1, n: 10, days: 20, stillInPeriod: 1 });
  });
});

describe('a KPI the export or the evidence cannot give says what it needs', async () => {
  // Only the required columns and a resolution time: no 处理方式, 故障类型, serial or 缺件 column.
  const bare = csv('工单号,类型,受理时间,完成时间\nR1,维修,2026-09-01 09:00,2026-09-02 09:00\n');

  it('names the missing column of each KPI', async () => {
    const k = await kpis(bare, { freeRepairDays: 30 });
    expect(k('remote-resolution-share')).toMatchObject({ status: 'not-measurable', needs: { columns: ['channel'] } });
    expect(k('fault-class-mix')).toMatchObject({ status: 'not-measurable', needs: { columns: ['faultClass'] } });
    expect(k('repeat-within-free-period')).toMatchObject({ status: 'not-measurable', needs: { columns: ['order'] } });
    expect(k('parts-stock-outs')).toMatchObject({ status: 'not-measurable', needs: { columns: ['partsWaiting'] } });
  });

  it('the free-period KPI needs the commitment even with a serial column', async () => {
    const k = await kpis(TICKETS);
    expect(k('repeat-within-free-period')).toMatchObject({ status: 'not-measurable', needs: { columns: [], commitment: 'freeRepairDays' } });
  });

  it('the electronics profile reuses first-time fix, repeats and the commitment shares', async () => {
    // tickets.csv has a serial column, so first-time fix and repeats are measurable (30-day window, ours):
    // resolved repairs 10; repeated R1 (→ R2, 18 d) and R3 (→ R7, 25.9 d); R11 → R4 is 39 d. 2/10 = 0.2, and
    // first-time fix 8/10 = 0.8 (no visits column: every other resolved repair counts).
    const k = await kpis(TICKETS, { industry: ELECTRONICS });
    expect(k('first-time-resolution')).toMatchObject({ status: 'measured', value: 0.8, n: 10 });
    expect(k('repeat-repairs')).toMatchObject({ status: 'measured', value: 0.2, count: 2, n: 10 });
    // No commitment declared: nothing to measure against.
    expect(k('response-within-commitment')).toMatchObject({ status: 'not-measurable', needs: { columns: [], commitment: 'any' } });
  });

  it('without an industry no KPI is computed', async () => {
    const a = await analyzeRecordsFile(TICKETS, { commitments: {}, calendar: buildCalendar(null), asOf: '2026-11-01' });
    expect(a.industryKpis).toBeUndefined();
  });
});

describe('remote share over varied channel words', () => {
  it('counts each resolved repair once, remote + on-site + unclassified + not recorded = resolved repairs', async () => {
    const words = ['远程', '上门', 'OTA升级', '到店', '寄修', '其他', '', '電話指導', 'remote', 'On-site'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), async (ws) => {
        const rows = ws.map((w, i) => `R${i},维修,2026-09-01 09:00,2026-09-02 09:00,${w}`);
        const k = await kpis(csv(`工单号,类型,受理时间,完成时间,处理方式\n${rows.join('\n')}\n`));
        const r = k('remote-resolution-share');
        const total = r.parts!.reduce((a, p) => a + p.count, 0);
        expect(total).toBe(ws.length);
        const remote = ws.filter((w) => ['远程', 'OTA升级', '電話指導', 'remote'].includes(w)).length;
        expect(r.count).toBe(remote);
      }),
      { numRuns: 25 },
    );
  });
});
