import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const FIXTURE = 'test/fixtures/planning/effort-table.yaml';

// Worked by hand from the fixture's gaps (applicable 100, so a gap's points are what it recovers):
//   A 5.1.5.1 4 points, 5 days (rubric)   B 5.1.4.1 3 points, 8 days (rubric)
//   D 5.1.1.1 2 points, 1 day (company)   E 5.1.1.2 2 points, 1.5 days (company)
// Now 89.0 (three-star).
// Four-star (≥ 90) needs 1 point: D alone, 1 day → 91.0.
// Five-star (≥ 95) needs 6: A+D 6 pts 6 d · A+E 6.5 d · A+D+E 7.5 d · B+D+E 10.5 d · A+B 13 d → A + D, 6 days.
// In rubric order: 5.1.1.1 (89 + 2 = 91.0), then 5.1.5.1 (91 + 4 = 95.0).
const ROWS = {
  'zh-CN': {
    heading: ['四星级（≥ 90）', '五星级（≥ 95）'],
    rows: ['1 5.1.1.1 售后服务部门与岗位职责 +2.0 1 证据文件（企业估计） 91.0', '2 5.1.5.1 内部监督机构与专职人员 +4.0 5 评价表（本工具估计） 95.0'],
    totals: ['合计 1 项 · 估计 1 个工作日 · 完成后预计得分 91.0', '合计 2 项 · 估计 6 个工作日 · 完成后预计得分 95.0'],
    title: '最省工作量路径',
  },
  en: {
    heading: ['Four-star (≥ 90)', 'Five-star (≥ 95)'],
    rows: [
      '1 5.1.1.1 After-sales department and post responsibilities +2.0 1 evidence file (company) 91.0',
      '2 5.1.5.1 Internal supervision body and full-time staff +4.0 5 rubric (our estimate) 95.0',
    ],
    totals: ['Actions: 1 · estimated working days: 1 · score once done: 91.0', 'Actions: 2 · estimated working days: 6 · score once done: 95.0'],
    title: 'Least-effort paths',
  },
} as const;

/** pdftotext breaks lines where the PDF wraps them: compare without white space. */
const squash = (s: string) => s.replace(/\s+/g, '');
/** HTML cells joined by tags: the text of the page with tags turned into spaces. */
const htmlText = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');

function pdfText(file: string, lang: 'zh-CN' | 'en'): string {
  const pdf = join(mkdtempSync(join(tmpdir(), 'asa-paths-')), 'r.pdf');
  cli(['score', file, '--lang', lang, '--format', 'pdf', '--out', pdf]);
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
}

describe('the per-action effort table of each cheapest path (PDF and HTML)', () => {
  it('JSON: each action carries the running score, the last one the path final', () => {
    const j = JSON.parse(cli(['score', FIXTURE, '--format', 'json']).stdout);
    expect(j.score.final).toBe(89);
    expect(j.paths.map((p: { actions: unknown }) => p.actions)).toEqual([
      [{ criterion: '5.1.1.1', recoverable: 2, effort: { days: 1, source: 'evidence' }, after: 91 }],
      [
        { criterion: '5.1.1.1', recoverable: 2, effort: { days: 1, source: 'evidence' }, after: 91 },
        { criterion: '5.1.5.1', recoverable: 4, effort: { days: 5, source: 'rubric' }, after: 95 },
      ],
    ]);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`PDF (${lang}): in the action-plan chapter, a table per level with each action, its effort and source, the running score and the total`, () => {
      const text = pdfText(FIXTURE, lang);
      const at = text.indexOf(ROWS[lang].title);
      expect(at).toBeGreaterThan(0);
      const section = squash(text.slice(at));
      let from = 0;
      for (const [i, heading] of ROWS[lang].heading.entries()) {
        const h = section.indexOf(squash(heading), from);
        expect(h, heading).toBeGreaterThanOrEqual(from);
        from = h;
        const total = section.indexOf(squash(ROWS[lang].totals[i]!), from);
        expect(total, ROWS[lang].totals[i]).toBeGreaterThan(h);
        from = total;
      }
      for (const row of ROWS[lang].rows) expect(section).toContain(squash(row));
    });
  }

  it('HTML: both languages, each with its tables', () => {
    const page = htmlText(cli(['score', FIXTURE, '--format', 'html']).stdout);
    for (const lang of ['zh-CN', 'en'] as const) {
      const s = squash(page);
      expect(s).toContain(squash(ROWS[lang].title));
      for (const row of ROWS[lang].rows) expect(s).toContain(squash(row));
      for (const total of ROWS[lang].totals) expect(s).toContain(squash(total));
    }
  });

  it('where no set reaches a level, the table says what blocks it (five special deductions fail whatever the points)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-paths-blocked-'));
    const file = join(dir, 'company.yaml');
    const deductions = Array.from({ length: 5 }, (_, i) => `  - { clause: 5.3.2, reason: late complaint ${i + 1} }`).join('\n');
    writeFileSync(file, `${readFileSync(join(ROOT, FIXTURE), 'utf8')}specialDeductions:\n${deductions}\n`);
    // 89 − 5 = 84.0, but five deductions fail the assessment: every level from compliant up is out of reach.
    const zh = squash(pdfText(file, 'zh-CN'));
    for (const level of ['达标级（≥ 70）', '三星级（≥ 80）', '四星级（≥ 90）', '五星级（≥ 95）'])
      expect(zh).toContain(squash(`${level}无法达到：特别扣分项 5 项（达 5 项即判不合格），须先纠正`));
    const page = squash(htmlText(cli(['score', file, '--format', 'html']).stdout));
    expect(page).toContain(squash('Five-star (≥ 95) Out of reach: 5 special deductions (5 fail the assessment) must be corrected first'));
  });
});
