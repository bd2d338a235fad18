import { interpolate } from '../../shared/interpolate.js';
import { hours, percent, points, signedPoints } from '../../messages/numbers.js';
import { findingMessage } from '../../messages/findings.js';
import { CONFIDENCE, EVIDENCE_STATE, PDF, chapterHeading, noteText, sourceLabel } from '../../messages/pdf.js';
import { PLANNING, planning } from '../../messages/planning.js';
import { kpiRows, kpiText } from '../../messages/industryKpis.js';
import type { IndustryKpis } from '../../model/data.js';
import { COLON, inParens, FIX_TAGS, OUTCOME_LABELS, UI, ui } from '../../messages/ui.js';
import { readReport, type Reading } from '../reading.js';
import { CAUSE_LABELS, sidesLabel } from '../../messages/changes.js';
import { DIMENSION_LABELS, GROUPING_LABELS, RECORD_TYPE_LABELS, dataRuleText, ds, followUpLines, metricLabel } from '../../messages/datasets.js';
import type { Lang } from '../../model/localized.js';
import type { CriterionResult, EvidenceResult, Report } from '../../model/report.js';
import { bonusLines, deductionsUnder, disagreements, evidenceIndex, expiringEvidence, methodRules, shownFindings, specialDeductions } from '../reportFacts.js';
import type { T } from './labels.js';
import { colophon } from './colophon.js';
import { contentsPage, draftMark } from './frontMatter.js';
import type { ReportDocument } from '../../model/document.js';
import { FontError, uncovered } from './fonts.js';
import { startPdf } from './pdfFile.js';
import { clipText, COLOR, CONTENT_WIDTH, Layout, PAGE, type Cell } from './layout.js';

export interface PdfFonts {
  /** A font file's bytes (or path, for the bundled fonts). */
  regular: string | Buffer;
  bold: string | Buffer;
  /** For a TrueType collection (.ttc): the PostScript names of the faces to use. */
  regularFace?: string;
  boldFace?: string;
}

/** The brand file's logo could not be drawn (a damaged PNG or JPEG): the user's input, not a bug. */
export class LogoError extends Error {}

export { FontError };
export { renderHistoryPdf } from './historyPdf.js';
export { renderAuditPdf } from './auditPdf.js';

export interface PdfResult {
  bytes: Buffer;
  /** Characters the font cannot draw; the caller warns about them rather than emit tofu silently. */
  missingGlyphs: string[];
  pages: number;
}

/** One more renderer of the Report: an A4 audit-preparation document. pdfkit is passed in (loaded lazily). */
export async function renderPdf(report: Report, fonts: PdfFonts, creationDate: Date, document: ReportDocument): Promise<PdfResult> {
  const lang = report.lang;
  const labels = { ...UI, ...PDF };
  const t: T = (k, vars = {}) => interpolate(labels[k][lang], vars);
  const { doc, finish } = await startPdf(
    lang,
    {
      Title: clipText(`${t('docTitle')} — ${report.company.name}`),
      Author: document.brand?.firm[lang] ?? report.assessor ?? report.tool.name,
      Subject: `${report.rubric.standard} ${report.assessmentDate}`,
      Keywords: 'GB/T 27922, after-sales service, self-assessment',
      Creator: `${report.tool.name} ${report.tool.version}`,
      Producer: report.tool.name,
    },
    fonts,
    creationDate,
  );

  const L = new Layout(doc);
  // Chapters are numbered as they are written, so an optional one (data analysis) keeps the order.
  let chapter = 0;
  const numbered: T = (k, vars) => {
    chapter++;
    return chapterHeading(chapter, t(k, vars), lang);
  };
  const reading = readReport(report, lang);
  cover(L, report, document, t);
  // The contents page is laid out last, when every chapter's page is known.
  L.newPage();
  const contents = L.page;
  L.newPage();
  summary(L, report, reading, t, numbered);
  L.newPage();
  overview(L, reading, t, numbered);
  L.newPage();
  detail(L, report, reading, t, numbered);
  L.newPage();
  actionPlan(L, reading, t, numbered);
  evidenceIndexChapter(L, report, t, numbered);
  if (report.datasets.length > 0) dataAnalysis(L, report, t, numbered);
  method(L, report, t, numbered);
  colophon(L, report, t, numbered('colophonChapter'));

  contentsPage(L, contents, report, document, t);
  const pages = doc.bufferedPageRange().count;
  runningHeadAndFoot(L, report, document, t, pages);
  for (const o of L.outline) {
    doc.switchToPage(o.page);
    doc.outline.addItem(o.title);
  }
  const missingGlyphs = uncovered(doc, L.drawn);
  return { bytes: await finish(), missingGlyphs, pages };
}

function cover(L: Layout, r: Report, d: ReportDocument, t: T): void {
  const { doc } = L;
  const lang = r.lang;
  doc.rect(0, 0, PAGE.width, 250).fill(COLOR.brand);
  // The consultant's logo on a white plate at the band's top right, scaled to fit, never stretched.
  if (d.brand?.logo) {
    doc.rect(PAGE.left + CONTENT_WIDTH - 130, 24, 130, 48).fill('#ffffff');
    try {
      doc.image(Buffer.from(d.brand.logo.bytes), PAGE.left + CONTENT_WIDTH - 124, 28, { fit: [118, 40], align: 'center', valign: 'center' });
    } catch (e) {
      throw new LogoError(e instanceof Error ? e.message : String(e));
    }
  }
  // Positions follow the measured height of each line above, so a title that wraps pushes the rest down.
  let top = 80;
  L.text(t('docTitle'), { size: 24, bold: true, color: '#ffffff', x: PAGE.left, y: top, width: CONTENT_WIDTH });
  top += L.height(t('docTitle'), { size: 24, bold: true }) + 14;
  L.text(`${r.rubric.title[lang]}`, { size: 11, color: '#dfe6ee', x: PAGE.left, y: top, width: CONTENT_WIDTH });
  top += L.height(r.rubric.title[lang], { size: 11 }) + 6;
  L.text(t('rubricVersion', { version: r.rubric.version }), { size: 9, color: '#dfe6ee', x: PAGE.left, y: top, width: CONTENT_WIDTH });
  if (d.brand) {
    top += L.height('x', { size: 9 }) + 18;
    L.text(`${t('preparedBy')}${COLON[lang]}${d.brand.firm[lang]}`, { size: 11, bold: true, color: '#ffffff', x: PAGE.left, y: top, width: CONTENT_WIDTH });
  }

  let y = 300;
  // The cover is one page placed by hand: a value longer than six lines is cut with an ellipsis there
  // (the report pages and the header still name the company), or it would run off the page.
  const row = (label: string, full: string, size = 14) => {
    const o = { size, bold: true, width: CONTENT_WIDTH - 120 };
    const value = L.fit(full, o, 6 * L.height('x', o));
    L.text(label, { size: 9, color: COLOR.muted, x: PAGE.left, y, width: 120 });
    L.text(value, { ...o, x: PAGE.left + 120, y: y - 3 });
    y += Math.max(28, L.height(value, o) + 12);
  };
  row(t('preparedFor'), r.company.name, 18);
  // A forecast (--as-of) says so on the cover: the evidence's own date, then the date it is projected to.
  const forecast = r.comparison?.kind === 'as-of' ? r.comparison.diff : null;
  row(t('date'), forecast ? forecast.base.label : r.assessmentDate);
  if (forecast) row(t('projection'), t('projectionValue', { date: forecast.head.label }), 12);
  if (r.assessor) row(t('assessor'), r.assessor);
  row(t('reportNumber'), `${d.number} · ${t('reportVersion')} ${d.version} · ${d.final ? t('statusFinal') : t('draftMark')}`, 10);
  row(
    t('rubric'),
    r.rubric.origin === 'bundled'
      ? t('rubricBundled', { standard: r.rubric.standard })
      : t('rubricCustom', { standard: r.rubric.standard, version: r.rubric.version }),
    10,
  );

  // Score and level panel.
  y += 20;
  doc.rect(PAGE.left, y, CONTENT_WIDTH, 120).lineWidth(1).strokeColor(COLOR.rule).stroke();
  L.text(t('finalScore'), { size: 10, color: COLOR.muted, x: PAGE.left + 20, y: y + 16, width: 200 });
  L.text(r.score.final.toFixed(1), { size: 44, bold: true, color: COLOR.brand, x: PAGE.left + 20, y: y + 34, width: 200 });
  L.text('/ 100', { size: 12, color: COLOR.muted, x: PAGE.left + 150, y: y + 70, width: 60 });
  L.text(t('level'), { size: 10, color: COLOR.muted, x: PAGE.left + 260, y: y + 16, width: 200 });
  const levelColor = r.level.id === 'fail' ? COLOR.bad : COLOR.brand;
  L.text(r.level.name[lang], { size: 26, bold: true, color: levelColor, x: PAGE.left + 260, y: y + 36, width: 220 });
  if (r.level.stars > 0) {
    for (let i = 0; i < 5; i++) L.star(PAGE.left + 272 + i * 26, y + 92, 10, i < r.level.stars, COLOR.brand);
  }

  // The statement that this is not a certification decision, set apart.
  const box = PAGE.height - 170;
  doc.rect(PAGE.left, box, CONTENT_WIDTH, 70).fill(COLOR.zebra);
  L.text(t('disclaimer'), { size: 9.5, color: COLOR.ink, x: PAGE.left + 14, y: box + 14, width: CONTENT_WIDTH - 28 });
}

function summary(L: Layout, r: Report, reading: Reading, t: T, n: T): void {
  const lang = r.lang;
  L.heading(n('summaryChapter'));
  const nextText = reading.nextLevelLine;
  L.table(
    [
      { header: t('finalScore'), width: 110 },
      { header: t('level'), width: 120 },
      { header: t('nextLevelTitle'), width: CONTENT_WIDTH - 230 },
    ],
    [
      [
        { text: `${score(r.score.final)} / 100`, bold: true },
        { text: r.level.name[lang] + (r.level.stars ? inParens(`${r.level.stars}★`, lang) : ''), bold: true },
        { text: nextText },
      ],
    ],
    { size: 10 },
  );
  // How the final score is made, term by term (wrapped between terms, never inside one).
  L.text(reading.arithmetic.join('  '), { size: 9, color: COLOR.ink });
  const c = r.counts;
  L.text(t('counts', { met: c.met, partial: c.partial, notMet: c['not-met'], notAssessed: c['not-assessed'], na: c['not-applicable'] }), {
    size: 9,
    color: COLOR.muted,
  });
  const deductions = specialDeductions(r).map((d) => `${d.clause} ${d.reason}`);
  const bonus = bonusLines(r, lang);
  L.text(`${t('deductionsLine')}${inParens(deductions.length, lang)}${COLON[lang]}${deductions.length ? deductions.join('；') : t('none')}`, {
    size: 9,
    color: deductions.length ? COLOR.bad : COLOR.muted,
  });
  L.text(`${t('bonusLine')}${COLON[lang]}${bonus.length ? bonus.join('；') : t('none')}`, { size: 9, color: COLOR.muted });
  decision(L, r, reading, t);
  L.space(8);

  L.heading(t('sectionsChart'), 2);
  sectionChart(L, r, t);
  L.space(4);

  if (r.comparison) {
    const d = r.comparison.diff;
    L.heading(`${t('comparison')}${COLON[lang]}${sidesLabel(d, lang)}`, 2);
    L.text(`${d.base.final} → ${d.head.final} (${d.scoreDelta > 0 ? '+' : ''}${d.scoreDelta}), ${d.base.levelName[lang]} → ${d.head.levelName[lang]}`, {
      size: 10,
      bold: true,
    });
    for (const ch of d.criteria.slice(0, 8)) {
      L.text(
        `${signedPoints(ch.delta)}  ${ch.id} ${ch.title[lang]} — ${ch.causes.map((x) => CAUSE_LABELS[x][lang]).join(', ')}${ch.refs.length ? ': ' + ch.refs.join(', ') : ''}`,
        { size: 9 },
      );
    }
    L.space(8);
  }

  L.heading(t('topActions'), 2);
  if (reading.actions.length === 0) L.text(t('noGaps'));
  // Numbered as the action plan numbers them: "!" for a special deduction, the gap's rank otherwise.
  // The summary is one page: when the five actions would run over, each is set tighter (reason and action
  // in one smaller paragraph) rather than pushed onto the next page.
  const blocks = (compact: boolean) =>
    reading.summaryActions.map((a) => {
      const head = { text: `${a.kind === 'gap' ? `${a.rank}.` : '!'} ${a.label}   +${score(a.recoverable)}`, size: compact ? 9.5 : 10.5 };
      const reason = a.reasons.join('；');
      const act = `${t('action')}${COLON[lang]}${a.action}`;
      const body = compact
        ? [{ text: reason ? `${reason}${ui('clauseSep', lang)}${act}` : act, size: 8.5 }]
        : [...(reason ? [{ text: reason, size: 8.5 }] : []), { text: act, size: 9 }];
      return { a, head, body, height: [head, ...body].reduce((h, x) => h + L.height(x.text, { size: x.size, bold: x === head }), 0) + (compact ? 2 : 4) };
    });
  const normal = blocks(false);
  const fitsNormal = L.y + normal.reduce((h, b) => h + b.height, 0) <= L.bottom;
  for (const b of fitsNormal ? normal : blocks(true)) {
    L.ensure(b.height);
    L.text(b.head.text, { size: b.head.size, bold: true, ...(b.a.kind === 'deduction' ? { color: COLOR.bad } : {}) });
    for (const [i, x] of b.body.entries()) L.text(x.text, { size: x.size, ...(i === 0 && b.body.length > 1 ? { color: COLOR.muted } : {}) });
    L.space(fitsNormal ? 4 : 2);
  }
}

/**
 * The decision lines of the summary page: what reaches the next level and the score it gives, evidence that
 * expires before the audit, and claims the data contradicts.
 */
function decision(L: Layout, r: Report, reading: Reading, t: T): void {
  if (reading.reachNext) {
    L.text(reading.reachNext, {
      size: 9.5,
      bold: true,
      color: COLOR.brand,
    });
  }
  for (const line of reading.decisionLines) L.text(line, { size: 9, color: COLOR.ink });
  for (const c of reading.caveats) L.text(`※ ${c}`, { size: 8.5, color: COLOR.ink });
  const expiring = expiringEvidence(r).map((x) => t('expiringItem', x));
  if (expiring.length > 0) L.text(t('expiringLine', { list: expiring.join(ui('clauseSep', r.lang)) }), { size: 9, color: COLOR.bad });
  const disagree = disagreements(r, r.lang).map((d) => (d.id ? t('disagreeItem', { id: d.id, title: d.title ?? '', text: d.text }) : d.text));
  if (disagree.length > 0) {
    L.text(t('disagreeLine', { n: disagree.length }), { size: 9, color: COLOR.bad, bold: true });
    for (const d of disagree) L.text(`• ${d}`, { size: 8.5, color: COLOR.bad });
  }
}

/** Bars whose length is each section's available points and whose fill is what was earned. */
function sectionChart(L: Layout, r: Report, t: T): void {
  const lang = r.lang;
  const labelWidth = 150;
  const maxPoints = Math.max(...r.sections.map((s) => s.points));
  const barMax = CONTENT_WIDTH - labelWidth - 90;
  for (const s of r.sections) {
    L.ensure(24);
    const y = L.y;
    L.text(`${s.id} ${s.title[lang]}`, { size: 9.5, x: PAGE.left, y: y + 1, width: labelWidth - 8 });
    const full = (s.points / maxPoints) * barMax;
    const applicable = (s.applicablePoints / maxPoints) * barMax;
    L.doc.rect(PAGE.left + labelWidth, y, full, 14).fill(COLOR.track);
    if (applicable < full) {
      // Excluded (删减) points: hatched, so they read as "not counted" rather than "lost".
      L.hatch(PAGE.left + labelWidth + applicable, y, full - applicable, 14);
    }
    L.doc.rect(PAGE.left + labelWidth, y, (s.earned / maxPoints) * barMax, 14).fill(COLOR.bar);
    L.text(`${fmt(s.earned)} / ${s.applicablePoints}`, {
      size: 9,
      bold: true,
      x: PAGE.left + labelWidth + full + 6,
      y: y + 2,
      width: 90,
    });
    L.doc.y = y + 20;
  }
  chartLegend(
    L,
    t,
    r.sections.some((s) => s.applicablePoints < s.points),
  );
  L.doc.x = PAGE.left;
}

/** What the bar parts mean; the hatched part only when some points are excluded. */
function chartLegend(L: Layout, t: T, excluded: boolean): void {
  const y = L.y;
  let x = PAGE.left + 150;
  const swatch = (label: string, draw: (x: number) => void) => {
    draw(x);
    L.text(label, { size: 8, color: COLOR.muted, x: x + 14, y: y - 1, width: 200 });
    x += 14 + L.doc.font('regular').fontSize(8).widthOfString(label) + 16;
  };
  swatch(t('legendEarned'), (at) => L.doc.rect(at, y, 10, 8).fill(COLOR.bar));
  swatch(t('legendLost'), (at) => L.doc.rect(at, y, 10, 8).fill(COLOR.track));
  if (excluded)
    swatch(t('legendExcluded'), (at) => {
      L.doc.rect(at, y, 10, 8).fill(COLOR.track);
      L.hatch(at, y, 10, 8);
    });
  L.doc.y = y + 16;
}

function overview(L: Layout, reading: Reading, t: T, n: T): void {
  const chapter = n('overview');
  L.heading(chapter);
  // The standard's points, then what was excluded of them, then what was earned of the rest: a clause that
  // does not apply reads "4 / 删减 4 / —", never "0".
  const rows: Cell[][] = reading.overview.map((o) => {
    const bold = o.kind === 'section';
    return [
      { text: o.id, bold },
      { text: o.title, bold },
      { text: String(o.points), bold },
      { text: o.excluded > 0 ? String(o.excluded) : '', bold },
      { text: o.earned === null ? '—' : fmt(o.earned), bold },
      { text: pct(o.ratio), bold, ...(o.kind === 'clause' ? { color: o.ratio !== null && o.ratio < 0.7 ? COLOR.bad : COLOR.ink } : {}) },
      { text: '', bar: o.ratio ?? 0 },
    ];
  });
  L.table(
    [
      { header: t('clause'), width: 46 },
      { header: t('name'), width: 150 },
      { header: t('points'), width: 48, align: 'right' },
      { header: t('excludedCol'), width: 52, align: 'right' },
      { header: t('earned'), width: 48, align: 'right' },
      { header: t('percent'), width: 50, align: 'right' },
      { header: '', width: CONTENT_WIDTH - 394 },
    ],
    rows,
    { size: 9, runningTitle: chapter, continued: t('continued') },
  );
}

function detail(L: Layout, r: Report, reading: Reading, t: T, n: T): void {
  const lang = r.lang;
  L.heading(n('detail'));
  for (const s of r.sections) {
    for (const cl of s.clauses) {
      L.table(
        [
          { header: t('criterion'), width: 130 },
          { header: t('outcome'), width: 62 },
          { header: t('earned'), width: 50, align: 'right' },
          { header: t('notes'), width: CONTENT_WIDTH - 242 },
        ],
        cl.criteria.map((c) => [
          { text: `${c.id}\n${c.title[lang]}` },
          { text: OUTCOME_LABELS[c.outcome][lang], color: outcomeColor(c), bold: true },
          { text: c.applicable ? `${fmt(c.earned)} / ${c.points}` : '—' },
          { text: criterionNotes(c, reading, t) },
        ]),
        {
          size: 8.5,
          title: `${cl.id} ${cl.title[lang]} — ${fmt(cl.earned)} / ${cl.applicablePoints}${cl.applicablePoints !== cl.points ? t('excludedNote', { points: cl.points - cl.applicablePoints }) : ''}`,
          continued: t('continued'),
        },
      );
      // A special deduction under this clause is shown with it: "符合 4/4" must not hide a 三包 violation.
      const here = deductionsUnder(r, cl.id);
      for (const d of here)
        L.text(`! ${t('deductionRow', { clause: d.clause })}${COLON[lang]}${d.reason}${inParens(`−${r.method.specialDeductionPoints}`, lang)}`, {
          size: 8.5,
          color: COLOR.bad,
          bold: true,
        });
      if (here.length > 0) L.space(6);
    }
  }
}

function criterionNotes(c: CriterionResult, reading: Reading, t: T): string {
  const lang = reading.lang;
  const lines: string[] = [];
  if (c.note) lines.push(`${t('remark')}${COLON[lang]}${c.note}`);
  for (const f of shownFindings(c)) lines.push(`• ${findingMessage(f, lang)}`);
  for (const note of reading.notesFor.get(c.id) ?? []) lines.push(`• ${note}`);
  if (c.evidence.length === 0 && c.outcome !== 'not-applicable') lines.push(`${t('evidence')}${COLON[lang]}${t('noEvidence')}`);
  for (const e of c.evidence) lines.push(`${t('evidence')}${COLON[lang]}${evidenceLine(e, lang)}`);
  if (c.applicable && c.earned < c.points) lines.push(`${t('action')}${COLON[lang]}${reading.actionFor.get(c.id) ?? c.action[lang]}`);
  return lines.join('\n');
}

function evidenceLine(e: EvidenceResult, lang: Lang): string {
  const dates = [e.date ? e.date : null, e.expires ? `→ ${e.expires}` : null].filter(Boolean).join(' ');
  return `${e.title ? e.title + ' — ' : ''}${e.ref}${dates ? ` (${dates})` : ''} [${EVIDENCE_STATE[e.state][lang]}]`;
}

function actionPlan(L: Layout, reading: Reading, t: T, n: T): void {
  const lang = reading.lang;
  const chapter = n('plan');
  L.heading(chapter);
  if (reading.actions.length === 0) {
    L.text(t('noGaps'));
    L.space(12);
    return;
  }
  const rows = reading.actions.map((a) =>
    a.kind === 'deduction'
      ? [
          { text: '!' },
          { text: `${a.label}\n[${FIX_TAGS.practice[lang]}]`, bold: true },
          { text: `+${score(a.recoverable)}`, bold: true },
          { text: a.afterText },
          { text: a.reasons.join('\n') },
          { text: a.action },
        ]
      : [
          { text: String(a.rank) },
          { text: `${a.label}\n[${FIX_TAGS[a.gap.fix][lang]}]` },
          { text: `+${score(a.recoverable)}`, bold: true },
          { text: a.afterText },
          { text: a.reasons.join('\n') },
          { text: [a.action, a.expects, a.ownerDue].filter((x) => x !== null).join('\n') },
        ],
  );
  L.table(
    [
      { header: '#', width: 20, align: 'right' },
      { header: t('criterion'), width: 108 },
      { header: t('recoverableCol'), width: 46, align: 'right' },
      { header: t('runningCol'), width: 46, align: 'right' },
      { header: t('reason'), width: 120 },
      { header: t('action'), width: CONTENT_WIDTH - 340 },
    ],
    rows,
    { size: 8.5, runningTitle: chapter, continued: t('continued') },
  );
  pathTablesSection(L, reading, chapter, t);
}

/**
 * The least-effort set for each level above the current one, action by action: what a consultant reads to
 * answer "what is the least work that gets us to four stars?". Every figure and word comes from the reading.
 */
function pathTablesSection(L: Layout, reading: Reading, chapter: string, t: T): void {
  if (reading.pathTables.length === 0) return;
  const lang = reading.lang;
  L.space(10);
  L.heading(planning('tablesTitle', lang), 2);
  L.text(planning('tablesIntro', lang), { size: 8.5, color: COLOR.muted });
  L.space(4);
  for (const p of reading.pathTables) {
    // A level's heading, one step below the section's, stays with its table's header and first row.
    L.ensure(L.height(p.heading, { size: 10.5, bold: true }) + 90);
    L.text(p.heading, { size: 10.5, bold: true, color: COLOR.ink });
    L.space(2);
    if (!p.reachable) {
      L.text(`${planning('tableBlocked', lang)}${p.blockers.join(PLANNING.blockerJoin[lang])}`, { size: 9, color: COLOR.bad });
      L.space(6);
      continue;
    }
    L.table(
      [
        { header: '#', width: 20, align: 'right' },
        { header: t('criterion'), width: CONTENT_WIDTH - 336 },
        { header: planning('colRecovered', lang), width: 56, align: 'right' },
        { header: planning('colEffort', lang), width: 82, align: 'right' },
        { header: planning('colSource', lang), width: 108 },
        { header: planning('colAfter', lang), width: 70, align: 'right' },
      ],
      p.rows.map((row, i) => [
        { text: String(i + 1) },
        { text: `${row.criterion} ${row.title}` },
        { text: `+${score(row.recoverable)}` },
        { text: String(row.days) },
        { text: row.source, color: COLOR.muted },
        { text: row.afterText, bold: i === p.rows.length - 1 },
      ]),
      { size: 8.5, runningTitle: chapter, continued: t('continued') },
    );
    if (p.total) L.text(p.total, { size: 9, bold: true, color: COLOR.brand });
    L.space(8);
  }
}

function evidenceIndexChapter(L: Layout, r: Report, t: T, n: T): void {
  const lang = r.lang;
  const chapter = n('evidenceIndex');
  L.heading(chapter);
  const index = evidenceIndex(r);
  if (index.length === 0) {
    L.text(t('noItems'));
    L.space(12);
    return;
  }
  L.table(
    [
      { header: t('evidence'), width: 170 },
      { header: t('itemDate'), width: 60 },
      { header: t('expires'), width: 60 },
      { header: t('status'), width: 62 },
      { header: t('reviewedCol'), width: 52 },
      { header: t('citedBy'), width: CONTENT_WIDTH - 404 },
    ],
    index.map(({ e, by }) => [
      { text: `${e.title ? e.title + '\n' : ''}${e.ref}`, ...(e.kind === 'url' ? { link: e.ref } : {}) },
      { text: e.date ?? '—' },
      { text: e.expires ?? '—' },
      { text: EVIDENCE_STATE[e.state][lang], color: e.counts ? COLOR.good : COLOR.bad, bold: !e.counts },
      { text: e.reviewed ? t('reviewedYes') : t('reviewedNo'), color: e.reviewed ? COLOR.good : COLOR.muted },
      { text: by.join(ui('listSep', lang)) },
    ]),
    { size: 8, runningTitle: chapter, continued: t('continued') },
  );
  L.text(t('reviewedLegend'), { size: 8, color: COLOR.muted });
}

function method(L: Layout, r: Report, t: T, n: T): void {
  const lang = r.lang;
  const m = r.method;
  L.heading(n('method'));
  methodRules(m, lang).forEach((rule, i) => {
    L.text(`${i + 1}. ${rule}`, { size: 9.5 });
    L.space(3);
  });
  L.space(8);
  L.heading(t('levels'), 2);
  L.table(
    [
      { header: t('level'), width: 160 },
      { header: t('minScore'), width: 100, align: 'right' },
      { header: '', width: CONTENT_WIDTH - 260 },
    ],
    m.levels.map((l) => [
      { text: l.name[lang] },
      { text: l.id === 'fail' ? `< ${m.levels[1]?.minScore ?? ''}` : `≥ ${l.minScore}` },
      { text: l.stars ? '★'.repeat(l.stars) : '' },
    ]),
    { size: 9 },
  );
  if (m.dataRules.length > 0) {
    L.heading(t('dataRules'), 2);
    L.table(
      [
        { header: t('criterionCol'), width: 55 },
        { header: t('metric'), width: 200 },
        { header: t('ruleCol'), width: CONTENT_WIDTH - 255 },
      ],
      m.dataRules.map((d) => [{ text: d.criterion }, { text: metricLabel(d.metric, lang) }, { text: dataRuleText(d, lang) }]),
      { size: 8.5 },
    );
  }
  L.heading(t('provenance'), 2);
  L.table(
    [
      { header: t('clause'), width: 50 },
      { header: t('points'), width: 45, align: 'right' },
      { header: t('source'), width: 170 },
      { header: t('confidence'), width: 55 },
      { header: t('note'), width: CONTENT_WIDTH - 320 },
    ],
    m.provenance.map((p) => [
      { text: p.id, bold: !p.id.includes('.', p.id.indexOf('.') + 1) },
      { text: String(p.points) },
      { text: sourceLabel(m.sources[p.source], p.source, lang) },
      { text: CONFIDENCE[p.confidence][lang] },
      { text: noteText(p.note, lang) },
    ]),
    { size: 8, runningTitle: t('provenance'), continued: t('continued') },
  );
  L.text(t('confidenceLegend'), { size: 8, color: COLOR.muted });
}

function dataAnalysis(L: Layout, r: Report, t: T, n: T): void {
  const lang = r.lang;
  const chapter = n('dataAnalysis');
  L.heading(chapter);
  // The metrics the score used, by dataset, in words (the files and their digests are in the colophon).
  L.heading(t('dataMetrics'), 2);
  L.table(
    [
      { header: t('source'), width: 170 },
      { header: t('metric'), width: 200 },
      { header: t('value'), width: CONTENT_WIDTH - 370, align: 'right' },
    ],
    r.datasets.flatMap((d) =>
      Object.entries(d.metrics).map(([id, m]) => [
        { text: t('datasetRows', { title: t(d.digest.kind === 'survey' ? 'surveyTitle' : 'recordsTitle'), valid: d.valid, rows: d.rows }) },
        { text: metricLabel(id, lang) },
        { text: `${pct(m.value)}${inParens(`${t('sampleCol')} ${m.n}`, lang)}`, bold: true },
      ]),
    ),
    { size: 8.5, runningTitle: chapter, continued: t('continued') },
  );
  L.space(8);
  for (const d of r.datasets) {
    const g = d.digest;
    if (g.kind === 'survey') {
      L.heading(`${t('surveyTitle')}${g.period ? inParens(`${g.period.from} – ${g.period.to}`, lang) : ''}`, 2);
      L.text(t('responses', { n: d.valid, bad: d.invalid }), { size: 9, color: COLOR.muted });
      L.space(4);
      const rate = (id: string) => d.metrics[id as keyof typeof d.metrics]?.value ?? null;
      L.table(
        [
          { header: t('metric'), width: 260 },
          { header: t('value'), width: CONTENT_WIDTH - 260, align: 'right' },
        ],
        [
          ...Object.entries(g.means).flatMap(([dim, mean]) =>
            mean === null ? [] : [[{ text: DIMENSION_LABELS[dim as keyof typeof DIMENSION_LABELS]?.[lang] ?? dim }, { text: mean.toFixed(2) }]],
          ),
          [
            { text: metricLabel('survey.satisfactionRate', lang), bold: true },
            { text: pct(rate('survey.satisfactionRate')), bold: true },
          ],
          [{ text: metricLabel('survey.resolutionRate', lang) }, { text: pct(rate('survey.resolutionRate')) }],
          [{ text: metricLabel('survey.recommendRate', lang) }, { text: pct(rate('survey.recommendRate')) }],
        ],
        { size: 8.5 },
      );
      if (g.themeClasses?.length) {
        L.table(
          [
            { header: ds('themeClass', lang), width: 200 },
            { header: t('mentions'), width: 60, align: 'right' },
            { header: t('shareCol'), width: 60, align: 'right' },
          ],
          g.themeClasses.map((c) => [{ text: c.label[lang], bold: true }, { text: String(c.mentions) }, { text: pct(c.share) }]),
          { size: 8.5 },
        );
      }
      if (g.themes.length) {
        L.table(
          [
            { header: t('themeCol'), width: 200 },
            { header: t('mentions'), width: 60, align: 'right' },
            { header: t('shareCol'), width: 60, align: 'right' },
            { header: t('note'), width: CONTENT_WIDTH - 320 },
          ],
          g.themes.map((th) => [
            { text: th.label[lang] },
            { text: String(th.mentions) },
            { text: pct(th.share) },
            { text: th.common ? t('commonProblem', { share: pct(g.rules.commonThemeShare) }) : '', color: COLOR.bad, bold: th.common },
          ]),
          { size: 8.5 },
        );
      }
      if (g.groups.length) {
        L.table(
          [
            { header: t('group'), width: 200 },
            { header: t('sampleCol'), width: 50, align: 'right' },
            { header: metricLabel('survey.satisfactionRate', lang), width: 120, align: 'right' },
            { header: t('note'), width: CONTENT_WIDTH - 370 },
          ],
          g.groups.map((x) => [
            { text: `${GROUPING_LABELS[x.grouping][lang]} · ${x.group}` },
            { text: String(x.responses) },
            { text: pct(x.satisfactionRate) },
            {
              text: x.belowMean
                ? `${t('belowMean', { short: pct(x.shortfall), share: pct(g.rules.groupShortfall) })}${x.tooFew ? ` · ${ds('smallSample', lang, { n: x.responses })}` : ''}`
                : x.tooFew
                  ? ds('tooFew', lang)
                  : '',
              color: x.belowMean ? COLOR.bad : COLOR.muted,
            },
          ]),
          { size: 8.5 },
        );
      }
    } else {
      L.heading(t('recordsTitle'), 2);
      L.text(t('tickets', { n: d.valid, bad: d.invalid, asOf: g.asOf }), { size: 9, color: COLOR.muted });
      L.space(4);
      L.table(
        [
          { header: t('typeCol'), width: 95 },
          { header: t('sampleCol'), width: 45, align: 'right' },
          { header: t('responseCol'), width: 95, align: 'right' },
          { header: t('commitmentCol'), width: 70, align: 'right' },
          { header: t('benchmarkCol'), width: 70, align: 'right' },
          { header: t('ftfCol'), width: 55, align: 'right' },
          { header: t('overdueCol'), width: CONTENT_WIDTH - 430, align: 'right' },
        ],
        g.types.map((x) => [
          { text: RECORD_TYPE_LABELS[x.type as keyof typeof RECORD_TYPE_LABELS]?.[lang] ?? x.type },
          { text: String(x.count) },
          { text: `${hours(x.responseMedianHours)} / ${hours(x.responseP90Hours)}` },
          { text: pct(x.withinCommitment) },
          { text: pct(x.withinBenchmark) },
          { text: pct(x.firstTimeFix) },
          { text: String(x.overdueOpen), color: x.overdueOpen ? COLOR.bad : COLOR.ink },
        ]),
        { size: 8.5 },
      );
      for (const [key, col, list] of [
        ['byModel', 'modelCol', g.repairs?.byModel],
        ['byFaultClass', 'faultCol', g.repairs?.byFaultClass],
      ] as const) {
        if (!list?.length || !g.repairs) continue;
        L.space(6);
        L.text(ds(key, lang, { ratio: g.repairs.rule.flagRatio, min: g.repairs.rule.flagMin }), { size: 9, bold: true });
        L.table(
          [
            { header: ds(col, lang), width: 130 },
            { header: ds('repairsCol', lang), width: 55, align: 'right' },
            { header: ds('repeatShort', lang), width: 60, align: 'right' },
            { header: ds('resolutionShort', lang), width: 95, align: 'right' },
            { header: t('note'), width: CONTENT_WIDTH - 340 },
          ],
          list.map((x) => [
            { text: x.group, bold: x.farAboveMean },
            { text: String(x.repairs) },
            { text: pct(x.repeatRate) },
            { text: hours(x.resolutionMedianHours) },
            { text: x.farAboveMean ? ds('farAboveMean', lang, { ratio: x.countToMean.toFixed(1) }) : '', color: COLOR.bad, bold: x.farAboveMean },
          ]),
          { size: 8.5 },
        );
      }
      const f = g.followUp;
      if (f) {
        L.space(6);
        L.text(ds('followUp', lang, { on: ds(f.joinedOn === 'id' ? 'followUpOnId' : 'followUpOnOrder', lang) }), { size: 9, bold: true });
        for (const line of followUpLines(f, lang)) L.text(line, { size: 9 });
      }
      if (g.industryKpis) industryKpiTable(L, g.industryKpis, lang);
    }
  }
}

/** The industry profile's KPIs from the records: result, breakdown or what is missing, source (wording from messages). */
function industryKpiTable(L: Layout, k: IndustryKpis, lang: Lang): void {
  L.space(6);
  L.ensure(L.height(kpiText('title', lang, { name: k.name[lang] }), { size: 10.5, bold: true }) + 90);
  L.text(kpiText('title', lang, { name: k.name[lang] }), { size: 10.5, bold: true, color: COLOR.ink });
  L.text(kpiText('intro', lang), { size: 8.5, color: COLOR.muted });
  L.space(2);
  L.table(
    [
      { header: kpiText('colKpi', lang), width: 120 },
      { header: kpiText('colValue', lang), width: 80, align: 'right' },
      { header: kpiText('colDetail', lang), width: CONTENT_WIDTH - 300 },
      { header: kpiText('colSource', lang), width: 100 },
    ],
    kpiRows(k, lang).map((r) => [
      { text: r.title, bold: true },
      { text: r.value, ...(r.measured ? {} : { color: COLOR.muted }) },
      { text: r.detail, ...(r.measured ? {} : { color: COLOR.bad }) },
      { text: r.source, color: COLOR.muted },
    ]),
    { size: 8.5 },
  );
}

function runningHeadAndFoot(L: Layout, r: Report, d: ReportDocument, t: T, pages: number): void {
  const { doc } = L;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    if (!d.final) draftMark(L, r.lang, t('draftMark'));
    // Text near the bottom margin would make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0, top: 0 };
    // A long company name wraps inside its share of the line, growing upwards in the header and
    // downwards in the footer, never into the title or the page number.
    const place = (left: string, right: string, y: number, up: boolean) => {
      const rightWidth = Math.min(CONTENT_WIDTH * 0.5, L.doc.font('regular').fontSize(8).widthOfString(right) + 2);
      const leftWidth = CONTENT_WIDTH - rightWidth - 16;
      // Two lines at most; a longer name ends in an ellipsis, so the reader sees it was cut.
      const fitted = L.fit(left, { size: 8, width: leftWidth }, 2 * L.height('x', { size: 8 }));
      const lines = L.lines(fitted, { size: 8, width: leftWidth }).slice(0, 2);
      const text = lines.join('\n');
      const top = up ? y - L.height(text, { size: 8, width: leftWidth }) + L.height('x', { size: 8 }) : y;
      L.text(text, { size: 8, color: COLOR.muted, x: PAGE.left, y: top, width: leftWidth });
      L.text(right, { size: 8, color: COLOR.muted, x: PAGE.left + CONTENT_WIDTH - rightWidth, y, width: rightWidth, align: 'right' });
    };
    if (i > 0) {
      place(r.company.name, `${t('docTitle')} · ${r.assessmentDate}`, 32, true);
      doc
        .moveTo(PAGE.left, 46)
        .lineTo(PAGE.left + CONTENT_WIDTH, 46)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    doc
      .moveTo(PAGE.left, PAGE.height - 44)
      .lineTo(PAGE.left + CONTENT_WIDTH, PAGE.height - 44)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    const numbered = t('footerNumber', { number: d.number, version: d.version }) + (d.final ? '' : ` · ${t('footerDraft')}`);
    place(d.brand ? `${d.brand.firm[r.lang]} · ${numbered}` : numbered, t('page', { n: i + 1, total: pages }), PAGE.height - 38, false);
    doc.page.margins = margins;
  }
}

function outcomeColor(c: CriterionResult): string {
  return c.outcome === 'met' || c.outcome === 'not-applicable' ? COLOR.good : c.outcome === 'partial' ? COLOR.warn : COLOR.bad;
}
/**
 * One precision per kind of figure on every page: scores and points to one decimal ("19.5 / 25", "+5.3",
 * "81.4"), the rubric's available points as the rubric gives them, percentages to one decimal (percent()).
 */
const fmt = points;
const score = fmt;
function pct(r: number | null): string {
  return percent(r);
}
