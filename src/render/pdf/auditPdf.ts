import type { AuditPlan } from '../../model/auditPlan.js';
import type { Lang } from '../../model/localized.js';
import { readAuditPlan } from '../auditReading.js';
import { uncovered } from './fonts.js';
import { COLOR, CONTENT_WIDTH, type Cell, clipText, Layout, PAGE } from './layout.js';
import { startPdf } from './pdfFile.js';
import type { PdfFonts, PdfResult } from './renderPdf.js';

/**
 * `audit-plan --format pdf`: the checklist on A4, laid out from the one reading of the plan with the report
 * PDF's Layout, fonts and line breaking: per criterion its facts and notes, then a table of the drawn items
 * with empty checked / conforming boxes and the totals line.
 */
export async function renderAuditPdf(plan: AuditPlan, lang: Lang, file: string, fonts: PdfFonts, creationDate: Date): Promise<PdfResult> {
  const r = readAuditPlan(plan, lang, file);
  const sep = lang === 'en' ? ': ' : '：';
  const { doc, finish } = await startPdf(
    lang,
    {
      Title: clipText(`${r.title} — ${plan.company}`),
      Author: plan.tool.name,
      Subject: `${plan.rubric.id} ${plan.assessmentDate}`,
      Keywords: 'GB/T 27922, after-sales service, mock audit, sampling',
      Creator: `${plan.tool.name} ${plan.tool.version}`,
      Producer: plan.tool.name,
    },
    fonts,
    creationDate,
  );
  const L = new Layout(doc);
  L.text(r.title, { size: 16, bold: true, color: COLOR.brand });
  L.space(4);
  for (const [k, v] of r.header) L.text(`${k}${sep}${v}`, { size: 9.5 });
  L.text(r.repeat, { size: 9, color: COLOR.muted });
  L.text(r.rule, { size: 9.5, bold: true });
  if (r.records) L.text(r.records, { size: 9 });
  L.space(8);
  for (const s of r.sections) {
    // A criterion's heading, facts and notes start a page with the head of its checklist, never alone at a foot.
    const facts = s.facts.map(([k, v]) => `${k}${sep}${v}`).join(' · ');
    const lead = L.height(facts, { size: 9.5 }) + s.notes.reduce((h, n) => h + L.height(n, { size: 8.5 }), 0);
    L.ensure(lead + 40 + (s.items.length > 0 ? 4 * 16 : 0));
    L.heading(s.heading, 2);
    L.text(facts, { size: 9.5 });
    for (const n of s.notes) L.text(n, { size: 8.5, color: COLOR.muted });
    L.space(3);
    if (s.items.length > 0) {
      const rows: Cell[][] = s.items.map((item, i) => [{ text: String(i + 1) }, { text: item }, { text: '□' }, { text: '□' }, { text: '' }]);
      rows.push([{ text: '' }, { text: r.columns.total, bold: true }, { text: '____' }, { text: '____' }, { text: '' }]);
      L.table(
        [
          { header: '#', width: 26, align: 'right' },
          { header: r.columns.item, width: 230 },
          { header: r.columns.checked, width: 52, align: 'center' },
          { header: r.columns.conforming, width: 52, align: 'center' },
          { header: r.columns.note, width: CONTENT_WIDTH - 360 },
        ],
        rows,
        { zebra: true, size: 8.5 },
      );
    }
    L.space(8);
  }
  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    // Text near the bottom margin would make pdfkit start a new page.
    doc.page.margins = { ...margins, bottom: 0, top: 0 };
    const left = L.fit(`${r.title} · ${plan.company}`, { size: 8, width: CONTENT_WIDTH - 110 }, L.height('x', { size: 8 }));
    L.text(left, { size: 8, color: COLOR.muted, x: PAGE.left, y: PAGE.height - 38, width: CONTENT_WIDTH - 110 });
    L.text(`${i + 1} / ${pages}`, { size: 8, color: COLOR.muted, x: PAGE.left + CONTENT_WIDTH - 100, y: PAGE.height - 38, width: 100, align: 'right' });
    doc.page.margins = margins;
  }
  const missingGlyphs = uncovered(doc, L.drawn);
  return { bytes: await finish(), missingGlyphs, pages };
}
