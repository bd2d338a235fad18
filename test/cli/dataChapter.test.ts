// Issue #22: repairs by product model and fault class, and the follow-up of closed tickets, in the data chapter
// of the PDF and the HTML data section (both languages). The figures are the ones worked out by hand in
// test/unit/datasetsSecondPass.test.ts (by-model.csv) and test/unit/followUp.test.ts (the follow-up fixtures).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

function evidence(records: string, survey?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'asa-chapter-'));
  cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
  cpSync(join(ROOT, records), join(d, 'data/tickets-2026Q3.csv'));
  if (survey) cpSync(join(ROOT, survey), join(d, 'data/survey-2026Q3.csv'));
  return join(d, 'company.yaml');
}
const render = (file: string, format: 'pdf' | 'html', lang: string) => {
  const out = join(file, '..', `r-${lang}.${format}`);
  const r = cli(['score', file, '--format', format, '--lang', lang, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return format === 'pdf' ? execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') : readFileSync(out, 'utf8');
};

describe('data chapter: repairs by model and fault class', () => {
  const file = evidence('test/fixtures/records/by-model.csv');
  // KF-35: 8 repairs, 2 reopened → 25.0 %, median (8 + 10) / 2 = 9 h, 8 / mean 4 = 2.0× → flagged.
  // 硬件: 5 repairs, 2 / 5 = 40.0 %, median 6 h. BX-100: 2 repairs, 50.0 %, 25 h, not flagged.
  it('the PDF, in Chinese and English, names the flagged model with its figures', () => {
    const zh = render(file, 'pdf', 'zh-CN');
    expect(zh).toContain('维修工单按产品型号');
    expect(zh).toContain('KF-35825.0%9.0均值的2.0倍，反馈产品团队');
    expect(zh).toContain('硬件540.0%6.0');
    expect(zh).toContain('BX-100250.0%25.0');
    const en = render(file, 'pdf', 'en');
    expect(en).toContain('Repairsbyproductmodel');
    // English headers wrap onto two lines, so pdftotext interleaves them with the first row: the row's cells in order.
    expect(en).toMatch(/KF-35.{0,40}825\.0%.{0,30}9\.02\.0×themean:totheproductteam/);
    expect(en).toContain('BX-100250.0%25.0');
    expect(en).toContain('Repairsbyfaultclass');
  });
  it('the HTML, in both languages', () => {
    const en = render(file, 'html', 'en');
    expect(en).toContain('<tr><td><strong>KF-35</strong></td><td class="num">8</td><td class="num">25.0%</td><td class="num">9.0</td>');
    expect(en).toContain('2.0× the mean: to the product team');
    expect(en).toMatch(/<td>BX-100<\/td><td class="num">2<\/td><td class="num">50.0%<\/td><td class="num">25.0<\/td><td><\/td>/);
    const zh = render(file, 'html', 'zh-CN');
    expect(zh).toContain('维修工单按故障类别');
    expect(zh).toContain('均值的 2.0 倍，反馈产品团队');
  });
});

describe('data chapter: follow-up of closed tickets', () => {
  const file = evidence('test/fixtures/followup/tickets.csv', 'test/fixtures/followup/survey-orders.csv');
  // 4 of 6 closed tickets followed up (66.7 %); median 31.24 h, shown to one decimal: 31.2; within 24 h 2 of 4 (50.0 %).
  it('PDF and HTML state the share, the median delay and the share within 24 hours', () => {
    const zh = render(file, 'pdf', 'zh-CN');
    expect(zh).toContain('已关闭工单回访（调查按订单号关联）');
    expect(zh).toContain('已回访66.7%（4/6单）');
    expect(zh).toContain('关闭到回访中位31.2小时·24小时内50.0%（2/4）');
    const en = render(file, 'html', 'en');
    expect(en).toContain('<li>followed up 66.7% (4 of 6 closed tickets)</li>');
    expect(en).toContain('<li>median 31.2 h from close to response · within 24 h 50.0% (2 of 4)</li>');
  });
});

describe('the score terminal report says the same under the records dataset', () => {
  it('the flagged model and the follow-up, with the figures worked out above', () => {
    const byModel = cli(['score', evidence('test/fixtures/records/by-model.csv'), '--no-color']).stdout;
    // KF-35: 8 repairs, 8 / mean 4 = 2.0× → flagged; BX-100 is not.
    expect(byModel).toContain('维修工单按产品型号');
    expect(byModel).toContain('⚠ KF-35：8 维修单 · 均值的 2.0 倍，反馈产品团队');
    expect(byModel).not.toContain('⚠ BX-100');
    const followUp = cli([
      'score',
      evidence('test/fixtures/followup/tickets.csv', 'test/fixtures/followup/survey-orders.csv'),
      '--no-color',
      '--lang',
      'en',
    ]).stdout;
    // 4 of 6 closed tickets followed up (66.7 %); within 24 h 2 of 4 (50.0 %).
    expect(followUp).toContain('Follow-up of closed tickets (survey joined on the order number)');
    expect(followUp).toContain('followed up 66.7% (4 of 6 closed tickets)');
    expect(followUp).toMatch(/within 24 h 50\.0% \(2 of 4\)/);
  });
});
