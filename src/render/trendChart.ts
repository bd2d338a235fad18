import type { History, ProjectionPoint, ScoredPoint } from '../model/history.js';
import type { Lang } from '../model/localized.js';
import type { Score100 } from '../model/units.js';

/**
 * Where the trend chart's marks go, in the units of the box it is drawn in (SVG user units, PDF points), so
 * the HTML and PDF charts are one geometry drawn twice. Positions only: every value shown is the model's.
 */
export interface TrendBox {
  width: number;
  height: number;
  /** Room for the y-axis figures (left), the band names (right), point labels (top), dates (bottom). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Width of one character of the axis text, for keeping date labels apart. */
  charWidth: number;
}

export interface TrendGeometry {
  plot: { x: number; y: number; width: number; height: number };
  /** The score at the bottom of the plot (the top is 100). */
  floor: Score100;
  bands: { y: number; height: number; minScore: Score100; name: string; shade: number }[];
  /** Figures on the y axis: each level threshold shown and the floor. */
  ticks: { y: number; value: Score100 }[];
  /** Runs of consecutive scored points; a gap between two runs is a break in the line. */
  runs: { x: number; y: number; point: ScoredPoint }[][];
  gaps: { x: number; short: string; date: string; reason: string }[];
  projection: { x: number; y: number; from: { x: number; y: number }; point: ProjectionPoint } | null;
  /** Dates under the axis, kept apart so that none overlaps its neighbour. */
  dates: { x: number; text: string }[];
  /** Whether every scored point carries its figure (few points), or only the first and last. */
  labelAll: boolean;
}

const DAY_MS = 86_400_000;
/** More points than this and only the first and the last carry their figure: the rest would overlap. */
const LABELLED_POINTS = 12;

export function trendGeometry(h: History, lang: Lang, box: TrendBox): TrendGeometry {
  const plot = { x: box.left, y: box.top, width: box.width - box.left - box.right, height: box.height - box.top - box.bottom };
  const scores = [...h.points.flatMap((p) => (p.kind === 'scored' ? [p.final] : [])), ...(h.projection ? [h.projection.final] : [])];
  // The lowest threshold above failing stays in view, with room under the lowest score.
  const pass = h.levels[1]?.minScore ?? 0;
  const lowest = Math.min(pass, ...scores);
  const floor = Math.max(0, Math.floor((lowest - 5) / 10) * 10);
  const yOf = (score: number) => plot.y + plot.height * (1 - (score - floor) / (100 - floor));
  const days = [...h.points.map((p) => p.date), ...(h.projection ? [h.projection.asOf] : [])].map((d) => Date.parse(`${d}T00:00:00Z`) / DAY_MS);
  const [first, last] = [Math.min(...days), Math.max(...days)];
  // One day or none: the points spread evenly instead.
  const xAt = (i: number) =>
    days.length <= 1
      ? plot.x + plot.width / 2
      : last === first
        ? plot.x + (plot.width * i) / (days.length - 1)
        : plot.x + (plot.width * (days[i]! - first)) / (last - first);

  const bands = h.levels.map((l, i) => {
    const upper = h.levels[i + 1]?.minScore ?? 100;
    const lo = Math.max(l.minScore, floor);
    const y = yOf(upper);
    return { y, height: Math.max(0, yOf(lo) - y), minScore: l.minScore, name: l.name[lang], shade: i };
  });
  const ticks = [{ y: yOf(floor), value: floor }, ...h.levels.filter((l) => l.minScore > floor).map((l) => ({ y: yOf(l.minScore), value: l.minScore }))];
  if (!ticks.some((t) => t.value === 100)) ticks.push({ y: yOf(100), value: 100 });

  const runs: TrendGeometry['runs'] = [];
  const gaps: TrendGeometry['gaps'] = [];
  let run: TrendGeometry['runs'][number] = [];
  h.points.forEach((p, i) => {
    if (p.kind === 'scored') run.push({ x: xAt(i), y: yOf(p.final), point: p });
    else {
      if (run.length) runs.push(run);
      run = [];
      gaps.push({ x: xAt(i), short: p.short, date: p.date, reason: p.reason });
    }
  });
  if (run.length) runs.push(run);
  const lastScored = runs.at(-1)?.at(-1);
  const projection =
    h.projection && lastScored
      ? { x: xAt(days.length - 1), y: yOf(h.projection.final), from: { x: lastScored.x, y: lastScored.y }, point: h.projection }
      : null;

  // Dates: the first and the last always, those between when there is room for them.
  const all = days.map((_, i) => ({ x: xAt(i), text: i < h.points.length ? h.points[i]!.date : h.projection!.asOf }));
  // A date is ~10 characters; a centred one needs half its width each side, the first and last a whole one inwards.
  const room = box.charWidth * 16;
  const dates: TrendGeometry['dates'] = [];
  for (const [i, d] of all.entries()) {
    const end = i === all.length - 1;
    while (end && dates.length > 1 && d.x - dates.at(-1)!.x < room) dates.pop();
    if (dates.length === 0 || d.x - dates.at(-1)!.x >= room) dates.push(d);
  }
  return { plot, floor, bands, ticks, runs, gaps, projection, dates, labelAll: scores.length <= LABELLED_POINTS };
}
