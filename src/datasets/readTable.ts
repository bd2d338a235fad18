import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../model/diagnostic.js';
import { diag, type DiagnosticArgs, type DiagnosticCode } from '../messages/diagnostics.js';
import type { RawCell, Table } from './table.js';

export const ENCODINGS = ['utf-8', 'gb18030', 'gbk'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Data exports are larger than evidence files: 100 000 rows of tickets are a few tens of MB. */
export const MAX_TABLE_BYTES = 200 * 1024 * 1024;

/**
 * CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel saves it in China; detected unless given)
 * or XLSX (first sheet). Header row first. Line numbers are kept for every row.
 */
export async function readTable(file: string, encoding?: Encoding): Promise<Table> {
  const fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C], line = 0): never => {
    throw new InputError([diag(code, args, { file, line, column: 0 })]);
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    fail('dataset-not-found', {});
  }
  if (size > MAX_TABLE_BYTES) fail('dataset-too-large', { size, max: MAX_TABLE_BYTES });
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (/\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const { readSheet } = await import('read-excel-file/node');
    let rows: RawCell[][];
    try {
      rows = (await readSheet(bytes)) as RawCell[][];
    } catch (e) {
      return fail('xlsx-unreadable', { detail: (e as Error).message });
    }
    const [head, ...rest] = rows;
    if (!head) return fail('sheet-empty', {});
    return {
      file, format: 'xlsx', encoding: null, sha256,
      header: head.map((h) => String(h ?? '').trim()),
      rows: rest.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== '')),
    };
  }
  const { text, used } = decode(bytes, encoding, fail);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = ['\t', ';', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return fail('csv-unparseable', { detail: err.message.replace(/^Invalid Record Length: /, '') }, err.lines ?? 0);
  }
  const [head, ...rest] = records;
  if (!head) return fail('table-empty', {});
  return {
    file, format: 'csv', encoding: used, sha256,
    header: head.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

function decode(bytes: Buffer, encoding: Encoding | undefined, fail: (code: 'wrong-encoding', args: DiagnosticArgs['wrong-encoding']) => never): { text: string; used: string } {
  if (encoding) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), used: encoding };
    } catch {
      return fail('wrong-encoding', { encoding });
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), used: 'utf-8' };
  } catch {
    // Not UTF-8: Excel in a Chinese locale saves CSV as GBK, which GB18030 contains.
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), used: 'gb18030' };
    } catch {
      return fail('wrong-encoding', { encoding: null });
    }
  }
}
