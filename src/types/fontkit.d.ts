// pdfkit's own font parser, used directly to open a collection's face and check a font before use; its
// shapes are declared where they are read (render/pdf/renderPdf.ts).
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
