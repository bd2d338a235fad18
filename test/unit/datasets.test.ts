// Expected values are worked out by hand from the fixture rows and the seed's rules (comments show the
// arithmetic); they were written before the code ran.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { analyzeRecordsFile, analyzeSurveyFile } from '../../src/datasets/analyze.js';
import { loadChineseText } from '../../src/datasets/chineseText.js';
import { percentile } from '../../src/datasets/compact.js';
import { compareSurveys, type SurveyAnalysis } from '../../src/datasets/survey.js';
import { maskPersonalData } from '../../src/datasets/themes.js';
import { parseDateTime, parseRating } from '../../src/datasets/values.js';
import { buildCalendar, workingDaysBetween } from '../../src/datasets/workCalendar.js';
import { InputError } from '../../src/model/diagnostic.js';
import { ROOT } from '../helpers.js';

const fx = (...p: string[]) => join(ROOT, 'test/fixtures', ...p);
const at = (s: string) => parseDateTime(s) as number;
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-data-'));

describe('survey: the seed-002 form in Traditional characters, as an export with a title row', async () => {
  const a = await analyzeSurveyFile(fx('survey/seed-form-traditional.csv'), { rules: { minGroupResponses: 2 } });

  it('finds the header below the title row and maps every column of the form', () => {
    expect(a.dataset.headerLine).toBe(2);
    expect(a.dataset.titleRowsSkipped).toBe(1);
    expect(Object.keys(a.columns.used).sort()).toEqual(
      [
        'contact',
        'customer',
        'date',
        'improvement',
        'order',
        'overall',
        'patience',
        'productLine',
        'professionalism',
        'recommend',
        'remarks',
        'resolution',
        'speed',
        'team',
        'updates',
      ].sort(),
    );
    expect(a.columns.unused).toEqual(['回訪方式']);
    expect(a.columns.missingDimensions).toEqual([]);
  });

  it('counts responses; a bad value voids that value only; every bad value is reported with line and column', () => {
    // Lines 3–12; line 11 is blank; line 8 repeats service order S103 (first on line 5); line 10's overall rating
    // "很好" is no point of the scale: without the key item it is no response (#22; seed 002 keeps only rows
    // missing non-key items).
    expect(a.dataset.rows).toBe(9);
    expect(a.responses).toBe(7);
    expect(a.excluded).toEqual({
      count: 2,
      rows: [
        { line: 8, reason: { code: 'duplicate-order', order: 'S103', firstLine: 5 } },
        { line: 10, reason: { code: 'no-overall' } },
      ],
    });
    expect(a.valueIssues.count).toBe(3);
    expect(a.valueIssues.items.map((v) => [v.line, v.column, v.code, v.value])).toEqual([
      [6, 6, 'rating-invalid', '７'],
      [9, 3, 'date-unreadable', '2026-13-01'],
      [10, 11, 'rating-invalid', '很好'],
    ]);
  });

  it('reads the scale words, "4分", full-width digits and placeholders as the form means them', () => {
    // Line 10 (S107) is excluded. speed: 5, 4(4分), 3, —(７ invalid), /(none), 1, 4 → 17/5 = 3.4
    expect(a.dimensions.speed).toEqual({ mean: 3.4, answered: 5, distribution: [1, 0, 1, 2, 1] });
    // professionalism: 5, 较专业 4, 3, 2, 無(none), 1, 4 → 19/6 = 3.167
    expect(a.dimensions.professionalism).toEqual({ mean: 3.17, answered: 6, distribution: [1, 1, 1, 2, 1] });
    // updates: 5, 较主动 4, 3, 2, (empty), 1, 4 → 19/6
    expect(a.dimensions.updates).toEqual({ mean: 3.17, answered: 6, distribution: [1, 1, 1, 2, 1] });
    // overall: 非常满意 5, 满意 4, 一般 3, 不满意 2, 5, 非常不满意 1, (很好: invalid), 4 → 24/7
    expect(a.dimensions.overall).toEqual({ mean: 3.43, answered: 7, distribution: [1, 1, 1, 2, 2] });
    // recommend: 一定会 5, 可能会 4, 不确定 3, 可能不会 2, 5, 完全不会 1, 4 → 24/7 = 3.43
    expect(a.dimensions.recommend).toEqual({ mean: 3.43, answered: 7, distribution: [1, 1, 1, 2, 2] });
  });

  it('defines the rates as the seed does: 满意+非常满意, and resolved without a repeat visit (3–5)', () => {
    expect(a.satisfactionRate).toBe(0.5714); // 4 of 7 answered overall with 4–5
    expect(a.resolutionRate).toBe(0.5); // resolution 5,4,2,1,1,3: 3 of 6 are 3–5
    expect(a.recommendRate).toBe(0.5714); // 5,4,3,2,5,1,4: 4 of 7
  });

  it('lists all-5 and all-1 answer patterns for review', () => {
    expect(a.anomalies).toEqual({ allFive: { count: 1, lines: [3] }, allOne: { count: 1, lines: [9] } });
  });

  it('finds themes with negation, praise and requests; the share is of answers with text', () => {
    // Six answers with text (line 10's 希望增加線上客服響應渠道 is in an excluded row).
    expect(a.themes.answersWithText).toBe(6);
    expect(a.themes.list.map((t) => [t.id, t.mentions, t.share, t.common, t.praise])).toEqual([
      ['slow-response', 2, 0.3333, true, 0], // 三天了才有人來; 等待時間長
      ['attitude', 1, 0.1667, false, 0], // 態度很差
      ['communication', 1, 0.1667, false, 0], // 解釋不清晰
      ['logistics', 1, 0.1667, false, 0], // 物流配送延遲
      ['not-resolved', 1, 0.1667, false, 0], // 沒修好
      ['price', 1, 0.1667, false, 0], // 收費太貴 (沒有額外收費 is negated)
      ['appointment', 0, 0, false, 1], // 上門很準時 is praise
      ['parts', 0, 0, false, 1], // 配件是原廠的 is praise
    ]);
  });

  it('groups by team and by product line, filling merged cells down, with a minimum per group', () => {
    // Teams: A組 {5, 4 (filled down), 1} → 2/3; B組 {3, 2, 5} → 1/3; C組 {4} (line 10 excluded) → too few,
    // its shortfall max(0, (0.5 − 1)/0.5) = 0 stated all the same.
    // Mean of the judged groups (2/3 + 1/3)/2 = 0.5; B組 is (0.5 − 1/3)/0.5 = 33.3 % below.
    expect(a.groups.team).toEqual({
      header: '服務團隊',
      meanRate: 0.5,
      filledDown: 1,
      groups: [
        { group: 'B組', responses: 3, satisfactionRate: 0.3333, meanOverall: 3.33, shortfall: 0.3333, belowMean: true, tooFew: false },
        { group: 'A組', responses: 3, satisfactionRate: 0.6667, meanOverall: 3.33, shortfall: 0, belowMean: false, tooFew: false },
        { group: 'C組', responses: 1, satisfactionRate: 1, meanOverall: 4, shortfall: 0, belowMean: false, tooFew: true },
      ],
    });
    // Product lines: 空調 {5, 4, 5, 1, —} → 3/4; 洗衣機 {3, 2, 4} → 1/3; mean 13/24; 洗衣機 (13/24 − 1/3)/(13/24) = 38.46 %.
    expect(a.groups.productLine!.groups.map((g) => [g.group, g.satisfactionRate, g.shortfall, g.belowMean])).toEqual([
      ['洗衣機', 0.3333, 0.3846, true],
      ['空調', 0.75, 0, false],
    ]);
  });

  it('splits the period by month', () => {
    expect(a.period).toEqual({ from: '2026-08-03', to: '2026-09-21' });
    // August: overall 5, 4, 3; September: 2, 5, 4 (S106's date is unreadable, S107 excluded).
    expect(a.months).toEqual([
      { month: '2026-08', responses: 3, satisfactionRate: 0.6667, meanOverall: 4 },
      { month: '2026-09', responses: 3, satisfactionRate: 0.6667, meanOverall: 3.67 },
    ]);
  });

  it('never carries names, contacts or phone numbers into the result', () => {
    const json = JSON.stringify(a);
    for (const pii of ['張先生', '張三', '李四', '13812345678']) expect(json).not.toContain(pii);
  });
});

describe('survey: the simplified export of earlier sessions (test/fixtures/survey/survey-2026Q3.csv)', async () => {
  const a = await analyzeSurveyFile(fx('survey/survey-2026Q3.csv'), { rules: { minGroupResponses: 3 } });

  it('excludes a response whose overall rating (the key item) is bad or missing, with its line', () => {
    // 12 rows; line 11 repeats S002; line 10 has overall = 6 (void), line 12 no overall: 12 − 3 = 9.
    expect(a.responses).toBe(9);
    expect(a.excluded.rows.map((r) => [r.line, r.reason.code])).toEqual([
      [10, 'no-overall'],
      [11, 'duplicate-order'],
      [12, 'no-overall'],
    ]);
    expect(a.valueIssues.items.map((v) => [v.line, v.header, v.value])).toEqual([[10, '总体满意度（1-5分）', '6']]);
    expect(a.dimensions.overall!.answered).toBe(9);
    expect(a.satisfactionRate).toBe(0.6667); // 5 4 3 2 3 5 4 5 4: six of nine
    expect(a.resolutionRate).toBe(0.7778); // 5 4 2 2 3 5 4 4 5: seven of nine are 3–5
    expect(a.anomalies.allFive.lines).toEqual([7]); // line 10, all other answers 5, is no longer a response
  });

  it('themes over the seven written answers', () => {
    expect(a.themes.answersWithText).toBe(7);
    expect(a.themes.list.filter((t) => t.mentions > 0).map((t) => [t.id, t.mentions, t.common])).toEqual([
      ['slow-response', 3, true],
      ['appointment', 1, false], // 上门预约等待太久 is about appointments too (#22)
      ['attitude', 1, false],
      ['communication', 1, false], // 希望主动告知进度: asking for updates means there were none
      ['not-resolved', 1, false],
      ['parts', 1, false],
      ['price', 1, false],
    ]);
    expect(a.themes.list.find((t) => t.id === 'not-resolved')!.examples[0]).toContain('联系我 [phone]');
  });

  it('flags a team more than 15 % below the mean of the teams', () => {
    // 华东一组 5/6, 华南二组 1/3; mean 7/12; (7/12 − 1/3)/(7/12) = 42.86 %.
    expect(a.groups.team!.groups.map((g) => [g.group, g.satisfactionRate, g.shortfall, g.belowMean])).toEqual([
      ['华南二组', 0.3333, 0.4286, true],
      ['华东一组', 0.8333, 0, false],
    ]);
  });

  it('reads the same data from UTF-8 with BOM, GB18030 and XLSX (typed date and number cells)', async () => {
    const strip = (x: SurveyAnalysis) => ({ ...x, dataset: null });
    const bom = await analyzeSurveyFile(fx('survey/survey-2026Q3-bom.csv'), { rules: { minGroupResponses: 3 } });
    const gb = await analyzeSurveyFile(fx('survey/survey-2026Q3-gb18030.csv'), { rules: { minGroupResponses: 3 } });
    expect(gb.dataset.encoding).toBe('gb18030');
    expect(strip(bom)).toEqual(strip(a));
    expect(strip(gb)).toEqual(strip(a));
    const rows = Papa.parse<string[]>(readFileSync(fx('survey/survey-2026Q3.csv'), 'utf8').trim()).data;
    const cell = (v: string, i: number) => {
      if (i === 4) return { value: new Date(at(v) * 60000), type: Date, format: 'yyyy-mm-dd' };
      if (i >= 5 && i <= 11 && v !== '') return { value: Number(v), type: Number };
      return { value: v === '' ? null : v };
    };
    const xlsx = join(tmp(), 'survey.xlsx');
    await writeXlsxFile([rows[0]!.map((h) => ({ value: h })), ...rows.slice(1).map((r) => r.map(cell))] as never).toFile(xlsx);
    const book = await analyzeSurveyFile(xlsx, { rules: { minGroupResponses: 3 } });
    expect(book.dataset.format).toBe('xlsx');
    expect(strip(book)).toEqual(strip(a));
  });

  it('accepts English headers and a column mapping for other exports', async () => {
    const en = await analyzeSurveyFile(fx('survey/survey-2026Q2.csv'));
    expect(en.responses).toBe(4);
    expect(en.satisfactionRate).toBe(0.5);
    const renamed = join(tmp(), 'renamed.csv');
    writeFileSync(renamed, readFileSync(fx('survey/survey-2026Q2.csv'), 'utf8').replace('Overall satisfaction', '整体评价分'));
    await expect(analyzeSurveyFile(renamed)).rejects.toThrow(InputError);
    expect((await analyzeSurveyFile(renamed, { mapping: { overall: '整体评价分' } })).satisfactionRate).toBe(0.5);
  });

  it('compares with an earlier period and labels the gap', async () => {
    const q2 = await analyzeSurveyFile(fx('survey/survey-2026Q2.csv'));
    // Q2: 04-01..04-04, Q3: 07-01..07-12: 91 days apart, not adjacent and not a year: an earlier period.
    const c = compareSurveys(a, q2);
    expect(c).toMatchObject({ kind: 'earlier', previousIsLater: false, responses: { now: 9, before: 4 } });
    expect(c.changes.satisfactionRate).toBe(0.1667); // 0.6667 − 0.5
    expect(compareSurveys(q2, a).previousIsLater).toBe(true);
  });
});

describe('records: an export with a title row, Traditional characters, open items, repeats', async () => {
  const a = await analyzeRecordsFile(fx('records/tickets-export.csv'), {
    commitments: { repairResponseHours: 24, complaintReplyWorkingDays: 5, complaintResolutionWorkingDays: 30 },
    calendar: buildCalendar(null),
    asOf: '2026-11-01',
  });
  const type = (t: string) => a.types.find((x) => x.type === t)!;

  it('skips the title row, lists unused columns, reports an absurd year as a row error', () => {
    expect(a.dataset.titleRowsSkipped).toBe(1);
    expect(a.columns.unused).toEqual(['處理人']);
    expect(a.valid).toBe(9);
    expect(a.invalid.items).toEqual([{ line: 11, column: 3, field: 'opened', code: 'date-implausible', value: '1026-09-01 08:00' }]);
  });

  it('measures repairs to the on-site arrival, counts open items past the deadline as late and the rest as pending', () => {
    // W1 phone call only (not measured), W2 open 63 h (overdue), W3 6 h, W4 open 4 h (pending), W5 4 h, W10 26 h (late).
    expect(type('repair').commitment.response).toEqual({
      limit: 24,
      unit: 'hours',
      measuredTo: 'on-site',
      within: 2,
      late: 1,
      overdueOpen: 1,
      pending: 1,
      notMeasured: 1,
      share: 0.5,
    });
    expect(type('repair').overdueOpen).toEqual({ count: 1, ids: ['W2'] });
    expect(type('repair').open).toBe(2);
  });

  it('repeat repairs from the reopen flag and the same serial within 30 days; first-time fix excludes them', () => {
    // Resolved repairs W1, W3, W5, W10. W1 is followed by W3 on SN1 15 days later; W3 is flagged 是; W5 took two visits.
    expect(type('repair').repeatRepair).toEqual({ n: 4, repeated: 2, share: 0.5, windowDays: 30 });
    expect(type('repair').firstTimeFix).toEqual({ n: 4, share: 0.25 });
  });

  it('recognises returns and recalls, and an unanswered complaint as overdue', () => {
    expect(a.types.map((t) => [t.type, t.count])).toEqual([
      ['repair', 6],
      ['complaint', 1],
      ['return', 1],
      ['recall', 1],
    ]);
    // W8 opened Mon 10-12, unanswered: 14 working days by 11-01 > 5 (reply: overdue), ≤ 30 (resolution: pending).
    expect(type('complaint').commitment.reply).toMatchObject({ overdueOpen: 1, share: 0 });
    expect(type('complaint').commitment.resolution).toMatchObject({ pending: 1, share: null });
    expect(type('complaint').overdueOpen.ids).toEqual(['W8']);
  });
});

describe('records: test/fixtures/records/tickets.csv with the company calendar', async () => {
  const calendar = buildCalendar(null, {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    extraWorkdays: ['2026-09-27', '2026-10-10'],
  });
  const commitments = {
    repairResponseHours: 24,
    remoteRepairResponseHours: 48,
    consultationResponseHours: 4,
    complaintReplyWorkingDays: 2,
    complaintResolutionWorkingDays: 10,
  };
  const a = await analyzeRecordsFile(fx('records/tickets.csv'), { commitments, calendar, asOf: '2026-11-01' });
  const type = (t: string) => a.types.find((x) => x.type === t)!;

  it('reports every malformed row with line, column and reason', () => {
    expect(a.valid).toBe(10);
    expect(a.invalid.items.map((i) => [i.line, i.column, i.code])).toEqual([
      [12, 3, 'date-unreadable'],
      [13, 1, 'duplicate-id'],
      [14, 6, 'before-opened'],
      [15, 2, 'missing-field'],
    ]);
  });

  it('repairs: the open R5 is late, so 3 of 5 met the commitment (not 3 of 4)', () => {
    // On-site hours 6, 26, 36 (remote, limit 48), 10; R5 open for 111 h.
    expect(type('repair').onSiteHours).toEqual({ n: 4, median: 18, p90: 33 });
    expect(type('repair').commitment.response).toMatchObject({ remoteLimit: 48, within: 3, late: 1, overdueOpen: 1, share: 0.6 });
    expect(type('repair').firstTimeFix).toEqual({ n: 4, share: 0.75 });
    expect(type('repair').repeatRepair).toBeNull(); // no reopen flag or order column: repeats cannot be seen
  });

  it('complaints in working days, with holidays and make-up days; the open C3 is overdue', () => {
    // Replies: C1 2, C2 1, C3 3 working days (limit 2). Resolutions: C1 6, C2 13, C3 open 14 by 11-01 (limit 10).
    expect(type('complaint').commitment.reply).toMatchObject({ within: 2, late: 1, share: 0.6667 });
    expect(type('complaint').commitment.resolution).toMatchObject({ within: 1, late: 1, overdueOpen: 1, share: 0.3333 });
    // Benchmarks 5 and 30 working days: C3's 14 days open are still within 30: pending.
    expect(type('complaint').benchmark.reply).toMatchObject({ within: 3, share: 1 });
    expect(type('complaint').benchmark.resolution).toMatchObject({ within: 2, pending: 1, share: 1 });
    expect(type('consultation').commitment.response).toMatchObject({ within: 1, late: 1, share: 0.5 });
  });
});

describe('working days', () => {
  const cal = buildCalendar(null, {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    extraWorkdays: ['2026-09-27', '2026-10-10'],
  });
  it('counts the days after the opening day up to the closing day', () => {
    expect(workingDaysBetween(at('2026-09-25 10:00'), at('2026-09-28 10:00'), cal)).toBe(2); // Sun 09-27 worked, Mon
    expect(workingDaysBetween(at('2026-09-30 16:00'), at('2026-10-08 09:00'), cal)).toBe(1);
    expect(workingDaysBetween(at('2026-09-25 10:00'), at('2026-09-25 18:00'), cal)).toBe(0);
    expect(workingDaysBetween(at('2026-11-06 10:00'), at('2026-11-09 10:00'), cal)).toBe(1); // Friday to Monday
  });
  it('is arithmetic: a span of a century is counted at once', () => {
    // 2000-01-01 (Sat) to 2099-12-31: 36 524 days after the first; 52·… weekdays by formula.
    const n = workingDaysBetween(at('2000-01-01'), at('2099-12-31'), buildCalendar(null));
    let naive = 0;
    for (let d = Date.UTC(2000, 0, 2); d <= Date.UTC(2099, 11, 31); d += 86_400_000) {
      const w = new Date(d).getUTCDay();
      if (w !== 0 && w !== 6) naive++;
    }
    expect(n).toBe(naive);
  });
  it('uses the bundled State Council calendar: 2026 National Day and its make-up days', async () => {
    const { workCalendar } = await import('../../src/datasets/analyze.js');
    const bundled = workCalendar(null);
    // 2026-09-30 (Wed) → 2026-10-12 (Mon): 10-01..07 off; Thu 10-08, Fri 10-09, Sat 10-10 (worked), Mon 10-12: 4.
    expect(workingDaysBetween(at('2026-09-30 12:00'), at('2026-10-12 12:00'), bundled)).toBe(4);
    // Sun 2026-09-20 is a make-up working day: Fri 09-18 → Mon 09-21 is 2.
    expect(workingDaysBetween(at('2026-09-18 12:00'), at('2026-09-21 12:00'), bundled)).toBe(2);
    expect(bundled.years).toEqual({ from: 2024, to: 2026 });
  });
});

describe('values', async () => {
  await loadChineseText();
  const words = new Map([
    ['满意', 4],
    ['非常满意', 5],
  ]);
  it('reads dates in ISO, slash, dotted and Chinese forms, Excel serials (cells or CSV text) and XLSX dates', () => {
    const iso = parseDateTime('2026-03-05 14:30');
    expect(parseDateTime('2026/3/5 14:30')).toBe(iso);
    expect(parseDateTime('2026年3月5日 14:30')).toBe(iso);
    expect(parseDateTime('2026.03.05 14:30:00')).toBe(iso);
    expect(parseDateTime('2026-03-05T14:30:00+08:00')).toBe(iso);
    expect(parseDateTime(new Date('2026-03-05T14:30:00Z'))).toBe(iso);
    expect(parseDateTime(46086.6041666667)).toBe(iso);
    expect(parseDateTime('46086.6041666667')).toBe(iso);
    expect(parseDateTime('2026-02-30')).toBe('unreadable');
    expect(parseDateTime('9999-01-01')).toBe('implausible');
    expect(parseDateTime('next tuesday')).toBe('unreadable');
    expect(parseDateTime('/')).toBeNull();
  });
  it('reads ratings as the form writes them, rejecting what is not 1–5', () => {
    expect(['5', '4分', '５', '5=非常满意', '4（满意）', '滿意', '', '/', '无', '6', '3.5', '0', '5=满意'].map((v) => parseRating(v, words))).toEqual([
      5,
      4,
      5,
      5,
      4,
      4,
      null,
      null,
      null,
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
  });
  it('percentiles interpolate like PERCENTILE.INC', () => {
    expect(percentile(Float64Array.from([6, 10, 26, 36]), 0.9)).toBeCloseTo(33);
    expect(percentile(new Float64Array(0), 0.5)).toBeNull();
  });
  it('masks phone numbers in the usual groupings and e-mail addresses, international ones included', () => {
    expect(maskPersonalData('138-1234-5678 / 138 1234 5678 / +86 13812345678 / 021-12345678 / 用户@例子.中国 / x.y@z.cn / 订单 20260101')).toBe(
      '[phone] / [phone] / [phone] / [phone] / [email] / [email] / 订单 20260101',
    );
  });
});
