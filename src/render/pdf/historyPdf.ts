import { CAUSE_LABELS } from '../../messages/changes.js';
import { diagnosticText } from '../../messages/diagnostics.js';
import { historyText } from '../../messages/history.js';
import { points, signedPoints } from '../../messages/numbers.js';
import type { History, ProjectionPoint, ScoredPoint } from '../../model/history.js';
import type { Lang } from '../../model/localized.js';
import { trendGeometry } from '../trendChart.js';
import { uncovered } from './fonts.js';
import { COLOR, CONTENT_WIDTH, type Cell, clipText, Layout, PAGE } from './layout.js';
import { startPdf } from './pdfFile.js';
import type { PdfFonts, PdfResult } from './renderPdf.js';

type Key = Parameters<typeof historyText>[0];
/** Band fills, lowest level first: light steps of one hue that stay apart printed in grey. */
const BAND_FILL = ['#f1e1e1', '#eceff3', '#dfe6ee', '#d1dbe7', '#c3d1e2'];
const LINE = COLOR.bar;
/** Chart text in points: 8 pt is the smallest the report prints (running head and foot). */
const AXIS = 8;

/**
 * `history --format pdf`: the trend of the History model on A4 — the final score on the level bands, each
 * section's points, every commit's score and the criteria that moved with their causes and commit. The
 * Layout, fonts, line breaking and running head and foot are the report PDF's.
 */
export async function renderHistoryPdf(h: History, lang: Lang, fonts: PdfFonts, creationDate: Date): Promise<PdfResult> {
  const t = (k: Key, v: Record<string, string | number> = {}) => historyText(k, lang, v);
  const { doc, finish } = await startPdf(
    lang,
    {
      Title: clipText(`${t('docTitle')} — ${h.file}`),
      Author: 'aftersales-assess',
      Subject: `${h.rubric.id} ${h.rubric.version}`,
      Keywords: 'GB/T 27922, after-sales service, self-assessment, history',
      Creator: 'aftersales-assess',
      Producer: 'aftersales-assess',
    },
    fonts,
    creationDate,
  );
  const L = new Layout(doc);
  L.text(t('docTitle'), { size: 18, bold: true, color: COLOR.brand });
  L.space(4);
  L.text(`${t('fileLabel')}: ${h.file}`, { size: 11, bold: true });
  L.text(`${t('rubricLabel', { id: h.rubric.id, version: h.rubric.version })} · ${t('title', { file: h.file, n: h.points.length })}`, {
    size: 9,
    color: COLOR.muted,
  });
  const s = h.span;
  if (s) L.text(t('summary', { ...s, before: points(s.before), after: points(s.after), delta: signedPoints(s.delta) }), { size: 10 });
  L.space(10);
  if (h.points.some((p) => p.kind === 'scored')) {
    trend(L, h, lang, t);
    sections(L, h, lang, t);
  } else L.text(t('noScored'), { size: 10 });
  pointsTable(L, h, lang, t);
  moved(L, h, lang, t);

  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    // Text near the bottom margin would make pdfkit start a new page.
    doc.page.margins = { ...margins, bottom: 0, top: 0 };
    doc
      .moveTo(PAGE.left, PAGE.height - 44)
      .lineTo(PAGE.left + CONTENT_WIDTH, PAGE.height - 44)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const left = L.fit(`${t('docTitle')} · ${h.file}`, { size: 8, width: CONTENT_WIDTH - 110 }, L.height('x', { size: 8 }));
    L.text(left, { size: 8, color: COLOR.muted, x: PAGE.left, y: PAGE.height - 38, width: CONTENT_WIDTH - 110 });
    L.text(t('page', { n: i + 1, total: pages }), {
      size: 8,
      color: COLOR.muted,
      x: PAGE.left + CONTENT_WIDTH - 100,
      y: PAGE.height - 38,
      width: 100,
      align: 'right',
    });
    doc.page.margins = margins;
  }
  for (const o of L.outline) {
    doc.switchToPage(o.page);
    doc.outline.addItem(o.title);
  }
  const missingGlyphs = uncovered(doc, L.drawn);
  return { bytes: await finish(), missingGlyphs, pages };
}

function trend(L: Layout, h: History, lang: Lang, t: (k: Key, v?: Record<string, string | number>) => string): void {
  const { doc } = L;
  L.heading(t('trendChapter'));
  L.text(t('trendDesc'), { size: 8.5, color: COLOR.muted });
  L.space(6);
  const height = 250;
  L.ensure(height + 40);
  const top = L.y;
  const g = trendGeometry(h, lang, { width: CONTENT_WIDTH, height, left: 26, right: 70, top: 16, bottom: 22, charWidth: AXIS * 0.56 });
  const at = (x: number) => PAGE.left + x;
  const atY = (y: number) => top + y;
  const { plot } = g;
  for (const b of g.bands) {
    if (b.height <= 0) continue;
    doc.rect(at(plot.x), atY(b.y), plot.width, b.height).fill(BAND_FILL[b.shade % BAND_FILL.length]!);
    if (b.labelled)
      L.text(b.name, { size: AXIS, color: COLOR.ink, x: at(plot.x + plot.width + 8), y: atY(b.y + Math.min(b.height, 20) / 2) - AXIS * 0.65, width: 62 });
  }
  for (const tk of g.ticks) {
    doc
      .moveTo(at(plot.x), atY(tk.y))
      .lineTo(at(plot.x + plot.width), atY(tk.y))
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
    L.text(String(tk.value), { size: AXIS, color: COLOR.muted, x: at(0), y: atY(tk.y) - AXIS * 0.65, width: plot.x - 4, align: 'right' });
  }
  for (const q of g.gaps) {
    doc
      .moveTo(at(q.x), atY(plot.y))
      .lineTo(at(q.x), atY(plot.y + plot.height))
      .lineWidth(1)
      .dash(1.5, { space: 2.5 })
      .strokeColor(COLOR.bad)
      .stroke()
      .undash();
    L.text('×', { size: AXIS + 1, bold: true, color: COLOR.bad, x: at(q.x) - 10, y: atY(plot.y) - AXIS - 6, width: 20, align: 'center' });
  }
  for (const run of g.runs) {
    if (run.length < 2) continue;
    doc.moveTo(at(run[0]!.x), atY(run[0]!.y));
    for (const q of run.slice(1)) doc.lineTo(at(q.x), atY(q.y));
    doc.lineWidth(1.8).strokeColor(LINE).stroke();
  }
  const pr = g.projection;
  if (pr) {
    doc.moveTo(at(pr.from.x), atY(pr.from.y)).lineTo(at(pr.x), atY(pr.y)).lineWidth(1.5).dash(4, { space: 3 }).strokeColor(LINE).stroke().undash();
    doc.circle(at(pr.x), atY(pr.y), 3.5).lineWidth(1.5).fillAndStroke('#ffffff', LINE);
    const label = `${t('projection')} ${points(pr.point.final)}`;
    L.text(label, { size: AXIS, bold: true, color: COLOR.ink, x: at(pr.x) - 120, y: atY(pr.y) - AXIS - 9, width: 120, align: 'right' });
  }
  const all = g.runs.flat();
  // Many points: smaller dots, so the line stays readable between them.
  const dot = all.length > 60 ? 1.4 : 2.8;
  all.forEach((q, i) => {
    doc.circle(at(q.x), atY(q.y), dot).fill(LINE);
    const near = pr && i === all.length - 1 && Math.abs(pr.x - q.x) < 40;
    if ((g.labelAll || i === 0 || i === all.length - 1) && !near)
      L.text(points(q.point.final), {
        size: AXIS,
        bold: true,
        color: COLOR.ink,
        ...(i === 0 && all.length > 1 ? { x: at(q.x) - 2, align: 'left' as const } : { x: at(q.x) - 20, align: 'center' as const }),
        y: atY(q.y) - AXIS - 8,
        width: 40,
      });
  });
  g.dates.forEach((d, i) => {
    const align = i === 0 && g.dates.length > 1 ? 'left' : i === g.dates.length - 1 && g.dates.length > 1 ? 'right' : 'center';
    const w = 60;
    const x = align === 'left' ? at(d.x) : align === 'right' ? at(d.x) - w : at(d.x) - w / 2;
    L.text(d.text, { size: AXIS, color: COLOR.muted, x, y: atY(plot.y + plot.height + 6), width: w, align });
  });
  doc.x = PAGE.left;
  doc.y = top + height + 6;
  // The legend: a line, a dashed line with a hollow point, a dotted upright — each with its words.
  const legend: Array<[string, (x: number, y: number) => void]> = [
    [
      t('legendScore'),
      (x, y) =>
        void doc
          .moveTo(x, y)
          .lineTo(x + 16, y)
          .lineWidth(1.8)
          .strokeColor(LINE)
          .stroke(),
    ],
  ];
  if (pr)
    legend.push([
      t('legendProjection'),
      (x, y) => {
        doc
          .moveTo(x, y)
          .lineTo(x + 16, y)
          .lineWidth(1.5)
          .dash(4, { space: 3 })
          .strokeColor(LINE)
          .stroke()
          .undash();
        doc
          .circle(x + 16, y, 2.5)
          .lineWidth(1)
          .fillAndStroke('#ffffff', LINE);
      },
    ]);
  if (g.gaps.length)
    legend.push([
      t('legendGap'),
      (x, y) =>
        void doc
          .moveTo(x + 8, y - 5)
          .lineTo(x + 8, y + 5)
          .lineWidth(1)
          .dash(1.5, { space: 2 })
          .strokeColor(COLOR.bad)
          .stroke()
          .undash(),
    ]);
  // Every band named with its threshold, also those too narrow to carry their name in the chart.
  for (const [i, b] of g.bands.entries())
    legend.push([
      `${b.name} ${i === 0 ? `< ${g.bands[1]?.minScore ?? 100}` : `≥ ${b.minScore}`}`,
      (x, y) =>
        void doc
          .rect(x + 2, y - 4, 12, 8)
          .lineWidth(0.5)
          .fillAndStroke(BAND_FILL[b.shade % BAND_FILL.length]!, COLOR.rule),
    ]);
  let x = PAGE.left;
  let y = L.y;
  for (const [words, mark] of legend) {
    const w = doc.font('regular').fontSize(AXIS).widthOfString(words) + 4;
    if (x > PAGE.left && x + 22 + w > PAGE.left + CONTENT_WIDTH) {
      x = PAGE.left;
      y += 14;
    }
    mark(x, y + 5);
    L.text(words, { size: AXIS, color: COLOR.muted, x: x + 22, y, width: w });
    x += 22 + w + 14;
  }
  doc.x = PAGE.left;
  doc.y = y + 16;
  if (pr) L.text(t('projectionNote', { short: pr.point.short, date: pr.point.asOf }), { size: 8.5 });
  const gaps = h.points.filter((p) => p.kind === 'gap');
  if (gaps.length) {
    L.space(4);
    L.text(t('gapsTitle'), { size: 9, bold: true });
    for (const p of gaps) {
      L.text(`${p.date} ${p.short} — ${t(p.reason)}`, { size: 8.5 });
      for (const d of p.diagnostics)
        L.text(`${d.file}:${d.line}:${d.column}: ${diagnosticText(d, lang).message}`, {
          size: 8,
          color: COLOR.muted,
          x: PAGE.left + 12,
          width: CONTENT_WIDTH - 12,
        });
    }
  }
  L.space(10);
}

/** Small multiples, two a row: each section's earned points on the same time axis as the trend. */
function sections(L: Layout, h: History, lang: Lang, t: (k: Key, v?: Record<string, string | number>) => string): void {
  const { doc } = L;
  L.heading(t('sectionsChapter'));
  const scored = h.points.filter((p): p is ScoredPoint => p.kind === 'scored');
  const gutter = 16;
  const w = (CONTENT_WIDTH - gutter) / 2;
  const chartH = 78;
  const earned = (p: ScoredPoint | ProjectionPoint, id: string) => p.sections.find((s) => s.id === id)?.earned ?? 0;
  for (let i = 0; i < h.sections.length; i += 2) {
    const row = h.sections.slice(i, i + 2);
    const captions = row.map((sec) => `${sec.id} ${sec.title[lang]}`);
    const capH = Math.max(...captions.map((c) => L.height(c, { size: 9, bold: true, width: w }))) + L.height('x', { size: 8 });
    L.ensure(capH + chartH + 14);
    const top = L.y;
    row.forEach((sec, j) => {
      const x0 = PAGE.left + j * (w + gutter);
      const max = Math.max(sec.points, ...scored.map((p) => p.sections.find((s) => s.id === sec.id)?.applicablePoints ?? 0));
      const latest = scored.at(-1);
      L.text(captions[j]!, { size: 9, bold: true, x: x0, y: top, width: w });
      if (latest) L.text(t('sectionNow', { earned: points(earned(latest, sec.id)), points: max }), { size: 8, color: COLOR.muted, x: x0, width: w });
      const y0 = top + capH + 2;
      const g = trendGeometry(h, lang, { width: w, height: chartH, left: 20, right: 6, top: 4, bottom: 14, charWidth: 8 * 0.56 });
      const { plot } = g;
      const yOf = (v: number) => y0 + plot.y + plot.height * (1 - (max > 0 ? v / max : 0));
      doc
        .rect(x0 + plot.x, y0 + plot.y, plot.width, plot.height)
        .lineWidth(0.5)
        .fillAndStroke(COLOR.zebra, COLOR.rule);
      L.text(String(max), { size: 8, color: COLOR.muted, x: x0, y: y0 + plot.y - 1, width: plot.x - 3, align: 'right' });
      L.text('0', { size: 8, color: COLOR.muted, x: x0, y: y0 + plot.y + plot.height - 8, width: plot.x - 3, align: 'right' });
      for (const q of g.gaps)
        doc
          .moveTo(x0 + q.x, y0 + plot.y)
          .lineTo(x0 + q.x, y0 + plot.y + plot.height)
          .lineWidth(0.8)
          .dash(1.5, { space: 2 })
          .strokeColor(COLOR.bad)
          .stroke()
          .undash();
      for (const run of g.runs) {
        if (run.length < 2) continue;
        doc.moveTo(x0 + run[0]!.x, yOf(earned(run[0]!.point, sec.id)));
        for (const q of run.slice(1)) doc.lineTo(x0 + q.x, yOf(earned(q.point, sec.id)));
        doc.lineWidth(1.3).strokeColor(LINE).stroke();
      }
      for (const q of g.runs.flat()) doc.circle(x0 + q.x, yOf(earned(q.point, sec.id)), 1.8).fill(LINE);
      const pr = g.projection;
      if (pr) {
        const from = g.runs.at(-1)!.at(-1)!;
        doc
          .moveTo(x0 + from.x, yOf(earned(from.point, sec.id)))
          .lineTo(x0 + pr.x, yOf(earned(pr.point, sec.id)))
          .lineWidth(1)
          .dash(3, { space: 2 })
          .strokeColor(LINE)
          .stroke()
          .undash();
        doc
          .circle(x0 + pr.x, yOf(earned(pr.point, sec.id)), 2.2)
          .lineWidth(1)
          .fillAndStroke('#ffffff', LINE);
      }
      const first = g.dates[0];
      const last = g.dates.length > 1 ? g.dates.at(-1) : undefined;
      if (first) L.text(first.text, { size: 8, color: COLOR.muted, x: x0 + first.x, y: y0 + plot.y + plot.height + 3, width: 60 });
      if (last) L.text(last.text, { size: 8, color: COLOR.muted, x: x0 + last.x - 60, y: y0 + plot.y + plot.height + 3, width: 60, align: 'right' });
    });
    doc.x = PAGE.left;
    doc.y = top + capH + chartH + 14;
  }
  L.space(6);
}

function pointsTable(L: Layout, h: History, lang: Lang, t: (k: Key, v?: Record<string, string | number>) => string): void {
  L.heading(t('pointsChapter'));
  const rows: Cell[][] = h.points.map((p) =>
    p.kind === 'gap'
      ? [
          { text: p.date },
          { text: p.short },
          { text: '—' },
          { text: t('gap'), bold: true, color: COLOR.bad },
          { text: '' },
          { text: `${t(p.reason)} · ${p.subject}` },
        ]
      : [
          { text: p.date },
          { text: p.short },
          { text: points(p.final), bold: true },
          { text: p.levelName[lang] },
          { text: p.delta === null ? '' : signedPoints(p.delta), ...(p.delta !== null && p.delta < 0 ? { color: COLOR.bad } : {}) },
          { text: p.subject },
        ],
  );
  const pr = h.projection;
  if (pr)
    rows.push([
      { text: pr.asOf, bold: true },
      { text: pr.short },
      { text: points(pr.final), bold: true },
      { text: pr.levelName[lang] },
      { text: pr.delta === null ? '' : signedPoints(pr.delta), ...(pr.delta !== null && pr.delta < 0 ? { color: COLOR.bad } : {}) },
      { text: t('projectionRow', { date: pr.asOf }), bold: true },
    ]);
  L.table(
    [
      { header: t('date'), width: 62 },
      { header: t('commit'), width: 78 },
      { header: t('score'), width: 40, align: 'right' },
      { header: t('level'), width: 62 },
      { header: t('change'), width: 44, align: 'right' },
      { header: t('subject'), width: CONTENT_WIDTH - 286 },
    ],
    rows,
    { zebra: true },
  );
  L.space(10);
}

/** Every listed criterion change, with its causes and the commit it came in; the projection's last. */
function moved(L: Layout, h: History, lang: Lang, t: (k: Key, v?: Record<string, string | number>) => string): void {
  L.heading(t('movedChapter'));
  const rows: Cell[][] = [];
  const add = (p: ScoredPoint | ProjectionPoint, date: string) => {
    for (const ch of p.changes) {
      const causes = ch.causes.map((c) => CAUSE_LABELS[c][lang]).join(', ');
      rows.push([
        { text: date },
        { text: p.short },
        { text: `${ch.id} ${ch.title[lang]}` },
        { text: signedPoints(ch.delta), ...(ch.delta < 0 ? { color: COLOR.bad } : { color: COLOR.good }) },
        { text: `${causes}${ch.refs.length ? `\n${ch.refs.join(', ')}` : ''}` },
      ]);
    }
    if (p.moreChanges > 0)
      rows.push([{ text: date }, { text: p.short }, { text: t('more', { n: p.moreChanges }), color: COLOR.muted }, { text: '' }, { text: '' }]);
  };
  for (const p of h.points) if (p.kind === 'scored') add(p, p.date);
  if (h.projection) add(h.projection, t('projectionRow', { date: h.projection.asOf }));
  if (rows.length === 0) {
    L.text(t('movedNone'), { size: 10 });
    return;
  }
  L.table(
    [
      { header: t('date'), width: 62 },
      { header: t('commit'), width: 78 },
      { header: t('criterion'), width: 170 },
      { header: t('change'), width: 44, align: 'right' },
      { header: t('causes'), width: CONTENT_WIDTH - 354 },
    ],
    rows,
    { zebra: true },
  );
}
