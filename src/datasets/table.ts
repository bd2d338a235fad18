/** A cell as read: text from CSV, or a typed value from XLSX. */
export type RawCell = string | number | boolean | Date | null;

export interface TableRow {
  /** 1-based line (CSV) or row (XLSX) number in the source, for error messages. */
  line: number;
  cells: RawCell[];
}

export interface Table {
  file: string;
  format: 'csv' | 'xlsx';
  /** The encoding a CSV was decoded with. */
  encoding: string | null;
  sha256: string;
  header: string[];
  rows: TableRow[];
}
