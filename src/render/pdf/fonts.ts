import { readFileSync } from 'node:fs';
import type { Doc } from './layout.js';

/**
 * The font given cannot be used: damaged, not a font, or a collection (.ttc) without a face of that name.
 * `which` says which of the two fonts; `faces` lists a collection's faces, for the user to choose from.
 */
export class FontError extends Error {
  constructor(
    message: string,
    readonly which: 'regular' | 'bold',
    readonly faces?: string[],
    /** A table that lies past the end of the file: the file was cut short. */
    readonly truncatedTable?: string,
  ) {
    super(message);
  }
}

/** The part of a fontkit font (or collection) the check before use reads. */
export type FontkitCreate = (buffer: Uint8Array) => FontkitFace;
interface FontkitFace {
  postscriptName?: unknown;
  getFont?(name: string): FontkitFace | null;
  fonts?: FontkitFace[];
  stream?: { buffer: Uint8Array };
  directory?: { tables: Record<string, { offset: number; length: number }> };
  layout(text: string): { glyphs: Array<{ advanceWidth: number; path: unknown }> };
  createSubset(): { includeGlyph(glyph: unknown): number; encode(): Uint8Array };
}

/** What every report draws: a damaged font fails on these before a page is laid out, not mid-document. */
const FONT_SAMPLE = '商品售后服务认证自评报告 GB/T 27922 After-sales 0123456789 %（）：·—';

/**
 * Opens a face with fontkit, registers it and proves it usable, so that a damaged file or a collection
 * without a face is a usage error naming the font rather than an internal error deep in pdfkit (fontkit
 * parses lazily: a truncated file reads past its end only when a glyph is measured; pdfkit cannot embed a
 * whole collection).
 */
export function openFont(create: FontkitCreate, doc: Doc, name: 'regular' | 'bold', src: string | Buffer, face: string | undefined): void {
  let font: FontkitFace | null;
  let chosen = false;
  try {
    font = create(typeof src === 'string' ? readFileSync(src) : src);
  } catch (e) {
    throw new FontError((e as Error).message, name);
  }
  if (Array.isArray(font.fonts)) {
    const faces = faceNames(font.fonts);
    const at = face === undefined ? -1 : faces.indexOf(face);
    if (at < 0) throw new FontError(face === undefined ? 'a font collection needs a face' : `no face ${face}`, name, faces);
    font = font.fonts[at]!;
    chosen = true;
  }
  try {
    // A single font named by its own face is itself; another name, a variation, as pdfkit would have asked fontkit.
    if (face !== undefined && !chosen) font = String(font.postscriptName) === face ? font : (font.getFont?.(face) ?? null);
    if (!font) throw new Error(`no face ${face}`);
    const size = font.stream?.buffer.length ?? Number.POSITIVE_INFINITY;
    for (const [tag, t] of Object.entries(font.directory?.tables ?? {}))
      if (t.offset + t.length > size) throw new FontError(`the ${tag.trim()} table ends past the end of the file`, name, undefined, tag.trim());
    const glyphs = font.layout(FONT_SAMPLE).glyphs;
    const subset = font.createSubset();
    for (const g of glyphs) {
      if (!Number.isFinite(g.advanceWidth)) throw new Error('a glyph has no width');
      void g.path;
      subset.includeGlyph(g);
    }
    subset.encode();
    // pdfkit takes an opened fontkit font as it is (anything with a layout method).
    doc.registerFont(name, font as unknown as Buffer);
    doc.font(name);
  } catch (e) {
    if (e instanceof FontError) throw e;
    throw new FontError((e as Error).message, name);
  }
}

const faceNames = (fonts: FontkitFace[]): string[] =>
  fonts.map((f) => {
    try {
      return String(f.postscriptName ?? '?');
    } catch {
      return '?';
    }
  });

/** Characters drawn that the regular or bold face has no glyph for. */
export function uncovered(doc: unknown, drawn: readonly string[]): string[] {
  const faces = ['regular', 'bold'].map((name) => {
    const d = doc as { font: (n: string) => void; _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } };
    d.font(name);
    return d._font?.font;
  });
  const missing = new Set<string>();
  const seen = new Set<number>();
  for (const s of drawn) {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (seen.has(cp) || cp < 0x20 || ch === '\n') continue;
      seen.add(cp);
      if (faces.some((f) => f?.hasGlyphForCodePoint && !f.hasGlyphForCodePoint(cp))) missing.add(ch);
    }
  }
  return [...missing];
}
