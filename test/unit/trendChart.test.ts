import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { History, HistoryPoint } from '../../src/model/history.js';
import { trendGeometry } from '../../src/render/trendChart.js';
import { loaded } from '../helpers.js';

const BOX = { width: 560, height: 320, left: 48, right: 112, top: 26, bottom: 36, charWidth: 11 };
const levels = loaded.rubric.levels.list.map((l) => ({ id: l.id, name: l.name, minScore: l.minScore }));
const DAY = 86_400_000;
const iso = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * DAY).toISOString().slice(0, 10);

/** A history of scored points and gaps on increasing days (several may share a day), and maybe a projection. */
const histories = fc
  .record({
    steps: fc.array(fc.record({ gap: fc.boolean(), days: fc.nat({ max: 40 }), final: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) }), {
      minLength: 1,
      maxLength: 60,
    }),
    projection: fc.option(fc.record({ after: fc.nat({ max: 400 }), final: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) }), { nil: undefined }),
  })
  .map(({ steps, projection }): History => {
    let day = 0;
    const points: HistoryPoint[] = steps.map((s, i) => {
      day += s.days;
      const base = { commit: String(i).padStart(40, '0'), short: String(i).padStart(12, '0'), date: iso(day), subject: '', path: 'company.yaml' };
      return s.gap
        ? { kind: 'gap', ...base, reason: 'invalid-evidence', diagnostics: [] }
        : {
            kind: 'scored',
            ...base,
            assessmentDate: iso(day),
            final: s.final,
            level: 'fail',
            levelName: levels[0]!.name,
            delta: null,
            changes: [],
            moreChanges: 0,
            sections: [],
          };
    });
    const last = [...points].reverse().find((p) => p.kind === 'scored');
    return {
      file: 'company.yaml',
      rubric: { id: 'r', version: '1', sha256: '0'.repeat(64) },
      levels,
      sections: [],
      points,
      projection: projection && last?.kind === 'scored' ? { ...last, kind: 'projection', asOf: iso(day + projection.after), final: projection.final } : null,
      span: null,
    };
  });

describe('trend chart geometry (shared by the HTML and PDF charts)', () => {
  it('keeps every mark inside the plot, breaks the line at each gap, and keeps the dates apart', () => {
    fc.assert(
      fc.property(histories, (h) => {
        const g = trendGeometry(h, 'en', BOX);
        const { plot } = g;
        const inside = (x: number, y: number) =>
          x >= plot.x - 1e-6 && x <= plot.x + plot.width + 1e-6 && y >= plot.y - 1e-6 && y <= plot.y + plot.height + 1e-6;
        for (const q of g.runs.flat()) expect(inside(q.x, q.y)).toBe(true);
        if (g.projection) expect(inside(g.projection.x, g.projection.y)).toBe(true);
        // Runs are the maximal stretches of scored points between gaps, in order; every point is in one.
        const stretches = h.points
          .map((p) => (p.kind === 'scored' ? 's' : '|'))
          .join('')
          .split('|')
          .filter(Boolean)
          .map((s) => s.length);
        expect(g.runs.map((r) => r.length)).toEqual(stretches);
        expect(g.gaps.length).toBe(h.points.filter((p) => p.kind === 'gap').length);
        // Time runs left to right.
        const xs = [...h.points.map((_, i) => i)].map(
          (i) => g.runs.flat().find((q) => q.point === h.points[i])?.x ?? g.gaps.find((q) => q.short === h.points[i]!.short)!.x,
        );
        for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]! - 1e-9);
        // The bands stack without a gap or an overlap from the floor to 100; the floor is at or under every score.
        const shown = g.bands.filter((b) => b.height > 0);
        expect(shown[0]!.y + shown[0]!.height).toBeCloseTo(plot.y + plot.height, 6);
        expect(shown.at(-1)!.y).toBeCloseTo(plot.y, 6);
        for (let i = 1; i < shown.length; i++) expect(shown[i]!.y + shown[i]!.height).toBeCloseTo(shown[i - 1]!.y, 6);
        for (const q of g.runs.flat()) expect(q.point.final).toBeGreaterThanOrEqual(g.floor);
        // Date labels: the first always; neighbours at least 16 characters apart.
        expect(g.dates[0]!.text).toBe(h.points[0]!.date);
        for (let i = 1; i < g.dates.length; i++) expect(g.dates[i]!.x - g.dates[i - 1]!.x).toBeGreaterThanOrEqual(BOX.charWidth * 16 - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
