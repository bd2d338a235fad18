import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/datasets/readTable.js';
import { analyzeRecords, distribution } from '../../src/datasets/records.js';
import { analyzeSurvey } from '../../src/datasets/survey.js';
import { maskPersonalData } from '../../src/datasets/themes.js';
import { parseDateTime, parseRating } from '../../src/datasets/values.js';
import { workingDaysBetween } from '../../src/datasets/workingDays.js';
import { InputError } from '../../src/model/diagnostic.js';
import { ROOT } from '../helpers.js';

const fx = (...p: string[]) => join(ROOT, 'test/fixtures', ...p);
const at = (s: string) => parseDateTime(s)!;

describe('survey analysis (hand-computed from test/fixtures/survey/survey-2026Q3.csv)', async () => {
  const a = analyzeSurvey(await readTable(fx('survey/survey-2026Q3.csv')));

  it('counts valid responses and reports invalid rows with line and reason', () => {
    expect(a.responses).toBe(9);
    expect(a.invalid).toEqual([
      { line: 10, reason: { code: 'rating-out-of-range', column: '总体满意度（1-5分）', value: '6' } },
      { line: 11, reason: { code: 'duplicate-order', order: 'S002', firstLine: 3 } },
      { line: 12, reason: { code: 'missing-rating', column: '总体满意度（1-5分）' } },
    ]);
    expect(a.period).toEqual({ from: '2026-07-01', to: '2026-07-12' });
  });

  it('computes means, distributions and the 4–5 rates', () => {
    // overall: 5 4 3 2 3 5 4 5 4 → 35/9; six of nine are 4 or 5.
    expect(a.dimensions.overall).toEqual({ mean: 3.89, answered: 9, distribution: [0, 1, 2, 3, 3] });
    expect(a.dimensions.resolution!.mean).toBe(3.78);
    expect(a.dimensions.recommend!.mean).toBe(4);
    expect([a.satisfactionRate, a.firstContactResolutionRate, a.recommendRate]).toEqual([0.6667, 0.6667, 0.6667]);
  });

  it('finds complaint themes and flags those over 20 % as common problems', () => {
    expect(a.themes.map((t) => [t.id, t.mentions, t.share, t.common])).toEqual([
      ['slow-response', 3, 0.3333, true],
      ['appointment', 2, 0.2222, true],
      ['not-resolved', 1, 0.1111, false],
      ['attitude', 1, 0.1111, false],
      ['communication', 1, 0.1111, false],
      ['price', 1, 0.1111, false],
      ['parts', 1, 0.1111, false],
    ]);
  });

  it('flags a group more than 15 % below the overall mean', () => {
    // 华南二组: (2+3+4)/3 = 3.00, (35/9 − 3) / (35/9) = 22.86 % below.
    expect(a.groups).toEqual([
      { group: '华南二组', responses: 3, meanOverall: 3, belowMean: true, shortfall: 0.2286 },
      { group: '华东一组', responses: 6, meanOverall: 4.33, belowMean: false, shortfall: 0 },
    ]);
  });

  it('never carries names, phone numbers or e-mail addresses into the result', () => {
    const json = JSON.stringify(a);
    for (const pii of ['张三', '李四', '13812345678', '13712345678', 'a@b.com']) expect(json).not.toContain(pii);
    expect(json).toContain('联系我 [phone]');
    expect(maskPersonalData('call +86 138-0000-0000? no: 13800000000, 021-12345678, x.y@z.cn')).toBe('call +86 138-0000-0000? no: [phone], [phone], [email]');
  });

  it('reads the same data from UTF-8 with BOM, GB18030 and XLSX (with typed date and number cells)', async () => {
    const bom = await readTable(fx('survey/survey-2026Q3-bom.csv'));
    const gb = await readTable(fx('survey/survey-2026Q3-gb18030.csv'));
    expect(gb.encoding).toBe('gb18030');
    expect(bom.header[0]).toBe('客户');
    // An XLSX made from the same rows, dates as date cells and ratings as numbers, as Excel stores them.
    const csv = await readTable(fx('survey/survey-2026Q3.csv'));
    const cell = (v: unknown, i: number) => {
      if (i === 4) return { value: new Date(parseDateTime(String(v))! * 60000), type: Date, format: 'yyyy-mm-dd' };
      if (i >= 5 && i <= 11 && v !== '') return { value: Number(v), type: Number };
      return { value: v === '' ? null : String(v) };
    };
    const xlsx = join(mkdtempSync(join(tmpdir(), 'asa-xlsx-')), 'survey.xlsx');
    await writeXlsxFile([csv.header.map((h) => ({ value: h })), ...csv.rows.map((r) => r.cells.map(cell))] as never).toFile(xlsx);
    const book = await readTable(xlsx);
    expect(book.format).toBe('xlsx');
    const strip = (x: ReturnType<typeof analyzeSurvey>) => ({ ...x, dataset: null });
    expect(strip(analyzeSurvey(bom))).toEqual(strip(a));
    expect(strip(analyzeSurvey(gb))).toEqual(strip(a));
    expect(strip(analyzeSurvey(book))).toEqual(strip(a));
  });

  it('accepts English headers and a column mapping for other exports', async () => {
    const en = analyzeSurvey(await readTable(fx('survey/survey-2026Q2.csv')));
    expect(en.responses).toBe(4);
    expect(en.satisfactionRate).toBe(0.5);
    const t = await readTable(fx('survey/survey-2026Q2.csv'));
    const renamed = { ...t, header: t.header.map((h) => (h === 'Overall satisfaction' ? '整体评价分' : h)) };
    expect(() => analyzeSurvey(renamed)).toThrow(InputError);
    expect(analyzeSurvey(renamed, { overall: '整体评价分' }).satisfactionRate).toBe(0.5);
  });
});

describe('service records (hand-computed from test/fixtures/records/tickets.csv)', async () => {
  const calendar = {
    holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
    extraWorkdays: new Set(['2026-09-27', '2026-10-10']),
  };
  const commitments = { repairResponseHours: 24, remoteRepairResponseHours: 48, consultationResponseHours: 4, complaintReplyWorkingDays: 2, complaintResolutionWorkingDays: 10 };
  const a = analyzeRecords(await readTable(fx('records/tickets.csv')), { commitments, calendar, asOf: '2026-11-01' });
  const type = (t: string) => a.types.find((x) => x.type === t)!;

  it('reports malformed rows with their line numbers and skips them', () => {
    expect(a.valid).toBe(10);
    expect(a.invalid.map((i) => [i.line, i.reason.code])).toEqual([[12, 'bad-date'], [13, 'duplicate-id'], [14, 'before-opened'], [15, 'missing-field']]);
  });

  it('repair: on-site response median and p90, commitments with the remote limit, first-time fix, overdue', () => {
    const r = type('repair');
    // On-site hours 6, 26, 36 (remote), 10.
    expect(r.responseHours).toEqual({ n: 4, median: 18, p90: 33 });
    expect(r.commitment.response).toEqual({ limit: 24, unit: 'hours', remoteLimit: 48, n: 4, within: 3, share: 0.75 });
    expect(r.firstTimeFix).toEqual({ n: 4, share: 0.75 });
    expect(r.overdueOpen).toEqual({ count: 1, ids: ['R5'] });
  });

  it('complaints: working days without weekends and holidays, with make-up working days', () => {
    const c = type('complaint');
    expect(c.commitment.reply).toMatchObject({ n: 3, within: 2, share: 0.6667 });
    expect(c.commitment.resolution).toMatchObject({ n: 2, within: 1, share: 0.5 });
    expect(c.benchmark.reply).toMatchObject({ limit: 5, within: 3 });
    expect(c.benchmark.resolution).toMatchObject({ limit: 30, within: 2 });
    expect(c.overdueOpen.ids).toEqual(['C3']);
    expect(workingDaysBetween(at('2026-09-25 10:00'), at('2026-09-28 10:00'), calendar)).toBe(2); // Sun 09-27 is worked
    expect(workingDaysBetween(at('2026-09-30 16:00'), at('2026-10-08 09:00'), calendar)).toBe(1); // National Day week
    expect(workingDaysBetween(at('2026-09-25 10:00'), at('2026-09-25 18:00'), calendar)).toBe(0);
  });

  it('consultations against their commitment', () => {
    expect(type('consultation').commitment.response).toMatchObject({ n: 2, within: 1, share: 0.5 });
  });
});

describe('values', () => {
  it('reads dates in ISO, slash, dotted and Chinese forms, Excel serials and XLSX dates', () => {
    const iso = parseDateTime('2026-03-05 14:30');
    expect(parseDateTime('2026/3/5 14:30')).toBe(iso);
    expect(parseDateTime('2026年3月5日 14:30')).toBe(iso);
    expect(parseDateTime('2026.03.05 14:30:00')).toBe(iso);
    expect(parseDateTime(new Date('2026-03-05T14:30:00Z'))).toBe(iso);
    expect(parseDateTime(46086.6041666667)).toBe(iso);
    expect(parseDateTime('2026-02-30')).toBeNull();
    expect(parseDateTime('next tuesday')).toBeNull();
  });
  it('reads ratings, rejecting what is not 1–5', () => {
    expect([parseRating('5'), parseRating('4分'), parseRating('５'), parseRating(''), parseRating('6'), parseRating('3.5')]).toEqual([5, 4, 5, null, NaN, NaN]);
  });
  it('percentiles interpolate like PERCENTILE.INC', () => {
    expect(distribution([6, 26, 36, 10])).toEqual({ n: 4, median: 18, p90: 33 });
    expect(distribution([])).toEqual({ n: 0, median: null, p90: null });
  });
});
