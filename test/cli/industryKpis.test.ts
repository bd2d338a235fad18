import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const DIR = 'test/fixtures/records/industry';
const TICKETS = `${DIR}/tickets.csv`;
const COMPANY = `${DIR}/company.yaml`;

// The figures are worked by hand in test/unit/industryKpis.test.ts (tickets.csv, free re-repair period 30 days):
// remote 4 of 8 resolved repairs with a read method; repeats within 30 days 2 of 10; stock-outs 3 of 11 repairs.
const LINES = {
  'zh-CN': [
    '行业指标（智能家电）',
    '远程解决占比（远程诊断、固件升级）：50.0%（4/8）',
    '硬件 5（45.5%），软件 3（27.3%），网络 2（18.2%），人为损坏 1（9.1%）',
    '免费再修期内的返修率：20.0%（2/10）',
    '关键配件缺货的维修占比：27.3%（3/11）',
  ],
  en: [
    'Industry KPIs (Smart appliances)',
    'Share resolved remotely (remote diagnosis, firmware upgrade): 50.0% (4 of 8)',
    'hardware 5 (45.5%), software 3 (27.3%), network 2 (18.2%), user damage 1 (9.1%)',
    'Repeat repairs within the free re-repair period: 20.0% (2 of 10)',
    'Share of repairs that waited for a key part: 27.3% (3 of 11)',
  ],
} as const;

const squash = (s: string) => s.replace(/\s+/g, '');
const untag = (s: string) => s.replace(/<[^>]+>/g, '');

describe('industry KPIs in the records command and the score report (company.industry: smart-appliances)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`records terminal (${lang})`, () => {
      const out = cli(['records', TICKETS, '--evidence', COMPANY, '--lang', lang]).stdout;
      for (const line of LINES[lang]) expect(out).toContain(line);
    });
  }

  it('records JSON and the score report JSON (datasets[].digest.industryKpis) carry the same figures', () => {
    const rec = JSON.parse(cli(['records', TICKETS, '--evidence', COMPANY, '--format', 'json']).stdout);
    const rep = JSON.parse(cli(['score', COMPANY, '--format', 'json']).stdout);
    const digest = rep.datasets.find((d: { name: string }) => d.name === 'records').digest;
    expect(digest.industryKpis).toEqual(rec.industryKpis);
    expect(rec.industryKpis.kpis.map((k: { id: string; value: number }) => [k.id, k.value ?? null])).toEqual([
      ['remote-resolution-share', 0.5],
      ['fault-class-mix', null],
      ['repeat-within-free-period', 0.2],
      ['parts-stock-outs', 0.2727],
    ]);
  });

  it('the score report data section, HTML (both languages) and PDF', () => {
    const html = squash(untag(cli(['score', COMPANY, '--format', 'html']).stdout));
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(html).toContain(squash(LINES[lang][0]));
      // In the table the title and the result are two cells: the result and the breakdown are checked apart.
      expect(html).toContain(squash('50.0%（4/8）'));
      expect(html).toContain(squash(LINES[lang][2]));
    }
    const pdf = join(mkdtempSync(join(tmpdir(), 'asa-kpi-')), 'r.pdf');
    cli(['score', COMPANY, '--format', 'pdf', '--out', pdf]);
    const text = squash(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash('行业指标（智能家电）'));
    for (const s of ['50.0%（4/8）', '20.0%（2/10）', '27.3%（3/11）', LINES['zh-CN'][2]]) expect(text).toContain(squash(s));
  });

  it('says what an export lacks: not measurable, needs column X', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-kpi-bare-'));
    writeFileSync(join(dir, 't.csv'), '工单号,类型,受理时间,完成时间\nR1,维修,2026-09-01 09:00,2026-09-02 09:00\n');
    writeFileSync(join(dir, 'c.yaml'), 'schemaVersion: 1\ncompany: { name: X, industry: 智能家电 }\nassessment: { date: 2026-11-01 }\n');
    const zh = cli(['records', join(dir, 't.csv'), '--evidence', join(dir, 'c.yaml')]).stdout;
    expect(zh).toContain('远程解决占比（远程诊断、固件升级）：无法计算 — 需要“处理方式”列（或 解决方式 / 服务方式）');
    expect(zh).toContain('免费再修期内的返修率：无法计算 — 需要“订单号”列（或 产品序列号 / 序列号）；需要在证据文件中填写 commitments.freeRepairDays');
    expect(zh).toContain('关键配件缺货的维修占比：无法计算 — 需要“缺件”列');
    const en = cli(['records', join(dir, 't.csv'), '--evidence', join(dir, 'c.yaml'), '--lang', 'en']).stdout;
    expect(en).toContain('Share resolved remotely (remote diagnosis, firmware upgrade): not measurable — needs a column "处理方式"');
  });

  it('without company.industry the records output has no industry section', () => {
    const out = cli(['records', TICKETS, '--as-of', '2026-11-01', '--lang', 'en']).stdout;
    expect(out).not.toContain('Industry KPIs');
  });
});
