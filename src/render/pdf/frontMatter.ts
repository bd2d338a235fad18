import { COLON } from '../../messages/ui.js';
import type { Lang } from '../../model/localized.js';
import type { ReportDocument } from '../../model/document.js';
import type { Report } from '../../model/report.js';
import { COLOR, CONTENT_WIDTH, PAGE, type Layout } from './layout.js';
import type { T } from './labels.js';

/**
 * The page after the cover, drawn once every chapter is laid out (its page numbers are known only then):
 * document control (number, version, status, who prepared it), the table of contents and the sign-off block.
 */
export function contentsPage(L: Layout, page: number, r: Report, d: ReportDocument, t: T): void {
  const { doc } = L;
  const lang = r.lang;
  doc.switchToPage(page);
  doc.x = PAGE.left;
  doc.y = PAGE.top;

  L.heading(t('documentControl'), 2);
  L.table(
    [
      { header: t('field'), width: 130 },
      { header: t('fieldValue'), width: CONTENT_WIDTH - 130 },
    ],
    [
      [{ text: t('reportNumber') }, { text: d.number, bold: true }],
      [{ text: t('reportVersion') }, { text: d.version }],
      [{ text: t('reportStatus') }, { text: d.final ? t('statusFinal') : t('statusDraft'), bold: !d.final, ...(d.final ? {} : { color: COLOR.bad }) }],
      [{ text: t('preparedFor') }, { text: r.company.name }],
      [{ text: t('date') }, { text: r.assessmentDate }],
      ...(d.brand ? [[{ text: t('preparedBy') }, { text: d.brand.firm[lang] }]] : []),
      ...(d.brand?.consultant ? [[{ text: t('consultant') }, { text: d.brand.consultant }]] : []),
      ...(d.brand?.contact ? [[{ text: t('contact') }, { text: d.brand.contact }]] : []),
      ...(r.assessor ? [[{ text: t('assessor') }, { text: r.assessor }]] : []),
    ],
    { size: 9 },
  );
  L.space(10);

  L.heading(t('contents'), 2);
  for (const o of L.outline.filter((x) => x.level === 1 && x.page !== page)) {
    const y = L.y;
    const number = String(o.page + 1);
    L.text(o.title, { size: 10.5, x: PAGE.left, y, width: CONTENT_WIDTH - 60 });
    const after = L.y;
    L.text(number, { size: 10.5, x: PAGE.left + CONTENT_WIDTH - 40, y, width: 40, align: 'right' });
    // Dot leaders from the title's end to the page number, on the title's first line.
    doc.font('regular').fontSize(10.5);
    const titleEnd = PAGE.left + Math.min(doc.widthOfString(L.lines(o.title, { size: 10.5, width: CONTENT_WIDTH - 60 })[0] ?? ''), CONTENT_WIDTH - 60);
    const numberStart = PAGE.left + CONTENT_WIDTH - doc.widthOfString(number) - 6;
    for (let x = titleEnd + 8; x < numberStart; x += 5) doc.circle(x, y + 9, 0.45).fill(COLOR.muted);
    doc.y = after + 4;
  }
  L.space(14);

  L.heading(t('signOff'), 2);
  if (!d.final) L.text(t('draftNote'), { size: 9, color: COLOR.bad });
  L.space(4);
  // Blank cells to sign on paper: wide enough for a signature, tall enough for a seal's edge.
  L.table(
    [
      { header: t('role'), width: 90 },
      { header: t('signName'), width: 150 },
      { header: t('signature'), width: CONTENT_WIDTH - 340 },
      { header: t('signDate'), width: 100 },
    ],
    [
      [{ text: t('rolePrepared') }, { text: d.brand?.consultant ?? '' }, { text: '\n\n' }, { text: '' }],
      [{ text: t('roleReviewed') }, { text: '' }, { text: '\n\n' }, { text: '' }],
      [{ text: t('roleApproved') }, { text: '' }, { text: '\n\n' }, { text: '' }],
    ],
    { size: 9 },
  );
  L.text(`${t('signOffNote')}`, { size: 8.5, color: COLOR.muted });
}

/**
 * "草稿" across every page until --final: a draft handed on by mistake says what it is. Drawn as the glyphs'
 * outlines, not as text, so that copying or extracting the page's text does not pick it up.
 */
export function draftMark(L: Layout, lang: Lang, label: string): void {
  const { doc } = L;
  doc.font('bold');
  const font = (doc as unknown as { _font?: { font?: OutlineFont } })._font?.font;
  if (!font?.layout) return;
  const size = lang === 'zh-CN' ? 120 : 100;
  const scale = size / font.unitsPerEm;
  const run = font.layout(label);
  const width = run.glyphs.reduce((w, g) => w + g.advanceWidth, 0) * scale;
  L.drawn.push(label);
  doc.save();
  doc.fillOpacity(0.06).fillColor('#000000');
  doc.rotate(-32, { origin: [PAGE.width / 2, PAGE.height / 2] });
  let x = PAGE.width / 2 - width / 2;
  const baseline = PAGE.height / 2 + size * 0.35;
  for (const g of run.glyphs) {
    doc.save();
    doc.translate(x, baseline).scale(scale, -scale);
    doc.path(g.path.toSVG()).fill();
    doc.restore();
    x += g.advanceWidth * scale;
  }
  doc.restore();
}

interface OutlineFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: Array<{ advanceWidth: number; path: { toSVG(): string } }> };
}

/** "报告编号：AS-…" and the like: one field, labelled as the rest of the report labels. */
export function field(label: string, value: string, lang: Lang): string {
  return `${label}${COLON[lang]}${value}`;
}
