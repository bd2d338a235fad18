/** A cell as read: text from CSV, or a typed value from XLSX. */
export type RawCell = string | number | boolean | Date | null;

/** What was read, for provenance in reports: never the rows themselves. */
export interface TableInfo {
  file: string;
  format: 'csv' | 'xlsx';
  /** The encoding a CSV was decoded with. */
  encoding: string | null;
  sha256: string;
  /** Data rows below the header (blank lines not counted). */
  rows: number;
  /** 1-based line of the header row; rows above it were title rows and are skipped. */
  headerLine: number;
  titleRowsSkipped: number;
}

/**
 * Receives a table row by row, so that a million-row export is never held in memory.
 * `header` is called once, before the first `row`.
 */
export interface RowSink {
  header(cells: string[], line: number): void;
  /** `line`: 1-based line (CSV) or row (XLSX) number in the source, for messages. */
  row(line: number, cells: RawCell[]): void;
}

/** Scores a candidate header row: how many of its cells name a known column. */
export type HeaderScore = (cells: string[]) => number;
