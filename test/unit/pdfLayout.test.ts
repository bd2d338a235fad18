import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layout } from '../../src/render/pdf/layout.js';
import { ROOT } from '../helpers.js';

// The PDF measures a single character by its glyph's advance instead of laying it out with fontkit; the
// two must agree, or lines would be broken on widths the drawing does not have.
describe('PDF text widths', () => {
  const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: true });
  doc.registerFont('regular', join(ROOT, 'fonts/NotoSansSC-Regular.ttf'));
  doc.registerFont('bold', join(ROOT, 'fonts/NotoSansSC-Bold.ttf'));
  const layout = new Layout(doc);

  it('gives a single character the width fontkit lays it out with, in both faces and any size', () => {
    const sample = [...'售后服务认证（续）【已找到】、。，：；“”‘’《》!?.,;:()[]{}—–-·•…%0123456789AaWwMmIiJj fi★☆✓✗◐○≥≤→→±×÷²繁體與臺灣𠀀€'];
    fc.assert(
      fc.property(fc.constantFrom(...sample), fc.constantFrom(7.5, 8, 9.5, 10, 24), fc.boolean(), (ch, size, bold) => {
        doc.font(bold ? 'bold' : 'regular').fontSize(size);
        const fast = layout.widthOf(`${size}|${bold ? 1 : 0}|`, ch);
        expect(fast).toBeCloseTo(doc.widthOfString(ch), 6);
      }),
      { numRuns: 400 },
    );
  });
});
