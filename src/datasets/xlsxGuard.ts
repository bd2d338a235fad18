import { strFromU8, unzipSync } from 'fflate';
import type { DiagnosticArgs, DiagnosticCode } from '../model/diagnostic.js';

/** Excel's own sheet limits; a cell reference beyond them is not a real workbook. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
/** The XLSX reader builds a dense grid: rows × columns above this would take gigabytes. */
export const XLSX_MAX_CELLS = 30_000_000;
/** Uncompressed size of one part of the workbook (a sheet, the shared strings), and of all parts. */
export const XLSX_MAX_PART_BYTES = 256 * 1024 * 1024;
export const XLSX_MAX_TOTAL_BYTES = 512 * 1024 * 1024;

type Fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C], line?: number) => never;

/**
 * Checks a workbook before it is expanded: the declared uncompressed sizes (a zip bomb or a single
 * 400 MB cell is refused unread) and the extent of the first sheet's cell references (XFD1048576 or
 * A999999999 would make the reader allocate a grid of billions of cells).
 */
export function checkXlsxShape(bytes: Uint8Array, fail: Fail): void {
  let total = 0;
  let tooBig: string | null = null;
  const sheets: string[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        total += f.originalSize;
        if (f.originalSize > XLSX_MAX_PART_BYTES) tooBig ??= f.name;
        if (/^xl\/worksheets\/sheet\d+\.xml$/.test(f.name)) sheets.push(f.name);
        return false;
      },
    });
  } catch (e) {
    fail('xlsx-unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  if (tooBig !== null || total > XLSX_MAX_TOTAL_BYTES) fail('xlsx-too-large', { part: tooBig ?? '', max: tooBig ? XLSX_MAX_PART_BYTES : XLSX_MAX_TOTAL_BYTES });
  const first = sheets.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))[0];
  if (!first) return;
  let xml: string;
  try {
    xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === first })[first]!);
  } catch (e) {
    fail('xlsx-unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  let maxRow = 0;
  let maxCol = 0;
  const REF = /<c\b[^>]*?\br="([A-Z]{1,7})(\d{1,12})"/g;
  for (let m = REF.exec(xml); m; m = REF.exec(xml)) {
    const col = columnNumber(m[1]!);
    const row = Number(m[2]);
    if (col > maxCol) maxCol = col;
    if (row > maxRow) maxRow = row;
    if (col > XLSX_MAX_COLUMNS || row > XLSX_MAX_ROWS) fail('xlsx-extent', { ref: `${m[1]}${m[2]}`, rows: row, columns: col });
  }
  if (maxRow * maxCol > XLSX_MAX_CELLS) fail('xlsx-extent', { ref: `${columnName(maxCol)}${maxRow}`, rows: maxRow, columns: maxCol });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
