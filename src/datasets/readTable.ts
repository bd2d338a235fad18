import { createHash } from 'node:crypto';
import { closeSync, createReadStream, readSync } from 'node:fs';
import { ReadRefused, openGuarded } from '../load/guardedRead.js';
import { checkXlsxShape } from './xlsxGuard.js';
import { Transform } from 'node:stream';
import { InputError, diag, type DiagnosticArgs, type DiagnosticCode } from '../model/diagnostic.js';
import type { HeaderScore, RawCell, RowSink, TableInfo } from './table.js';

export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * CSV is streamed, so its size is bounded only to keep a run finite (a 10-million-row export is
 * about 900 MB). XLSX is unzipped in memory, so it gets a much lower cap.
 */
export const MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024;
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;
/** Title rows above the header that are searched through before giving up on finding the header. */
const HEADER_SEARCH_ROWS = 20;

/**
 * Streams a CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK as Excel saves it in
 * China; detected unless given) or XLSX (first sheet) into `sink`. The header is the first row among
 * the first 20 whose cells name at least two known columns (title rows above it are skipped); when none
 * does, the first row.
 */
export async function streamTable(file: string, sink: RowSink, o: { encoding?: Encoding | undefined; headerScore: HeaderScore }): Promise<TableInfo> {
  const fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C], line = 0): never => {
    throw new InputError([diag(code, args, { file, line, column: 0 })]);
  };
  // Regular files only, opened without blocking (a FIFO or device is refused), size checked first.
  let opened: { fd: number; size: number };
  try {
    opened = openGuarded(file, { maxBytes: MAX_CSV_BYTES });
  } catch (e) {
    if (!(e instanceof ReadRefused)) throw e;
    if (e.reason === 'too-large') return fail('dataset-too-large', { size: e.detail.size ?? 0, max: MAX_CSV_BYTES });
    return e.reason === 'not-a-file' ? fail('dataset-not-a-file', {}) : fail('dataset-not-found', {});
  }
  const head = Buffer.alloc(Math.min(65536, opened.size));
  readSync(opened.fd, head, 0, head.length, 0);
  const isXlsx = /\.xlsx$/i.test(file) || (head[0] === 0x50 && head[1] === 0x4b);
  if (isXlsx && opened.size > MAX_XLSX_BYTES) {
    closeSync(opened.fd);
    fail('dataset-too-large', { size: opened.size, max: MAX_XLSX_BYTES });
  }
  const header = new HeaderFinder(sink, o.headerScore);
  if (isXlsx) {
    const bytes = Buffer.alloc(opened.size);
    try {
      readSync(opened.fd, bytes, 0, opened.size, 0);
    } finally {
      closeSync(opened.fd);
    }
    return readXlsx(file, bytes, header, fail);
  }
  return readCsv(file, opened.fd, head, header, o.encoding, fail);
}

type Fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C], line?: number) => never;

/** Holds back the first rows until the header is known, then passes rows straight through. */
class HeaderFinder {
  private pending: Array<{ line: number; cells: RawCell[] }> = [];
  found = false;
  headerLine = 0;
  titleRows = 0;
  rows = 0;
  constructor(
    private sink: RowSink,
    private score: HeaderScore,
  ) {}

  push(line: number, cells: RawCell[]): void {
    if (this.found) {
      this.rows++;
      this.sink.row(line, cells);
      return;
    }
    this.pending.push({ line, cells });
    const strings = cells.map((c) => (c === null ? '' : String(c)));
    if (this.score(strings) >= 2) this.settle(this.pending.length - 1);
    else if (this.pending.length >= HEADER_SEARCH_ROWS) this.settle(0);
  }

  end(): void {
    if (!this.found && this.pending.length > 0) this.settle(0);
  }

  private settle(at: number): void {
    const rows = this.pending;
    this.pending = [];
    this.found = true;
    const h = rows[at]!;
    this.headerLine = h.line;
    this.titleRows = at;
    this.sink.header(
      h.cells.map((c) => (c === null ? '' : String(c).trim())),
      h.line,
    );
    for (const r of rows.slice(at + 1)) this.push(r.line, r.cells);
  }
}

function isBlank(cells: RawCell[]): boolean {
  for (const c of cells) if (c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

async function readXlsx(file: string, bytes: Buffer, header: HeaderFinder, fail: Fail): Promise<TableInfo> {
  checkXlsxShape(bytes, fail);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { readSheet } = await import('read-excel-file/node');
  let rows: RawCell[][];
  try {
    rows = (await readSheet(bytes)) as RawCell[][];
  } catch (e) {
    return fail('xlsx-unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  if (rows.length === 0) return fail('sheet-empty', {});
  rows.forEach((cells, i) => {
    if (!isBlank(cells)) header.push(i + 1, cells);
  });
  header.end();
  if (!header.found) return fail('sheet-empty', {});
  return { file, format: 'xlsx', encoding: null, sha256, rows: header.rows, headerLine: header.headerLine, titleRowsSkipped: header.titleRows };
}

function detectEncoding(head: Buffer, given: Encoding | undefined): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (given) return { encoding: given, bom: 0 };
  // A multi-byte character may be cut at the end of the sample: only the complete part must be UTF-8.
  for (let cut = 0; cut < 4; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - cut)));
      return { encoding: 'utf-8', bom: 0 };
    } catch {
      // try a shorter sample
    }
  }
  // Not UTF-8: Excel in a Chinese locale saves CSV as GBK, which GB18030 contains.
  return { encoding: 'gb18030', bom: 0 };
}

async function readCsv(file: string, fd: number, head: Buffer, header: HeaderFinder, given: Encoding | undefined, fail: Fail): Promise<TableInfo> {
  const { encoding, bom } = detectEncoding(head, given);
  if (head.length >= 2 && !given && head.indexOf(0) >= 0 && encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    // NUL bytes without a UTF-16 BOM: UTF-16 saved without a mark, or not text at all.
    fail('wrong-encoding', { encoding: 'utf-16' });
  }
  const hash = createHash('sha256');
  const decoder = new TextDecoder(encoding, { fatal: true });
  let skip = bom;
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      let bytes = chunk;
      if (skip > 0) {
        bytes = chunk.subarray(Math.min(skip, chunk.length));
        skip -= chunk.length - bytes.length;
      }
      try {
        const s = decoder.decode(bytes, { stream: true });
        done(null, s.length > 0 ? s : undefined);
      } catch {
        done(new WrongEncoding());
      }
    },
    flush(done) {
      try {
        const s = decoder.decode();
        done(null, s.length > 0 ? s : undefined);
      } catch {
        done(new WrongEncoding());
      }
    },
  });
  const Papa = (await import('papaparse')).default;
  const input = createReadStream(file, { fd, start: 0, highWaterMark: 1 << 20 }).pipe(decode);
  let line = 1;
  let problem: { code: 'csv-unparseable'; detail: string; line: number } | null = null;
  await new Promise<void>((resolve, reject) => {
    input.on('error', reject);
    Papa.parse<string[]>(input as unknown as File, {
      delimitersToGuess: [',', '\t', ';', '|'],
      skipEmptyLines: false,
      step(result, parser) {
        const cells = result.data;
        const at = line;
        // A quoted cell may span lines: the next row starts after its line breaks.
        line += 1;
        for (const c of cells) if (c.length > 0 && c.indexOf('\n') >= 0) line += c.split('\n').length - 1;
        if (result.errors.length > 0 && result.errors.some((e) => e.type === 'Quotes')) {
          problem = { code: 'csv-unparseable', detail: result.errors[0]!.message, line: at };
          parser.abort();
          return;
        }
        if (isBlank(cells)) return;
        header.push(at, cells);
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  }).catch((e: unknown) => {
    if (e instanceof WrongEncoding) fail('wrong-encoding', { encoding: given ?? null });
    throw e;
  });
  if (problem) {
    const p = problem as { detail: string; line: number };
    fail('csv-unparseable', { detail: p.detail }, p.line);
  }
  header.end();
  if (!header.found) fail('table-empty', {});
  return { file, format: 'csv', encoding, sha256: hash.digest('hex'), rows: header.rows, headerLine: header.headerLine, titleRowsSkipped: header.titleRows };
}

class WrongEncoding extends Error {}
