import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontError, PdfFonts } from '../render/pdf/renderPdf.js';
import { ReadRefused, readGuarded } from '../load/guardedRead.js';
import { UsageError } from '../model/usage.js';

/** Noto Sans SC subset at build time (scripts/subsetFonts.mjs), shipped in the package's fonts/ folder. */
const BUNDLED = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' };

/**
 * Noto Sans SC (OFL) from the npm dependency, or the user's --font / --font-bold. A collection face
 * is chosen with FILE#PostScriptName, e.g. NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular.
 */
export function resolvePdfFonts(font?: string, fontBold?: string): PdfFonts {
  if (font) {
    const regular = splitFace(font);
    const bold = fontBold ? splitFace(fontBold) : regular;
    return { regular: regular.file, bold: bold.file, ...(regular.face ? { regularFace: regular.face } : {}), ...(bold.face ? { boldFace: bold.face } : {}) };
  }
  const folder = bundledFontFolder();
  if (!folder) throw new UsageError('font-missing-bundled', {});
  // --font-bold alone replaces only the bold face: read and checked like any --font (and so never written over).
  if (fontBold) {
    const bold = splitFace(fontBold);
    return { regular: join(folder, BUNDLED.regular), bold: bold.file, ...(bold.face ? { boldFace: bold.face } : {}) };
  }
  return { regular: join(folder, BUNDLED.regular), bold: join(folder, BUNDLED.bold) };
}

/** The package's fonts/ folder: this module runs from dist/ or a chunk below it. */
function bundledFontFolder(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up++, dir = dirname(dir)) {
    const folder = join(dir, 'fonts');
    if (existsSync(join(folder, BUNDLED.regular)) && existsSync(join(folder, BUNDLED.bold))) return folder;
  }
  return null;
}

/** A CJK collection (Noto Sans CJK .ttc) is about 20–30 MB; nothing sensible is larger. */
const MAX_FONT_BYTES = 128 * 1024 * 1024;
const FONT_MAGIC = ['00010000', '4f54544f', '74727565', '74746366']; // TrueType, 'OTTO', 'true', 'ttcf'

/** FILE#Face, unless a file is named so. */
function specParts(spec: string): [file: string, face: string | undefined] {
  const hash = spec.lastIndexOf('#');
  return hash > 0 && !existsSync(spec) ? [spec.slice(0, hash), spec.slice(hash + 1)] : [spec, undefined];
}

function splitFace(spec: string): { file: Buffer; face?: string } {
  const [file, face] = specParts(spec);
  if (/\.woff2?$/i.test(file)) throw new UsageError('font-woff', { file });
  let bytes: Buffer;
  try {
    bytes = readGuarded(file, { maxBytes: MAX_FONT_BYTES });
  } catch (e) {
    if (!(e instanceof ReadRefused)) throw e;
    throw new UsageError('font-unreadable', { file, why: e.reason === 'unreadable' ? (e.detail.code ?? 'unreadable') : e.reason });
  }
  if (!FONT_MAGIC.includes(bytes.subarray(0, 4).toString('hex'))) throw new UsageError('font-not-font', { file });
  return face ? { file: bytes, face } : { file: bytes };
}

/** A font renderPdf could not use, named as the user gave it (or the bundled file); a collection's faces to choose from. */
export function fontUsageError(e: FontError, font?: string, fontBold?: string): UsageError {
  const spec = e.which === 'bold' ? (fontBold ?? font) : font;
  const [file, face] = spec === undefined ? [BUNDLED[e.which], undefined] : specParts(spec);
  if (e.faces) return new UsageError('font-collection-face', { file, faces: e.faces, ...(face === undefined ? {} : { face }) });
  return new UsageError('font-unusable', {
    file,
    detail: e.message.split('\n')[0] ?? '',
    face: face !== undefined,
    ...(e.truncatedTable ? { truncatedTable: e.truncatedTable } : {}),
  });
}
