import { strFromU8, unzipSync } from 'fflate';
import { checkXlsxShape } from '../datasets/xlsxGuard.js';
import type { DiagnosticArgs, DiagnosticCode } from '../model/diagnostic.js';
import { columnLetter } from './layout.js';

/**
 * A guarded, synchronous read of an evidence workbook's cells: the survey path's checks first (declared
 * part sizes: zip bombs refused unread), then caps of our own that fit an evidence file — parts, shared
 * strings, rows and cell text. Formulas are never evaluated: a formula cell gives the value the program
 * that saved it cached, as read-excel-file does for surveys.
 */

/** An evidence workbook is tens of kilobytes; any single part beyond this is not one. */
export const WORKBOOK_MAX_PART_BYTES = 32 * 1024 * 1024;
export const WORKBOOK_MAX_SHARED_STRINGS = 200_000;
export const WORKBOOK_MAX_ROWS = 50_000;
export const WORKBOOK_MAX_COLUMNS = 64;
/** Excel's own limit on a cell's text. */
export const WORKBOOK_MAX_CELL_CHARS = 32_767;

export type CellValue = string | number | boolean;

export interface SheetCells {
  name: string;
  /** row number (1-based) → column number (1-based) → value; empty cells absent. */
  rows: Map<number, Map<number, CellValue>>;
}

export interface WorkbookCells {
  sheets: SheetCells[];
  /** Dates are serial days since 1904-01-01 instead of 1899-12-30 (old Mac Excel). */
  date1904: boolean;
}

type Fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C]) => never;

export function readWorkbookCells(bytes: Uint8Array, fail: Fail): WorkbookCells {
  checkXlsxShape(bytes, fail);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(f) {
        if (f.originalSize > WORKBOOK_MAX_PART_BYTES) fail('xlsx-too-large', { part: f.name, max: WORKBOOK_MAX_PART_BYTES });
        return (
          f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          /^xl\/worksheets\/[^/]+\.xml$/.test(f.name)
        );
      },
    });
  } catch (e) {
    if ((e as { diagnostics?: unknown }).diagnostics) throw e;
    return fail('xlsx-unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]!) : null);
  const workbook = text('xl/workbook.xml');
  if (workbook === null) return fail('xlsx-unreadable', { detail: 'no xl/workbook.xml' });
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = sharedStrings(text('xl/sharedStrings.xml'), fail);
  const sheets: SheetCells[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = decode(attr(m[1]!, 'name') ?? '');
    const target = rels.get(attr(m[1]!, 'r:id') ?? '');
    const xml = target ? text(target) : null;
    sheets.push({ name, rows: xml === null ? new Map() : sheetRows(xml, shared, fail) });
  }
  return { sheets, date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook) };
}

function sharedStrings(xml: string | null, fail: Fail): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    if (out.length >= WORKBOOK_MAX_SHARED_STRINGS) fail('workbook-limit', { what: 'shared-strings', limit: WORKBOOK_MAX_SHARED_STRINGS, cell: '' });
    out.push(runText(m[1] ?? ''));
  }
  return out;
}

/** The text of a string item: its runs joined, phonetic guides (<rPh>, furigana/pinyin) left out. */
function runText(xml: string): string {
  let s = '';
  for (const t of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) s += decode(t[1] ?? '');
  return s;
}

function sheetRows(xml: string, shared: string[], fail: Fail): Map<number, Map<number, CellValue>> {
  const rows = new Map<number, Map<number, CellValue>>();
  let rowNo = 0;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    rowNo = Number(attr(r[1]!, 'r') ?? rowNo + 1);
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > WORKBOOK_MAX_ROWS)
      fail('workbook-limit', { what: 'rows', limit: WORKBOOK_MAX_ROWS, cell: `A${rowNo}` });
    const cells = new Map<number, CellValue>();
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const letters = ref ? /^([A-Z]{1,3})\d*$/.exec(ref)?.[1] : undefined;
      col = letters ? columnNumber(letters) : col + 1;
      if (col > WORKBOOK_MAX_COLUMNS) {
        // Cells far to the right of the layout are ignored, unless they hold something.
        if (c[2] && /<v>|<is>/.test(c[2])) fail('workbook-limit', { what: 'columns', limit: WORKBOOK_MAX_COLUMNS, cell: `${columnLetter(col)}${rowNo}` });
        continue;
      }
      const value = cellValue(attr(c[1]!, 't'), c[2] ?? '', shared);
      if (value === null) continue;
      if (typeof value === 'string' && value.length > WORKBOOK_MAX_CELL_CHARS)
        fail('workbook-limit', { what: 'cell-text', limit: WORKBOOK_MAX_CELL_CHARS, cell: `${columnLetter(col)}${rowNo}` });
      cells.set(col, value);
    }
    if (cells.size) rows.set(rowNo, cells);
  }
  return rows;
}

function cellValue(type: string | null, inner: string, shared: string[]): CellValue | null {
  if (type === 'inlineStr') return runText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
  // The cached result; a formula (<f>) is never evaluated.
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
    case 'e':
      return decode(v);
    case 'b':
      return v === '1';
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : decode(v);
    }
  }
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : null;
}

/** XML entities, then OOXML's `_xHHHH_` escapes (how Excel stores a carriage return or a control character). */
function decode(s: string): string {
  return entities(s).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function entities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
