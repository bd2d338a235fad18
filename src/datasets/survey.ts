import scaleData from '../generated/survey-scales.json' with { type: 'json' };
import type { Ratio } from '../model/units.js';
import { roundTo } from '../model/units.js';
import { fold } from './chineseText.js';
import { SURVEY_COLUMNS, SURVEY_REQUIRED, mapColumns, type SurveyField } from './columns.js';
import { HashIndex } from './compact.js';
import type { FollowUpJoin } from './followUp.js';
import type { RawCell, RowSink, TableInfo } from './table.js';
import { maskPersonalData, matchThemes, THEME_CLASSES, type CompiledThemes, type ThemeClass } from './themes.js';
import { safeText } from '../shared/safeText.js';
import { dayOf, isPlaceholder, parseDateTime, parseRating, text } from './values.js';

/** The seven rated items of the seed-002 form, in its order. */
export const DIMENSIONS = ['speed', 'resolution', 'professionalism', 'patience', 'updates', 'overall', 'recommend'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const GROUPINGS = ['team', 'productLine'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The form's scale words per item (reference/survey-scales.yaml); typed so that an item missing there fails type checking. */
const SCALES: Record<Dimension, { 'zh-CN': Record<string, number>; en: Record<string, number> }> = scaleData.scales;
/** Chinese words first, as the form prints them. */
const SCALE = Object.fromEntries(DIMENSIONS.map((d) => [d, { ...SCALES[d]['zh-CN'], ...SCALES[d].en }])) as Record<Dimension, Record<string, number>>;
/** Folded once the Chinese converter is loaded (see `loadChineseText`). */
let scaleWords: Record<Dimension, ReadonlyMap<string, number>> | null = null;
function scaleWordsFor(): Record<Dimension, ReadonlyMap<string, number>> {
  scaleWords ??= Object.fromEntries(DIMENSIONS.map((d) => [d, new Map(Object.entries(SCALE[d]).map(([w, n]) => [fold(w), n]))])) as unknown as Record<
    Dimension,
    ReadonlyMap<string, number>
  >;
  return scaleWords;
}

/** Definitions and review thresholds; the defaults are seed 002's, except where marked. */
export interface SurveyRules {
  /** A theme mentioned by more than this share of the answers with text is a common problem (seed 002: 20 %). */
  commonThemeShare: Ratio;
  /** A team or product line whose satisfaction rate is more than this far below the mean of the groups (relative) needs review (seed 002: 15 %). */
  groupShortfall: Ratio;
  /** Groups with fewer responses are listed as "too few to judge" (ours, not the seed's; `--min-group`). */
  minGroupResponses: number;
}
export const SURVEY_RULES: SurveyRules = { commonThemeShare: 0.2, groupShortfall: 0.15, minGroupResponses: 10 };

/** Lists of rows are kept to this many entries; counts are always complete. */
export const LIST_CAP = 100;

export type ValueIssueCode = 'rating-invalid' | 'date-unreadable' | 'date-implausible';
export interface ValueIssue {
  line: number;
  /** 1-based column in the export. */
  column: number;
  header: string;
  code: ValueIssueCode;
  value: string;
}
export type ExcludedReason =
  | { code: 'no-ratings' }
  /** Seed 002 keeps a response with non-key items missing (非关键信息缺失); the overall rating is the key item. */
  | { code: 'no-overall' }
  /** A trailing 平均分 / 合计 / Average row the export adds under the responses. */
  | { code: 'summary-row'; label: string }
  | { code: 'duplicate-order'; order: string; firstLine: number };

/** Labels of the summary rows spreadsheets append (folded, lower case, no spaces or colon). */
const SUMMARY_LABELS = new Set([
  '平均分',
  '平均',
  '平均值',
  '均值',
  '均分',
  '合计',
  '总计',
  '小计',
  '汇总',
  '总平均',
  'average',
  'avg',
  'mean',
  'total',
  'sum',
  'subtotal',
  'overallaverage',
]);
/**
 * Every label above holds one of these (in simplified, traditional or full-width form): a cheap test that lets
 * the folding run only on the few cells that could be a label — it ran on every cell of every row (5× the
 * time of a million-row survey).
 */
const SUMMARY_HINT = /[均计計汇匯]|[aAａＡ][vVｖＶ]|[mMｍＭ][eEｅＥ]|[tTｔＴ][oOｏＯ]|[sSｓＳ][uUｕＵ]/u;
/** A response date without a time of day: text with no hour in it, or a spreadsheet date at midnight. */
function isDateOnly(raw: RawCell, t: number): boolean {
  return typeof raw === 'string' ? !/\d[:：时時点點]|T\d/.test(raw) : t % 1440 === 0;
}

/** The summary label of a row, if one of its text cells is one. */
function summaryLabel(cells: RawCell[]): string | null {
  for (const c of cells) {
    if (typeof c !== 'string' || c.length === 0 || c.length > 20 || !SUMMARY_HINT.test(c)) continue;
    const k = fold(c)
      .trim()
      .toLowerCase()
      .replace(/[\s:：]/g, '');
    if (SUMMARY_LABELS.has(k) || SUMMARY_LABELS.has(k.replace(/s$/, ''))) return c.trim();
  }
  return null;
}

export interface DimensionStats {
  mean: number | null;
  answered: number;
  distribution: [number, number, number, number, number];
}
export interface GroupStats {
  group: string;
  responses: number;
  satisfactionRate: Ratio | null;
  meanOverall: number | null;
  /** Relative shortfall of the satisfaction rate below the mean of the judged groups (small groups too). */
  shortfall: Ratio | null;
  /** More than `groupShortfall` below the mean: flagged even when the sample is small (seed 002 asks to check it). */
  belowMean: boolean;
  /** Fewer than `minGroupResponses` answers to the overall rating: a flag on it carries a "small sample" note; never hidden. */
  tooFew: boolean;
}
export interface GroupReview {
  header: string;
  /** Unweighted mean of the satisfaction rates of the groups with enough responses. */
  meanRate: Ratio | null;
  /** Blank cells filled from the row above (merged cells in an Excel export). */
  filledDown: number;
  groups: GroupStats[];
}
export interface ThemeStats {
  id: string;
  label: { 'zh-CN': string; en: string };
  mentions: number;
  /** Mentions over the answers with free text (the denominator in `SurveyAnalysis.themes.answersWithText`). */
  share: Ratio;
  common: boolean;
  praise: number;
  /** Up to three answers, phone numbers and e-mail addresses masked; only the `survey` command prints them. */
  examples: string[];
}
/** Seed 002's classes of feedback (服务质量类 / 服务态度类 / 流程体验类 / 其他建议), above the finer themes. */
export interface ThemeClassStats {
  id: ThemeClass;
  label: { 'zh-CN': string; en: string };
  /** Answers with text complaining about at least one theme of the class; 其他建议 also counts requests matching no theme. */
  mentions: number;
  /** Mentions over the answers with free text. */
  share: Ratio;
  themes: string[];
}
export interface MonthStats {
  month: string;
  responses: number;
  satisfactionRate: Ratio | null;
  meanOverall: number | null;
}

export interface SurveyAnalysis {
  dataset: TableInfo;
  rules: SurveyRules;
  columns: { used: Partial<Record<SurveyField, string>>; unused: string[]; missingDimensions: Dimension[] };
  /** Rows counted as responses: at least one valid rating, not a repeated service order. */
  responses: number;
  excluded: { count: number; rows: Array<{ line: number; reason: ExcludedReason }> };
  valueIssues: { count: number; items: ValueIssue[] };
  period: { from: string; to: string } | null;
  months: MonthStats[];
  dimensions: Record<Dimension, DimensionStats | null>;
  /** 满意度: share of 4–5 (满意, 非常满意) among the answers to 整体满意度. */
  satisfactionRate: Ratio | null;
  /** 问题解决率: share of 3–5 (基本/顺利/高效解决, resolved without a repeat visit) on 问题解决能力. */
  resolutionRate: Ratio | null;
  /** Share of 4–5 (可能会, 一定会) on 未来推荐意愿. */
  recommendRate: Ratio | null;
  /** Responses whose rated items (three or more answered) are all 5 or all 1: seed 002 asks to check them. */
  anomalies: { allFive: { count: number; lines: number[] }; allOne: { count: number; lines: number[] } };
  themes: {
    answersWithText: number;
    classes: ThemeClassStats[];
    /** Answers with text in which no theme, complaint or praise, was found: for the consultant to read. */
    unmatched: number;
    list: ThemeStats[];
  };
  groups: Record<Grouping, GroupReview | null>;
}

interface Bucket {
  n: number;
  sat: number;
  overallSum: number;
  overallN: number;
}
const bucket = (): Bucket => ({ n: 0, sat: 0, overallSum: 0, overallN: 0 });
const OVERALL = DIMENSIONS.indexOf('overall');
function count(b: Bucket, overall: number | null): void {
  b.n++;
  if (overall !== null) {
    b.overallN++;
    b.overallSum += overall;
    if (overall >= 4) b.sat++;
  }
}
/** More distinct group names than this is not a grouping column; the rest are counted under "…". */
const MAX_GROUPS = 2000;

/** Streaming survey analysis: feed it rows (`sink`), then `finish()`. Names, phones and e-mails are never read. */
export class SurveyAccumulator {
  readonly sink: RowSink;
  private file: string;
  private cols: Partial<Record<SurveyField, number>> = {};
  private header: string[] = [];
  private unused: string[] = [];
  private responses = 0;
  private excluded: SurveyAnalysis['excluded'] = { count: 0, rows: [] };
  private issues: SurveyAnalysis['valueIssues'] = { count: 0, items: [] };
  private orders = new HashIndex();
  private dist = Object.fromEntries(DIMENSIONS.map((d) => [d, [0, 0, 0, 0, 0]])) as Record<Dimension, number[]>;
  private minDay: string | null = null;
  private maxDay: string | null = null;
  private months = new Map<string, Bucket>();
  private groupData: Record<Grouping, { buckets: Map<string, Bucket>; last: string; filled: number }> = {
    team: { buckets: new Map(), last: '', filled: 0 },
    productLine: { buckets: new Map(), last: '', filled: 0 },
  };
  private anomalies: SurveyAnalysis['anomalies'] = { allFive: { count: 0, lines: [] }, allOne: { count: 0, lines: [] } };
  private withText = 0;
  private unmatched = 0;
  private classCounts = new Map<ThemeClass, number>(THEME_CLASSES.map((c) => [c, 0]));
  private themeClass = new Map<string, ThemeClass>();
  private themeCounts = new Map<string, { mentions: number; praise: number; examples: string[] }>();

  constructor(
    file: string,
    private themes: CompiledThemes,
    private rules: SurveyRules = SURVEY_RULES,
    private mapping?: Partial<Record<string, string>>,
    /** Closed tickets of the records, joined on the order number (followUp.ts). */
    private followUp?: FollowUpJoin,
  ) {
    this.file = file;
    for (const t of themes.themes) {
      this.themeCounts.set(t.id, { mentions: 0, praise: 0, examples: [] });
      this.themeClass.set(t.id, t.class);
    }
    this.sink = { header: (cells, line) => this.onHeader(cells, line), row: (line, cells) => this.onRow(line, cells) };
  }

  private onHeader(cells: string[], line: number): void {
    this.header = cells;
    const m = mapColumns<SurveyField>(this.file, cells, line, SURVEY_COLUMNS, SURVEY_REQUIRED, this.mapping);
    this.cols = m.index;
    this.unused = m.unused;
  }

  private issue(line: number, col: number, code: ValueIssueCode, value: RawCell): void {
    this.issues.count++;
    if (this.issues.items.length < LIST_CAP) {
      this.issues.items.push({ line, column: col + 1, header: this.header[col] ?? '', code, value: maskPersonalData(text(value)).slice(0, 40) });
    }
  }

  private exclude(line: number, reason: ExcludedReason): void {
    this.excluded.count++;
    if (this.excluded.rows.length < LIST_CAP) this.excluded.rows.push({ line, reason });
  }

  private onRow(line: number, cells: RawCell[]): void {
    const { cols } = this;
    // Before anything else: a summary row neither counts nor fills a team down.
    const label = summaryLabel(cells);
    if (label !== null) {
      this.exclude(line, { code: 'summary-row', label: maskPersonalData(label).slice(0, 20) });
      return;
    }
    const ratings: Array<number | null> = [];
    let answered = 0;
    let fives = 0;
    let ones = 0;
    const words = scaleWordsFor();
    for (const d of DIMENSIONS) {
      const c = cols[d];
      let r: number | null = null;
      if (c !== undefined) {
        const raw = cells[c] ?? null;
        const v = parseRating(raw, words[d]);
        if (v === 'invalid') this.issue(line, c, 'rating-invalid', raw);
        else r = v;
      }
      ratings.push(r);
      if (r !== null) {
        answered++;
        if (r === 5) fives++;
        if (r === 1) ones++;
      }
    }
    if (answered === 0) {
      this.exclude(line, { code: 'no-ratings' });
      return;
    }
    if (ratings[OVERALL] === null) {
      this.exclude(line, { code: 'no-overall' });
      return;
    }
    let order = '';
    if (cols.order !== undefined) {
      order = text(cells[cols.order] ?? null);
      if (order !== '' && !isPlaceholder(order)) {
        const first = this.orders.getOrInsert(order, line);
        if (first >= 0) {
          this.exclude(line, { code: 'duplicate-order', order: maskPersonalData(order).slice(0, 40), firstLine: first });
          return;
        }
      }
    }
    this.responses++;
    for (let i = 0; i < DIMENSIONS.length; i++) {
      const r = ratings[i];
      if (r !== null && r !== undefined) this.dist[DIMENSIONS[i]!][r - 1]!++;
    }
    if (answered >= 3 && fives === answered) this.flag(this.anomalies.allFive, line);
    if (answered >= 3 && ones === answered) this.flag(this.anomalies.allOne, line);

    const overall = ratings[OVERALL] ?? null;
    if (cols.date !== undefined) {
      const raw = cells[cols.date] ?? null;
      const t = parseDateTime(raw);
      if (t === 'unreadable' || t === 'implausible') this.issue(line, cols.date, t === 'unreadable' ? 'date-unreadable' : 'date-implausible', raw);
      else if (t !== null) {
        if (this.followUp && order !== '' && !isPlaceholder(order)) this.followUp.response(order, t, isDateOnly(raw, t));
        const day = dayOf(t);
        if (this.minDay === null || day < this.minDay) this.minDay = day;
        if (this.maxDay === null || day > this.maxDay) this.maxDay = day;
        const month = day.slice(0, 7);
        let b = this.months.get(month);
        if (!b) this.months.set(month, (b = bucket()));
        count(b, overall);
      }
    }
    for (let k = 0; k < GROUPINGS.length; k++) {
      const g = GROUPINGS[k]!;
      const c = cols[g];
      if (c === undefined) continue;
      const state = this.groupData[g];
      let name = text(cells[c] ?? null);
      if (name === '' || isPlaceholder(name)) {
        if (state.last === '') continue;
        name = state.last;
        state.filled++;
      } else state.last = name;
      let b = state.buckets.get(name);
      if (!b) {
        if (state.buckets.size >= MAX_GROUPS) name = '…';
        b = state.buckets.get(name);
        if (!b) state.buckets.set(name, (b = bucket()));
      }
      count(b, overall);
    }
    const improvement = cols.improvement === undefined ? '' : text(cells[cols.improvement] ?? null);
    const remarks = cols.remarks === undefined ? '' : text(cells[cols.remarks] ?? null);
    const a1 = improvement !== '' && !isPlaceholder(improvement);
    const a2 = remarks !== '' && !isPlaceholder(remarks);
    if (a1 || a2) {
      this.withText++;
      const joined = a1 && a2 ? `${improvement}。${remarks}` : a1 ? improvement : remarks;
      const hits = matchThemes(joined, this.themes);
      for (const id of hits.complaints) {
        const t = this.themeCounts.get(id)!;
        t.mentions++;
        if (t.examples.length < 3) {
          const example = maskPersonalData(joined).slice(0, 120);
          if (!t.examples.includes(example)) t.examples.push(example);
        }
      }
      for (const id of hits.praise) this.themeCounts.get(id)!.praise++;
      const classes = new Set(hits.complaints.map((id) => this.themeClass.get(id)!));
      if (hits.complaints.length === 0 && hits.request) classes.add('other');
      for (const c of classes) this.classCounts.set(c, this.classCounts.get(c)! + 1);
      if (hits.complaints.length === 0 && hits.praise.length === 0 && !hits.request) this.unmatched++;
    }
  }

  private flag(x: { count: number; lines: number[] }, line: number): void {
    x.count++;
    if (x.lines.length < LIST_CAP) x.lines.push(line);
  }

  finish(info: TableInfo): SurveyAnalysis {
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => {
        if (this.cols[d] === undefined) return [d, null];
        const dist = this.dist[d] as [number, number, number, number, number];
        const answered = dist.reduce((a, b) => a + b, 0);
        const sum = dist.reduce((a, n, i) => a + n * (i + 1), 0);
        return [d, { mean: answered ? roundTo(sum / answered, 2) : null, answered, distribution: [...dist] }];
      }),
    ) as Record<Dimension, DimensionStats | null>;
    const share = (d: Dimension, from: number): Ratio | null => {
      const x = dimensions[d];
      if (!x || x.answered === 0) return null;
      return roundTo(x.distribution.slice(from - 1).reduce((a, b) => a + b, 0) / x.answered, 4);
    };
    const rate = (b: Bucket) => (b.overallN ? roundTo(b.sat / b.overallN, 4) : null);
    const mean = (b: Bucket) => (b.overallN ? roundTo(b.overallSum / b.overallN, 2) : null);

    const groups = Object.fromEntries(
      GROUPINGS.map((g) => {
        const c = this.cols[g];
        if (c === undefined) return [g, null];
        const state = this.groupData[g];
        const entries = [...state.buckets.entries()];
        const answered = entries.filter(([, b]) => b.overallN > 0);
        const enough = answered.filter(([, b]) => b.overallN >= this.rules.minGroupResponses);
        // The mean is of the groups large enough to judge; when none is, of all groups (stated as small samples).
        const judged = enough.length ? enough : answered;
        // Unrounded rates: a group's shortfall must not depend on how a rate is displayed.
        const meanRate = judged.length ? judged.reduce((a, [, b]) => a + b.sat / b.overallN, 0) / judged.length : null;
        const list: GroupStats[] = entries
          .map(([name, b]) => {
            const tooFew = b.overallN < this.rules.minGroupResponses;
            const r = b.overallN ? b.sat / b.overallN : null;
            const shortfall = r !== null && meanRate ? Math.max(0, (meanRate - r) / meanRate) : null;
            return {
              group: safeText(maskPersonalData(name)).slice(0, 60),
              responses: b.n,
              satisfactionRate: rate(b),
              meanOverall: mean(b),
              shortfall: shortfall === null ? null : roundTo(shortfall, 4),
              belowMean: shortfall !== null && shortfall > this.rules.groupShortfall + 1e-12,
              tooFew,
            };
          })
          .sort(
            (a, b) =>
              Number(b.belowMean) - Number(a.belowMean) ||
              Number(a.tooFew) - Number(b.tooFew) ||
              (a.satisfactionRate ?? 2) - (b.satisfactionRate ?? 2) ||
              a.group.localeCompare(b.group),
          );
        return [g, { header: this.header[c] ?? '', meanRate: meanRate === null ? null : roundTo(meanRate, 4), filledDown: state.filled, groups: list }];
      }),
    ) as Record<Grouping, GroupReview | null>;

    const themes: ThemeStats[] = this.themes.themes
      .map((t) => {
        const c = this.themeCounts.get(t.id)!;
        const s = this.withText ? roundTo(c.mentions / this.withText, 4) : 0;
        return {
          id: t.id,
          label: t.label,
          mentions: c.mentions,
          share: s,
          common: this.withText > 0 && c.mentions / this.withText > this.rules.commonThemeShare + 1e-12,
          praise: c.praise,
          examples: c.examples,
        };
      })
      .filter((t) => t.mentions > 0 || t.praise > 0)
      .sort((a, b) => b.mentions - a.mentions || b.praise - a.praise || a.id.localeCompare(b.id));

    const used = Object.fromEntries(Object.entries(this.cols).map(([f, i]) => [f, this.header[i as number] ?? ''])) as Partial<Record<SurveyField, string>>;
    const months = [...this.months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, b]) => ({ month, responses: b.n, satisfactionRate: rate(b), meanOverall: mean(b) }));
    return {
      dataset: info,
      rules: this.rules,
      columns: {
        used,
        unused: this.unused.map((h) => maskPersonalData(h).slice(0, 60)),
        missingDimensions: DIMENSIONS.filter((d) => this.cols[d] === undefined),
      },
      responses: this.responses,
      excluded: this.excluded,
      valueIssues: this.issues,
      period: this.minDay && this.maxDay ? { from: this.minDay, to: this.maxDay } : null,
      months: months.length > 1 ? months : [],
      dimensions,
      satisfactionRate: share('overall', 4),
      resolutionRate: share('resolution', 3),
      recommendRate: share('recommend', 4),
      anomalies: this.anomalies,
      themes: {
        answersWithText: this.withText,
        classes: THEME_CLASSES.map((c) => {
          const n = this.classCounts.get(c)!;
          return {
            id: c,
            label: this.themes.classes[c],
            mentions: n,
            share: this.withText ? roundTo(n / this.withText, 4) : 0,
            themes: this.themes.themes.filter((t) => t.class === c).map((t) => t.id),
          };
        }),
        unmatched: this.unmatched,
        list: themes,
      },
      groups,
    };
  }
}

export interface SurveyComparison {
  /** 环比 (the period just before), 同比 (the same period a year earlier), or another earlier period. */
  kind: 'period-on-period' | 'year-on-year' | 'earlier';
  /** Days between the middles of the two periods. */
  gapDays: number | null;
  /** The "previous" file covers a later period than the current one: probably swapped. */
  previousIsLater: boolean;
  responses: { now: number; before: number };
  /** Percentage points (ratio difference) for rates, rating points for means. */
  changes: {
    satisfactionRate: Ratio | null;
    resolutionRate: Ratio | null;
    recommendRate: Ratio | null;
    means: Record<Dimension, number | null>;
  };
}

/** Pure: the change from an earlier survey to this one, labelled by the gap between their periods. */
export function compareSurveys(now: SurveyAnalysis, before: SurveyAnalysis): SurveyComparison {
  const mid = (p: { from: string; to: string }) => (Date.parse(p.from) + Date.parse(p.to)) / 2 / 86_400_000;
  const gapDays = now.period && before.period ? Math.round(mid(now.period) - mid(before.period)) : null;
  const previousIsLater = gapDays !== null && gapDays < 0;
  const kind =
    gapDays !== null && Math.abs(Math.abs(gapDays) - 365) <= 45
      ? 'year-on-year'
      : gapDays !== null && now.period && before.period && daysBetween(before.period.to, now.period.from) <= 45 && gapDays > 0
        ? 'period-on-period'
        : 'earlier';
  const d = (a: number | null, b: number | null, digits: number) => (a === null || b === null ? null : roundTo(a - b, digits));
  return {
    kind,
    gapDays,
    previousIsLater,
    responses: { now: now.responses, before: before.responses },
    changes: {
      satisfactionRate: d(now.satisfactionRate, before.satisfactionRate, 4),
      resolutionRate: d(now.resolutionRate, before.resolutionRate, 4),
      recommendRate: d(now.recommendRate, before.recommendRate, 4),
      means: Object.fromEntries(DIMENSIONS.map((x) => [x, d(now.dimensions[x]?.mean ?? null, before.dimensions[x]?.mean ?? null, 2)])) as Record<
        Dimension,
        number | null
      >,
    },
  };
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
