import type { Ratio } from '../model/units.js';
import { roundTo } from '../model/units.js';
import { SURVEY_COLUMNS, SURVEY_REQUIRED, mapColumns, type SurveyField } from './columns.js';
import type { Table } from './table.js';
import { THEMES, maskPersonalData } from './themes.js';
import { dayOf, parseDateTime, parseRating, text } from './values.js';

export const DIMENSIONS = ['speed', 'resolution', 'professionalism', 'patience', 'updates', 'overall', 'recommend'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A theme mentioned by more than this share of responses is a common problem (seed 002). */
export const COMMON_THEME_SHARE = 0.2;
/** A group whose mean overall satisfaction is more than this far below the overall mean needs review (seed 002). */
export const GROUP_BELOW_SHARE = 0.15;

export type InvalidReason =
  | { code: 'rating-out-of-range'; column: string; value: string }
  | { code: 'missing-rating'; column: string }
  | { code: 'duplicate-order'; order: string; firstLine: number }
  | { code: 'bad-date'; value: string };

export interface InvalidRow {
  line: number;
  reason: InvalidReason;
}

export interface SurveyAnalysis {
  dataset: { file: string; format: string; encoding: string | null; sha256: string; rows: number };
  responses: number;
  invalid: InvalidRow[];
  period: { from: string; to: string } | null;
  dimensions: Record<Dimension, { mean: number | null; answered: number; distribution: [number, number, number, number, number] } | null>;
  /** Share of 4–5 on overall satisfaction. */
  satisfactionRate: Ratio | null;
  /** Share of 4–5 on problem resolution (first contact). */
  firstContactResolutionRate: Ratio | null;
  /** Share of 4–5 on willingness to recommend. */
  recommendRate: Ratio | null;
  themes: Array<{ id: string; mentions: number; share: Ratio; common: boolean; examples: string[] }>;
  groups: Array<{ group: string; responses: number; meanOverall: number; belowMean: boolean; shortfall: Ratio }>;
}

interface Response {
  line: number;
  ratings: Partial<Record<Dimension, number>>;
  group: string;
  date: string | null;
  suggestion: string;
}

/** Pure: table -> metrics. Names, phones and e-mails are never copied into the result. */
export function analyzeSurvey(table: Table, mapping?: Partial<Record<string, string>>): SurveyAnalysis {
  const cols = mapColumns<SurveyField>(table, SURVEY_COLUMNS, SURVEY_REQUIRED, mapping);
  const invalid: InvalidRow[] = [];
  const seenOrders = new Map<string, number>();
  const responses: Response[] = [];
  const cell = (cells: unknown[], f: SurveyField) => (cols[f] === undefined ? null : (cells[cols[f]!] as Parameters<typeof text>[0]) ?? null);

  for (const row of table.rows) {
    const ratings: Partial<Record<Dimension, number>> = {};
    let bad: InvalidReason | null = null;
    for (const d of DIMENSIONS) {
      if (cols[d] === undefined) continue;
      const raw = cell(row.cells, d);
      const r = parseRating(raw);
      if (Number.isNaN(r)) {
        bad = { code: 'rating-out-of-range', column: table.header[cols[d]!]!, value: text(raw) };
        break;
      }
      if (r !== null) ratings[d] = r;
    }
    if (!bad && ratings.overall === undefined) bad = { code: 'missing-rating', column: table.header[cols.overall!]! };
    const order = text(cell(row.cells, 'order'));
    if (!bad && order) {
      const first = seenOrders.get(order);
      if (first !== undefined) bad = { code: 'duplicate-order', order, firstLine: first };
    }
    let date: string | null = null;
    const rawDate = cell(row.cells, 'date');
    if (!bad && rawDate !== null && text(rawDate) !== '') {
      const t = parseDateTime(rawDate);
      if (t === null) bad = { code: 'bad-date', value: text(rawDate) };
      else date = dayOf(t);
    }
    if (bad) {
      invalid.push({ line: row.line, reason: bad });
      continue;
    }
    if (order) seenOrders.set(order, row.line);
    responses.push({ line: row.line, ratings, group: text(cell(row.cells, 'group')), date, suggestion: text(cell(row.cells, 'suggestion')) });
  }

  const n = responses.length;
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => {
      if (cols[d] === undefined) return [d, null];
      const values = responses.flatMap((r) => (r.ratings[d] !== undefined ? [r.ratings[d]!] : []));
      const distribution = [1, 2, 3, 4, 5].map((k) => values.filter((v) => v === k).length) as [number, number, number, number, number];
      return [d, { mean: values.length ? roundTo(values.reduce((a, b) => a + b, 0) / values.length, 2) : null, answered: values.length, distribution }];
    }),
  ) as SurveyAnalysis['dimensions'];
  const topBox = (d: Dimension): Ratio | null => {
    const x = dimensions[d];
    return x && x.answered ? roundTo((x.distribution[3] + x.distribution[4]) / x.answered, 4) : null;
  };

  const withText = responses.filter((r) => r.suggestion !== '').map((r) => ({ r, lower: r.suggestion.toLowerCase() }));
  const themes = THEMES.map((theme) => {
    const keywords = theme.keywords.map((k) => k.toLowerCase());
    const hits = withText.filter((x) => keywords.some((k) => x.lower.includes(k))).map((x) => x.r);
    const share = n ? roundTo(hits.length / n, 4) : 0;
    return { id: theme.id, mentions: hits.length, share, common: share > COMMON_THEME_SHARE, examples: hits.slice(0, 3).map((r) => maskPersonalData(r.suggestion).slice(0, 120)) };
  })
    .filter((t) => t.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);

  // The unrounded mean: a group's shortfall must not depend on how the mean is displayed.
  const overallValues = responses.map((r) => r.ratings.overall!);
  const overallMean = overallValues.length ? overallValues.reduce((a, b) => a + b, 0) / overallValues.length : null;
  const byGroup = new Map<string, number[]>();
  for (const r of responses) {
    if (!r.group) continue;
    const xs = byGroup.get(r.group);
    if (xs) xs.push(r.ratings.overall!);
    else byGroup.set(r.group, [r.ratings.overall!]);
  }
  const groups = [...byGroup.entries()]
    .map(([group, xs]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const shortfall = overallMean ? Math.max(0, (overallMean - mean) / overallMean) : 0;
      return { group, responses: xs.length, meanOverall: roundTo(mean, 2), belowMean: shortfall > GROUP_BELOW_SHARE, shortfall: roundTo(shortfall, 4) };
    })
    .sort((a, b) => a.meanOverall - b.meanOverall || a.group.localeCompare(b.group));

  const dates = responses.flatMap((r) => (r.date ? [r.date] : [])).sort();
  return {
    dataset: { file: table.file, format: table.format, encoding: table.encoding, sha256: table.sha256, rows: table.rows.length },
    responses: n,
    invalid,
    period: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
    dimensions,
    satisfactionRate: topBox('overall'),
    firstContactResolutionRate: topBox('resolution'),
    recommendRate: topBox('recommend'),
    themes,
    groups,
  };
}
