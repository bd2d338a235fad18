// Issue #22, second pass. Expected figures are worked out by hand from the fixture rows and seed 002's
// rules (the arithmetic is in the comments); they were written before the code ran.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRecordsFile, analyzeSurveyFile } from '../../src/datasets/analyze.js';
import { buildCalendar } from '../../src/datasets/workCalendar.js';
import { ROOT } from '../helpers.js';

const fx = (...p: string[]) => join(ROOT, 'test/fixtures', ...p);

describe('survey: a trailing 平均分 row, blank and out-of-scale overall ratings, a small team (default --min-group 10)', async () => {
  const a = await analyzeSurveyFile(fx('survey/summary-and-invalid.csv'));

  it('counts only rows with a valid overall rating; the summary row and the others are excluded with their lines', () => {
    // Lines 2–11 杭州组 (10), 12–21 上海组 (10), 22–27 宁波组: 22, 23, 26 valid (26 lacks only 响应及时性, a
    // non-key item: kept, seed 002 非关键信息缺失可视为有效评价); 24 blank overall, 25 overall 6, 27 overall 10;
    // line 28 is 平均分. Responses 10 + 10 + 3 = 23.
    expect(a.responses).toBe(23);
    expect(a.excluded.count).toBe(4);
    expect(a.excluded.rows).toEqual([
      { line: 24, reason: { code: 'no-overall' } },
      { line: 25, reason: { code: 'no-overall' } },
      { line: 27, reason: { code: 'no-overall' } },
      { line: 28, reason: { code: 'summary-row', label: '平均分' } },
    ]);
    // 6 and 10 are reported as bad values of 整体满意度 (column 8); the summary row is not read as values at all.
    expect(a.valueIssues.items.map((v) => [v.line, v.column, v.code])).toEqual([
      [25, 8, 'rating-invalid'],
      [27, 8, 'rating-invalid'],
    ]);
  });

  it('means and rates use the 23 responses only', () => {
    // Overall: 杭州 5+5+4·6+3+2 = 39, 上海 4·9+3 = 39, 宁波 4+2+2 = 8 → 86 / 23 = 3.739 → 3.74.
    expect(a.dimensions.overall?.mean).toBe(3.74);
    // 满意 (4–5): 杭州 8, 上海 9, 宁波 1 → 18 / 23 = 0.78261 → 0.7826.
    expect(a.satisfactionRate).toBe(0.7826);
    // Speed: 20 × 4 + 3 + 2 (line 26 blank) = 85 / 22 answered = 3.864 → 3.86.
    expect(a.dimensions.speed).toMatchObject({ answered: 22, mean: 3.86 });
  });

  it('fills the team down over merged cells but not from the summary row; a small team far below the mean is flagged', () => {
    const teams = a.groups.team!;
    // Blank team cells filled: 杭州 lines 3–11 (9), 上海 13–21 (9), 宁波 23 and 26 (2; excluded rows are not filled) = 20.
    expect(teams.filledDown).toBe(20);
    // Mean of the groups with ≥ 10 answers: (8/10 + 9/10) / 2 = 0.85.
    expect(teams.meanRate).toBe(0.85);
    const nb = teams.groups.find((g) => g.group === '宁波组')!;
    // 宁波组: 1 of 3 satisfied = 0.3333; shortfall (0.85 − 1/3) / 0.85 = 0.60784 → 0.6078 > 15 %: flagged, small sample.
    expect(nb).toMatchObject({ responses: 3, satisfactionRate: 0.3333, shortfall: 0.6078, belowMean: true, tooFew: true });
    expect(teams.groups[0]!.group).toBe('宁波组');
    // 杭州组 0.8: (0.85 − 0.8) / 0.85 = 5.9 % — not flagged.
    expect(teams.groups.find((g) => g.group === '杭州组')).toMatchObject({ responses: 10, belowMean: false, tooFew: false });
    expect(teams.groups.map((g) => g.group).sort()).toEqual(['上海组', '宁波组', '杭州组']);
  });
});

describe('survey: the seed-002 form with English headers', async () => {
  const a = await analyzeSurveyFile(fx('survey/english-headers.csv'), { rules: { minGroupResponses: 1 } });

  it('reads every English label of the form', () => {
    expect(a.columns.unused).toEqual([]);
    expect(a.columns.missingDimensions).toEqual([]);
    expect(a.columns.used).toMatchObject({
      speed: 'Response timeliness',
      resolution: 'Problem-solving ability',
      professionalism: 'Service professionalism',
      patience: 'Communication patience',
      updates: 'Proactive service awareness',
      overall: 'Overall satisfaction',
      recommend: 'Willingness to recommend',
      improvement: 'Suggestions for improvement',
      remarks: 'Additional comments',
    });
  });

  it('computes the means, the resolution rate and the themes; "Average" is a summary row', () => {
    // Rows 2–5; line 6 "Average" is excluded.
    expect(a.responses).toBe(4);
    expect(a.excluded.rows).toEqual([{ line: 6, reason: { code: 'summary-row', label: 'Average' } }]);
    // Speed (5+4+2+3)/4 = 3.5; resolution (5+3+1+4)/4 = 3.25; patience (4+4+2+5)/4 = 3.75.
    expect(a.dimensions.speed?.mean).toBe(3.5);
    expect(a.dimensions.resolution?.mean).toBe(3.25);
    expect(a.dimensions.patience?.mean).toBe(3.75);
    // 问题解决率 = share of 3–5 on resolution: 5, 3, 4 of 4 = 0.75.
    expect(a.resolutionRate).toBe(0.75);
    // Three rows with text: E2, E3, E4.
    expect(a.themes.answersWithText).toBe(3);
    const ids = a.themes.list.filter((t) => t.mentions > 0).map((t) => t.id);
    expect(ids).toContain('attitude');
  });
});

describe('records: a 重开次数 column', async () => {
  const a = await analyzeRecordsFile(fx('records/reopen-count.csv'), {
    commitments: { repairResponseHours: 24 },
    calendar: buildCalendar(null),
    asOf: '2026-11-01',
  });
  const repair = a.types.find((t) => t.type === 'repair')!;

  it('is read, so first-time fix counts reopened tickets', () => {
    expect(a.columns.used.reopened).toBe('重开次数');
    // 12 resolved repairs; R02, R05 had 2 visits; R05 reopened 1, R08 reopened 2 ("0次" on R11 is none).
    // Not first-time: R02, R05, R08 → 9 / 12 = 0.75 (visits alone would give 10 / 12 = 0.8333).
    expect(repair.firstTimeFix).toEqual({ n: 12, share: 0.75 });
    // Repeats known from the reopen count: R05, R08 → 2 / 12 = 0.1667.
    expect(repair.repeatRepair).toMatchObject({ n: 12, repeated: 2, share: 0.1667 });
  });
});

describe("survey: seed 002's four classes above the themes (test/fixtures/survey/survey-2026Q3.csv)", async () => {
  const a = await analyzeSurveyFile(fx('survey/survey-2026Q3.csv'), { rules: { minGroupResponses: 3 } });

  it('counts answers per class, each answer once per class', () => {
    // The seven answers with text, by hand:
    //   服务很好 → praise only, no theme found            (unmatched)
    //   上门预约等待太久 → slow-response (质量), appointment (流程)
    //   等了三天才上门，问题没解决 → slow-response, not-resolved (质量)
    //   态度敷衍，等待很久 → attitude (态度), slow-response (质量)
    //   配件缺货 → parts (质量)
    //   收费有点贵 → price (流程)
    //   希望主动告知进度 → communication (态度)
    // 质量 4/7 = 0.5714, 态度 2/7 = 0.2857, 流程 2/7 = 0.2857, 其他建议 0.
    expect(a.themes.classes.map((c) => [c.id, c.label['zh-CN'], c.mentions, c.share])).toEqual([
      ['quality', '服务质量类', 4, 0.5714],
      ['attitude', '服务态度类', 2, 0.2857],
      ['process', '流程体验类', 2, 0.2857],
      ['other', '其他建议', 0, 0],
    ]);
    expect(a.themes.unmatched).toBe(1);
  });
});

describe('records: complaint commitments in hours (seed 003: 24小时内联系客户，48小时内给出解决方案)', async () => {
  const a = await analyzeRecordsFile(fx('records/complaints-hours.csv'), {
    commitments: { complaintReplyHours: 24, complaintResolutionHours: 48, complaintReplyWorkingDays: 5 },
    calendar: buildCalendar(null),
    asOf: '2026-11-01',
  });
  const c = a.types.find((t) => t.type === 'complaint')!;

  it('measures against the hours, and shows the working-day benchmark beside them', () => {
    // C1: reply 11 h, resolved 24 h; C2: reply 27 h (late), resolved 72 h (late). Hours win over the 5 working days.
    expect(c.commitment.reply).toMatchObject({ limit: 24, unit: 'hours', within: 1, late: 1, share: 0.5 });
    expect(c.commitment.resolution).toMatchObject({ limit: 48, unit: 'hours', within: 1, late: 1, share: 0.5 });
    // Benchmarks (seed 001): both replies within 5 working days, both resolved within 30.
    expect(c.benchmark.reply).toMatchObject({ limit: 5, unit: 'working days', within: 2, share: 1 });
    expect(c.benchmark.resolution).toMatchObject({ limit: 30, unit: 'working days', within: 2, share: 1 });
  });
});

describe('records: repairs by product model and by fault class (seed 002 某型号产品故障率高; seed 004 硬件/软件/网络/人为损坏)', async () => {
  const a = await analyzeRecordsFile(fx('records/by-model.csv'), { commitments: {}, calendar: buildCalendar(null), asOf: '2026-11-01' });
  const model = (g: string) => a.repairs!.byModel!.find((x) => x.group === g);
  const fault = (g: string) => a.repairs!.byFaultClass!.find((x) => x.group === g);

  it('counts, repeat rate and median resolution per model; a model at twice the mean count is flagged', () => {
    // 12 repairs over 3 models: mean 4. KF-35 8 (8/4 = 2 ≥ 2, ≥ 5 repairs: flagged), KF-26 2, BX-100 2 (0.5).
    // KF-35 reopened M01, M05: 2/8 = 0.25; resolution 2,4,…,16 h → median (8+10)/2 = 9.
    expect(model('KF-35')).toEqual({
      group: 'KF-35',
      repairs: 8,
      resolved: 8,
      repeated: 2,
      repeatRate: 0.25,
      resolutionMedianHours: 9,
      countToMean: 2,
      farAboveMean: true,
    });
    // BX-100: M11 reopened of 2 → 0.5; 20 and 30 h → 25.
    expect(model('BX-100')).toMatchObject({ repairs: 2, repeatRate: 0.5, resolutionMedianHours: 25, countToMean: 0.5, farAboveMean: false });
    expect(model('KF-26')).toMatchObject({ repairs: 2, repeatRate: 0, resolutionMedianHours: 4, farAboveMean: false });
    expect(a.repairs!.byModel!.map((g) => g.group)).toEqual(['KF-35', 'BX-100', 'KF-26']);
  });

  it("reads the export's words as seed 004's classes, keeping others as written", () => {
    // 主板故障 ×5 → 硬件 (M01–M04, M11): reopened M01, M11 → 2/5 = 0.4; 2,4,6,8,20 h → 6.
    expect(fault('硬件')).toMatchObject({ repairs: 5, repeatRate: 0.4, resolutionMedianHours: 6 });
    // 系统死机 ×2, 系统升级失败 → 软件: M05 reopened → 1/3 = 0.3333; 10, 12, 30 → 12.
    expect(fault('软件')).toMatchObject({ repairs: 3, repeatRate: 0.3333, resolutionMedianHours: 12 });
    // WiFi连不上 → 网络: 14, 16 → 15. 用户摔坏 → 人为损坏. 异响 kept as written.
    expect(fault('网络')).toMatchObject({ repairs: 2, repeatRate: 0, resolutionMedianHours: 15 });
    expect(fault('人为损坏')).toMatchObject({ repairs: 1, resolutionMedianHours: 3 });
    expect(fault('异响')).toMatchObject({ repairs: 1, resolutionMedianHours: 5 });
  });
});
