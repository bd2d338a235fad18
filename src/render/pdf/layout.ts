import type PDFDocument from 'pdfkit';
import { safeLines } from '../../shared/safeText.js';
import { breakLines } from '../lineBreak.js';

export type Doc = InstanceType<typeof PDFDocument>;

/** A4 in points, with room for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 70, bottom: 64 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** A palette that stays distinguishable printed in grey: dark, mid and light steps of one hue. */
export const COLOR = {
  ink: '#1b1f24',
  muted: '#5b6570',
  brand: '#1f3a5f',
  bar: '#2f5d8a',
  track: '#d5dbe3',
  rule: '#b8c0ca',
  zebra: '#f2f4f7',
  headerFill: '#1f3a5f',
  warn: '#8a4b00',
  bad: '#9b1c1c',
  good: '#1d5e3a',
} as const;

/**
 * The longest text drawn whole, in UTF-16 units: about eight pages of Chinese at 10 pt, more than any
 * report text written by hand. An evidence file may hold a 1 MiB name or note; printed whole that is
 * hundreds of pages of one cell or header, and measuring it costs seconds, so the PDF shows its start and
 * an ellipsis (JSON and the other text formats keep it whole).
 */
export const MAX_TEXT = 20_000;

/** `s`, cut to MAX_TEXT with an ellipsis (never between the halves of a surrogate pair). */
export function clipText(s: string): string {
  if (s.length <= MAX_TEXT) return s;
  const c = s.charCodeAt(MAX_TEXT - 1);
  return `${s.slice(0, c >= 0xd800 && c <= 0xdbff ? MAX_TEXT - 1 : MAX_TEXT)}…`;
}

export interface Cell {
  text: string;
  bold?: boolean;
  color?: string;
  /** Draws a bar of this ratio (0..1) under or instead of the text. */
  bar?: number;
  link?: string;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Drawing helpers that keep the cursor, wrap text, and break pages without overflowing them. */
/** The part of a fontkit font the width fast path reads. */
interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

export class Layout {
  /** Every string drawn, for the glyph-coverage check. */
  readonly drawn: string[] = [];
  /** Named destinations for the outline: [title, page index]. */
  readonly outline: Array<{ title: string; page: number; level: number }> = [];
  private pageIndex = 0;

  constructor(readonly doc: Doc) {}

  /** The index of the page being written. */
  get page(): number {
    return this.pageIndex;
  }

  get y(): number {
    return this.doc.y;
  }

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.pageIndex++;
    this.doc.x = PAGE.left;
    this.doc.y = PAGE.top;
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  text(
    raw: string,
    o: {
      size?: number;
      bold?: boolean;
      color?: string;
      width?: number;
      x?: number;
      y?: number;
      align?: 'left' | 'right' | 'center';
      gap?: number;
      link?: string;
    } = {},
  ): void {
    const { doc } = this;
    // Every string the PDF shows passes here: no control or bidi character is drawn (or reported as missing).
    const s = safeLines(raw);
    this.drawn.push(clipText(s));
    const width = o.width ?? CONTENT_WIDTH;
    const lines = this.lines(s, o);
    const step = this.lineStep(o);
    if (o.x === undefined && o.y === undefined) this.ensure(lines.length * step);
    const x0 = o.x ?? PAGE.left;
    let y = o.y ?? doc.y;
    this.face(o);
    doc.fillColor(o.color ?? COLOR.ink);
    // Each line is placed by hand: pdfkit's own wrapping would break inside paths and bracketed marks.
    for (const line of lines) {
      const x = o.align === 'right' ? x0 + width - doc.widthOfString(line) : o.align === 'center' ? x0 + (width - doc.widthOfString(line)) / 2 : x0;
      doc.text(line, x, y, { lineBreak: false, ...(o.link ? { link: o.link, underline: false } : {}) });
      y += step;
    }
    doc.x = PAGE.left;
    doc.y = y;
  }

  private face(o: { size?: number; bold?: boolean }): void {
    this.doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 10);
  }

  private lineStep(o: { size?: number; bold?: boolean; gap?: number }): number {
    this.face(o);
    return this.doc.currentLineHeight(true) + (o.gap ?? 2);
  }

  private readonly wrapped = new Map<string, string[]>();
  private readonly widths = new Map<string, number>();

  /**
   * Width in points of a piece of text in the current face. fontkit lays out the text at every call (most of
   * the PDF's time), so each piece is measured once, and a single character is its glyph's advance (what the
   * layout of one glyph gives; test/unit/pdfLayout.test.ts holds the two equal).
   */
  widthOf(face: string, t: string): number {
    const key = face + t;
    let w = this.widths.get(key);
    if (w === undefined) {
      const cp = t.codePointAt(0);
      const font = (this.doc as unknown as { _font?: { font?: FontkitFont }; _fontSize: number })._font?.font;
      w =
        cp !== undefined && t.length === (cp > 0xffff ? 2 : 1) && font?.glyphForCodePoint
          ? (font.glyphForCodePoint(cp).advanceWidth * (this.doc as unknown as { _fontSize: number })._fontSize) / font.unitsPerEm
          : this.doc.widthOfString(t);
      this.widths.set(key, w);
    }
    return w;
  }

  /** The text broken into lines by the shared rules (memoised: tables measure each cell several times). */
  lines(text: string, o: { size?: number; bold?: boolean; width?: number } = {}): string[] {
    const s = clipText(text);
    const width = o.width ?? CONTENT_WIDTH;
    const key = `${o.size ?? 10}|${o.bold ? 1 : 0}|${width}|${s}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    this.face(o);
    const face = `${o.size ?? 10}|${o.bold ? 1 : 0}|`;
    const lines = s.split('\n').flatMap((para) => breakLines(para, width, (t) => this.widthOf(face, t)));
    this.wrapped.set(key, lines);
    return lines;
  }

  /** Height of the text as `text` draws it. */
  height(s: string, o: { size?: number; bold?: boolean; width?: number; gap?: number } = {}): number {
    return this.lines(s, o).length * this.lineStep(o);
  }

  heading(s: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 16 : 12;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(this.height(s, { size, bold: true }) + 60);
    if (level === 1) this.outline.push({ title: s, page: this.pageIndex, level });
    this.text(s, { size, bold: true, color: COLOR.brand });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc
        .moveTo(PAGE.left, y)
        .lineTo(PAGE.left + CONTENT_WIDTH, y)
        .lineWidth(1)
        .strokeColor(COLOR.brand)
        .stroke();
      this.doc.y = y + 8;
    } else {
      this.doc.y += 3;
    }
  }

  space(points: number): void {
    this.doc.y += points;
  }

  /** The header's size: `size`, or smaller (to 6 pt) until its longest Latin word fits in `width`. */
  headerSize(header: string, size: number, width: number): number {
    const words = header.split(/[\s/]+/).filter((w) => /^[\p{Script=Latin}\d.'’()-]+$/u.test(w));
    let s = size;
    const widest = () => {
      this.face({ size: s, bold: true });
      return Math.max(0, ...words.map((w) => this.doc.widthOfString(w)));
    };
    while (s > 6 && widest() > width) s -= 0.5;
    return s;
  }

  /** A table whose rows wrap and break across pages, repeating the header row on each page. */
  table(columns: Column[], rows: Cell[][], o: { size?: number; zebra?: boolean; title?: string; continued?: string; runningTitle?: string } = {}): void {
    const size = o.size ?? 8.5;
    const pad = 4;
    // A header word never breaks ("Recover / able"): a header whose longest word is wider than its column is set smaller.
    const headerSizes = columns.map((c) => this.headerSize(c.header, size, c.width - 2 * pad));
    const headerHeight = Math.max(...columns.map((c, i) => this.height(c.header, { size: headerSizes[i]!, bold: true, width: c.width - 2 * pad }))) + 2 * pad;
    const drawHeader = () => {
      let x = PAGE.left;
      const y = this.doc.y;
      this.doc.rect(PAGE.left, y, CONTENT_WIDTH, headerHeight).fill(COLOR.headerFill);
      for (const [i, c] of columns.entries()) {
        this.text(c.header, {
          size: headerSizes[i]!,
          bold: true,
          color: '#ffffff',
          x: x + pad,
          y: y + pad,
          width: c.width - 2 * pad,
          align: c.align ?? 'left',
        });
        x += c.width;
      }
      this.doc.y = y + headerHeight;
    };
    // A row must fit on one page below the header; longer cell text is cut with an ellipsis.
    const titleHeight = o.title ? this.height(o.title, { size: 12, bold: true }) + 6 : 0;
    const maxText = this.bottom - PAGE.top - titleHeight - headerHeight - 2 * pad - 12;
    const fitted = rows.map((original) =>
      original.map((cell, i) =>
        cell.text ? { ...cell, text: this.fit(cell.text, { size, bold: cell.bold, width: columns[i]!.width - 2 * pad }, maxText) } : cell,
      ),
    );
    const rowHeight = (row: Cell[]) =>
      Math.max(
        ...row.map(
          (cell, i) =>
            (cell.text ? this.height(cell.text, { size, bold: cell.bold, width: columns[i]!.width - 2 * pad }) : 0) + (cell.bar !== undefined ? 8 : 0),
        ),
        size,
      ) +
      2 * pad;
    // Keep the title, the header and the first row together: no orphaned headings at a page foot.
    this.ensure(titleHeight + headerHeight + (fitted[0] ? rowHeight(fitted[0]) : 0));
    if (o.title) this.heading(o.title, 2);
    drawHeader();
    fitted.forEach((row, r) => {
      const h = rowHeight(row);
      // The last row does not go over alone: when it would not fit after this one, both move on.
      const next = fitted[r + 1];
      const lastTwo = r > 0 && r === fitted.length - 2 && next !== undefined && this.doc.y + h + rowHeight(next) > this.bottom;
      if (this.doc.y + h > this.bottom || lastTwo) {
        this.newPage();
        // A table continued on a new page says what it is: the title again, marked as continued.
        const named = o.title ?? o.runningTitle;
        if (named) {
          this.text(named + (o.continued ?? ''), { size: 10, bold: true, color: COLOR.muted });
          this.space(3);
        }
        drawHeader();
      }
      const y = this.doc.y;
      // Start below the previous row's rule so the fill does not cover it.
      if (o.zebra !== false && r % 2 === 1) this.doc.rect(PAGE.left, y + 0.5, CONTENT_WIDTH, h - 0.5).fill(COLOR.zebra);
      let x = PAGE.left;
      row.forEach((cell, i) => {
        const col = columns[i]!;
        const w = col.width - 2 * pad;
        let ty = y + pad;
        if (cell.text) {
          this.text(cell.text, {
            size,
            bold: cell.bold,
            color: cell.color,
            x: x + pad,
            y: ty,
            width: w,
            align: col.align ?? 'left',
            ...(cell.link ? { link: cell.link } : {}),
          });
          ty += this.height(cell.text, { size, bold: cell.bold, width: w }) + 2;
        }
        if (cell.bar !== undefined) this.bar(x + pad, ty + (cell.text ? 0 : (h - 2 * pad - 6) / 2), w, 6, cell.bar);
        x += col.width;
      });
      this.doc
        .moveTo(PAGE.left, y + h)
        .lineTo(PAGE.left + CONTENT_WIDTH, y + h)
        .lineWidth(0.4)
        .strokeColor(COLOR.rule)
        .stroke();
      this.doc.y = y + h;
    });
    this.doc.x = PAGE.left;
    this.space(10);
  }

  /** The text, shortened with an ellipsis until it is at most `maxHeight` tall. */
  fit(text: string, o: { size?: number; bold?: boolean; width?: number }, maxHeight: number): string {
    if (this.height(text, o) <= maxHeight) return text;
    const chars = [...clipText(text)];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.height(chars.slice(0, mid).join('') + '…', o) <= maxHeight) lo = mid;
      else hi = mid - 1;
    }
    return chars.slice(0, lo).join('') + '…';
  }

  /** A horizontal bar: a light track with the share filled dark. */
  bar(x: number, y: number, width: number, height: number, ratio: number): void {
    const r = Math.max(0, Math.min(1, ratio));
    this.doc.rect(x, y, width, height).fill(COLOR.track);
    if (r > 0) this.doc.rect(x, y, width * r, height).fill(COLOR.bar);
  }

  /** Diagonal hatching clipped to a box: excluded (删减) points, "not counted" rather than "lost". */
  hatch(x: number, y: number, width: number, height: number): void {
    this.doc.save().rect(x, y, width, height).clip();
    for (let h = x - height; h < x + width; h += 5)
      this.doc
        .moveTo(h, y + height)
        .lineTo(h + height, y)
        .lineWidth(0.6)
        .strokeColor(COLOR.rule)
        .stroke();
    this.doc.restore();
  }

  /** A five-pointed star, filled or outlined, as vector paths (no glyph needed). */
  star(cx: number, cy: number, radius: number, filled: boolean, color: string): void {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? radius : radius * 0.42;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    this.doc.polygon(...points);
    if (filled) this.doc.fillColor(color).fill();
    else this.doc.lineWidth(1).strokeColor(color).stroke();
  }
}
