import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfFonts } from '../render/pdf/renderPdf.js';
import { ReadRefused, readGuarded } from '../load/guardedRead.js';
import { UsageError } from './exitCodes.js';

const BUNDLED = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

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
  // Resolve the font files only: the package's main module throws in Node.
  const require = createRequire(import.meta.url);
  try {
    return { regular: require.resolve(BUNDLED.regular), bold: require.resolve(BUNDLED.bold) };
  } catch {
    throw new UsageError('font-missing-bundled', {});
  }
}

/** A CJK collection (Noto Sans CJK .ttc) is about 20–30 MB; nothing sensible is larger. */
const MAX_FONT_BYTES = 128 * 1024 * 1024;
const FONT_MAGIC = ['00010000', '4f54544f', '74727565', '74746366']; // TrueType, 'OTTO', 'true', 'ttcf'

function splitFace(spec: string): { file: Buffer; face?: string } {
  const hash = spec.lastIndexOf('#');
  const [file, face] = hash > 0 && !existsSync(spec) ? [spec.slice(0, hash), spec.slice(hash + 1)] : [spec, undefined];
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
