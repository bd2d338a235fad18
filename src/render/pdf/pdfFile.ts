import type { PdfFonts } from './renderPdf.js';
import { type FontkitCreate, openFont } from './fonts.js';
import { PAGE, type Doc } from './layout.js';

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
}

/**
 * An A4 document with both faces opened and checked, buffered pages (for the running head and foot drawn
 * last), and fixed dates so the file is byte-identical for the same input (the trailer /ID hashes the info).
 * pdfkit and fontkit are loaded here, lazily.
 */
export async function startPdf(lang: string, info: PdfInfo, fonts: PdfFonts, creationDate: Date): Promise<{ doc: Doc; finish: () => Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: true,
    // No default Helvetica: pdfkit would load it from disk, and every text here sets its own font.
    font: null as unknown as string,
    lang,
    displayTitle: true,
    info: { ...info, CreationDate: creationDate, ModDate: creationDate },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const { create } = (await import('fontkit')) as unknown as { create: FontkitCreate };
  openFont(create, doc, 'bold', fonts.bold, fonts.boldFace);
  openFont(create, doc, 'regular', fonts.regular, fonts.regularFace);
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
