import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type PdfModule = typeof import('../render/pdf/renderPdf.js');

/**
 * The PDF renderer with pdfkit and fontkit inside: its own bundle (dist/pdf.cjs), loaded through the bin's
 * code-cache loader only when a PDF is asked for, so no other command pays for it and the PDF does not pay
 * for resolving and compiling pdfkit's modules (~60 ms). From source (tests), the module itself.
 */
export function loadPdfRenderer(): Promise<PdfModule> {
  // Once per process: a second load would run the bundle again, with classes (FontError) of its own.
  loading ??= load();
  return loading;
}
let loading: Promise<PdfModule> | undefined;

async function load(): Promise<PdfModule> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bin = join(here, '..', 'bin', 'aftersales-assess.cjs');
  if (existsSync(join(here, 'pdf.cjs')) && existsSync(bin)) {
    const { loadBundle } = createRequire(import.meta.url)(bin) as { loadBundle: (name: string) => PdfModule };
    return loadBundle('pdf.cjs');
  }
  return import('../render/pdf/renderPdf.js');
}
