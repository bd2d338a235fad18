import { type Diagnostic, type DiagnosticArgs, type DiagnosticCode, diag, InputError } from '../model/diagnostic.js';
import { pointer } from '../model/finding.js';
import { didYouMean } from '../shared/didYouMean.js';
import {
  BONUS_PREFIX,
  COMPANY_FIELDS,
  type CellKind,
  type Column,
  columnLetter,
  DATA_FIELDS,
  DEDUCTION_PREFIX,
  HEADER_ROW,
  LIST_FIELDS,
  SHEETS,
  STATUS_WORDS,
  type SheetId,
} from './layout.js';
import { type CellValue, type SheetCells, readWorkbookCells } from './xlsxCells.js';
import type { Source } from '../load/readSource.js';
import { evidenceYaml } from './evidenceYaml.js';

/** A workbook source read: its text the YAML it stands for, with where each value was typed. */
export function workbookSource(source: Source): Source {
  const book = readWorkbook(source.file, source.bytes);
  return { file: source.file, text: evidenceYaml(book.value), bytes: source.bytes, workbook: { cells: book.cells, problems: book.problems } };
}

/** The workbook as the evidence object the YAML file would hold, and where each part of it was typed. */
export interface WorkbookEvidence {
  value: Record<string, unknown>;
  /** JSON pointer into the evidence → `Sheet!A1` of the cell (or row) it came from. */
  cells: Map<string, string>;
  /** Problems only the workbook can have (a status not in the list, a date typed as text nobody can read). */
  problems: Diagnostic[];
}

/**
 * company.xlsx → the evidence object, by the headers of layout.ts (either language, any column order).
 * Cells are converted by their column's kind; what cannot be converted is a problem naming the cell,
 * and what converts but breaks the contract is left for the schema and rubric checks, as in YAML.
 */
export function readWorkbook(file: string, bytes: Uint8Array): WorkbookEvidence {
  const fail = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C]): never => {
    throw new InputError([diag(code, args, { file, line: 0, column: 0 })]);
  };
  const book = readWorkbookCells(bytes, fail);
  const problems: Diagnostic[] = [];
  const cells = new Map<string, string>();
  const problem = <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C], cell: string) => {
    problems.push({ ...diag(code, args, { file, line: 0, column: 0 }), cell });
  };
  const find = (id: SheetId): SheetCells | undefined => {
    const names = Object.values(SHEETS[id].name);
    return book.sheets.find((s) => names.includes(s.name.trim()));
  };
  const sheets = new Map<SheetId, SheetCells>();
  for (const id of ['company', 'criteria', 'evidence', 'data', 'deductions'] as const) {
    const s = find(id);
    if (s) sheets.set(id, s);
    else if (id === 'company' || id === 'criteria')
      problem('workbook-sheet-missing', { sheet: SHEETS[id].name['zh-CN'], en: SHEETS[id].name.en }, `${SHEETS[id].name['zh-CN']}!A1`);
  }
  if (problems.length) throw new InputError(problems);

  const ref = (s: SheetCells, col: number, row: number) =>
    `${/^[\p{L}\p{N}_]+$/u.test(s.name) ? s.name : `'${s.name.replace(/'/g, "''")}'`}!${columnLetter(col)}${row}`;
  /** Header → column number, by layout key; a required header missing is a problem. */
  const columnsOf = (id: SheetId, required: string[]): Map<string, number> | null => {
    const s = sheets.get(id)!;
    const header = s.rows.get(HEADER_ROW) ?? new Map<number, CellValue>();
    const out = new Map<string, number>();
    for (const [col, v] of header) {
      const text = String(v).trim();
      const c = SHEETS[id].columns.find((x) => x.header['zh-CN'] === text || x.header.en.toLowerCase() === text.toLowerCase());
      if (c && !out.has(c.key)) out.set(c.key, col);
    }
    let ok = true;
    for (const key of required) {
      if (out.has(key)) continue;
      const c = SHEETS[id].columns.find((x) => x.key === key)!;
      problem('workbook-column-missing', { sheet: s.name, header: c.header['zh-CN'], en: c.header.en }, ref(s, 1, HEADER_ROW));
      ok = false;
    }
    return ok ? out : null;
  };
  /** A cell converted by its kind: undefined when empty, the value otherwise (a problem when unreadable). */
  const read = (s: SheetCells, row: number, col: number | undefined, kind: CellKind): unknown => {
    if (col === undefined) return undefined;
    const raw = s.rows.get(row)?.get(col);
    // A blank cell is empty; text of spaces only is kept in a text column (a YAML string may be that too).
    if (raw === undefined || raw === '' || (kind !== 'text' && typeof raw === 'string' && raw.trim() === '')) return undefined;
    const at = ref(s, col, row);
    switch (kind) {
      case 'date': {
        const d = dateOf(raw, book.date1904);
        if (d === null) problem('workbook-bad-date', { value: String(raw) }, at);
        return d ?? undefined;
      }
      case 'integer':
      case 'number': {
        if (typeof raw === 'number') return raw;
        const t = String(raw)
          .trim()
          .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
        problem('workbook-bad-number', { value: String(raw), integer: kind === 'integer' }, at);
        return undefined;
      }
      case 'status': {
        const t = String(raw).trim();
        for (const [status, words] of Object.entries(STATUS_WORDS)) if (t === words['zh-CN'] || t.toLowerCase() === words.en) return status;
        const allowed = Object.values(STATUS_WORDS).flatMap((w) => [w['zh-CN'], w.en]);
        problem('workbook-bad-status', { value: t, allowed, guess: didYouMean(t, allowed) }, at);
        return undefined;
      }
      default:
        // Text, whatever the cell's type: a number typed into a note is the note "123".
        return typeof raw === 'string' ? raw : String(raw);
    }
  };

  const value: Record<string, unknown> = { schemaVersion: 1 };
  const company: Record<string, unknown> = {};
  const assessment: Record<string, unknown> = {};
  value.company = company;
  value.assessment = assessment;
  cells.set('', `${sheets.get('company')!.name}!A1`);

  // 公司 and 数据: field / value rows.
  const fieldSheet = (id: 'company' | 'data', known: ReadonlyArray<{ field: string; kind: CellKind }>, accepts: (field: string) => CellKind | null) => {
    const s = sheets.get(id);
    if (!s) return;
    const cols = columnsOf(id, ['field', 'value']);
    if (!cols) return;
    cells.set(pointer(id === 'company' ? 'company' : 'metrics'), ref(s, cols.get('value')!, HEADER_ROW));
    for (const row of [...s.rows.keys()].sort((a, b) => a - b)) {
      if (row <= HEADER_ROW) continue;
      const field = read(s, row, cols.get('field'), 'text') as string | undefined;
      if (field === undefined) continue;
      const name = field.trim();
      const kind = known.find((f) => f.field === name)?.kind ?? accepts(name);
      if (kind === null) {
        problem(
          'workbook-unknown-field',
          {
            field: name,
            guess: didYouMean(
              name,
              known.map((f) => f.field),
            ),
          },
          ref(s, cols.get('field')!, row),
        );
        continue;
      }
      const json = name.endsWith(':json');
      let v = read(s, row, cols.get('value'), json ? 'text' : kind);
      if (v === undefined) continue;
      if (json) {
        try {
          v = JSON.parse(String(v));
        } catch {
          problem('workbook-bad-json', { value: String(v).slice(0, 80) }, ref(s, cols.get('value')!, row));
          continue;
        }
      } else if (kind === 'text' && name.startsWith('company.') && !known.some((f) => f.field === name)) {
        // An extra company field keeps the type of its cell (a number stays a number).
        const raw = s.rows.get(row)?.get(cols.get('value')!);
        if (typeof raw === 'number' || typeof raw === 'boolean') v = raw;
      }
      const [scope, ...rest] = name.replace(/:json$/, '').split('.');
      const key = rest.join('.');
      const target = scope === 'company' ? company : scope === 'assessment' ? assessment : ((value[scope!] ??= {}) as Record<string, unknown>);
      const at = ref(s, cols.get('value')!, row);
      if (LIST_FIELDS.has(name)) {
        const list = ((target[key] as unknown[] | undefined) ??= []);
        cells.set(pointer(scope!, key), cells.get(pointer(scope!, key)) ?? at);
        cells.set(pointer(scope!, key, list.length), at);
        list.push(v);
      } else {
        if (target[key] !== undefined) problem('workbook-duplicate-row', { id: name, first: cells.get(pointer(scope!, key)) ?? '' }, at);
        target[key] = v;
        cells.set(pointer(scope!, key), at);
      }
    }
  };
  fieldSheet('company', COMPANY_FIELDS, (f) => (/^company\.[^.:]+(:json)?$/.test(f) && f !== 'company.' ? 'text' : null));
  fieldSheet('data', DATA_FIELDS, (f) => (/^metrics\.[^.]+$/.test(f) ? 'number' : null));

  // 评价项
  const criteria: Record<string, Record<string, unknown>> = {};
  const criteriaSheet = sheets.get('criteria')!;
  const ccols = columnsOf('criteria', ['id']);
  const rowOf = new Map<string, number>();
  if (ccols) {
    const fill = SHEETS.criteria.columns.filter((c) => !c.locked);
    for (const row of [...criteriaSheet.rows.keys()].sort((a, b) => a - b)) {
      if (row <= HEADER_ROW) continue;
      const id = (read(criteriaSheet, row, ccols.get('id'), 'ref') as string | undefined)?.trim();
      if (id === undefined) continue;
      const at = (key: string) => ref(criteriaSheet, ccols.get(key) ?? ccols.get('id')!, row);
      if (rowOf.has(id)) {
        problem('workbook-duplicate-row', { id, first: ref(criteriaSheet, ccols.get('id')!, rowOf.get(id)!) }, at('id'));
        continue;
      }
      rowOf.set(id, row);
      const entry: Record<string, unknown> = {};
      const base = pointer('criteria', id);
      cells.set(base, at('id'));
      const sample: Record<string, unknown> = {};
      for (const c of fill) {
        const v = read(criteriaSheet, row, ccols.get(c.key), c.kind);
        if (v === undefined) continue;
        if (c.key === 'checked' || c.key === 'conforming') {
          sample[c.key] = v;
          cells.set(`${base}/sample/${c.key}`, at(c.key));
          cells.set(`${base}/sample`, cells.get(`${base}/sample`) ?? at(c.key));
        } else {
          entry[c.key] = v;
          cells.set(`${base}/${c.key}`, at(c.key));
        }
      }
      // Order as in a YAML entry: status, sample, then the rest.
      const ordered: Record<string, unknown> = {};
      if (entry.status !== undefined) ordered.status = entry.status;
      if (Object.keys(sample).length) ordered.sample = sample;
      for (const [k, v] of Object.entries(entry)) if (k !== 'status') ordered[k] = v;
      criteria[id] = ordered;
    }
  }

  // 扣分与加分
  const deductions: Array<Record<string, unknown>> = [];
  const bonuses: Array<Record<string, unknown>> = [];
  const refIndex = new Map<string, { list: 'specialDeductions' | 'bonus'; index: number }>();
  const ds = sheets.get('deductions');
  const dcols = ds ? columnsOf('deductions', ['ref', 'reason']) : null;
  if (ds && dcols) {
    for (const row of [...ds.rows.keys()].sort((a, b) => a - b)) {
      if (row <= HEADER_ROW) continue;
      const r = (read(ds, row, dcols.get('ref'), 'ref') as string | undefined)?.trim();
      const clause = read(ds, row, dcols.get('clause'), 'ref') as string | undefined;
      const reason = read(ds, row, dcols.get('reason'), 'text');
      if (r === undefined && clause === undefined && reason === undefined) continue;
      const at = (key: string) => ref(ds, dcols.get(key) ?? dcols.get('ref')!, row);
      const kind = r === undefined ? (clause === undefined ? 'bonus' : 'deduction') : refKind(r);
      if (kind === null) {
        problem('workbook-unknown-ref', { ref: r ?? '', guess: null }, at('ref'));
        continue;
      }
      const list = kind === 'bonus' ? bonuses : deductions;
      const name = kind === 'bonus' ? 'bonus' : 'specialDeductions';
      const item: Record<string, unknown> = {};
      if (clause !== undefined) item.clause = clause.trim();
      if (reason !== undefined) item.reason = reason;
      const base = pointer(name, list.length);
      cells.set(base, at('ref'));
      cells.set(`${base}/clause`, at('clause'));
      cells.set(`${base}/reason`, at('reason'));
      if (r !== undefined) refIndex.set(normalRef(r), { list: name, index: list.length });
      list.push(item);
    }
  }

  // 证据: one row per item, attached to what its first column names.
  const es = sheets.get('evidence');
  const ecols = es ? columnsOf('evidence', ['for']) : null;
  if (es && ecols) {
    const itemCols = SHEETS.evidence.columns.filter((c) => c.key !== 'for');
    for (const row of [...es.rows.keys()].sort((a, b) => a - b)) {
      if (row <= HEADER_ROW) continue;
      const owner = (read(es, row, ecols.get('for'), 'ref') as string | undefined)?.trim();
      const item: Record<string, unknown> = {};
      const at = (c: Column) => ref(es, ecols.get(c.key) ?? ecols.get('for')!, row);
      const where: Array<[string, string]> = [];
      for (const c of itemCols) {
        const v = read(es, row, ecols.get(c.key), c.kind);
        if (v === undefined) continue;
        item[c.key] = v;
        where.push([c.key, at(c)]);
      }
      if (owner === undefined) {
        if (Object.keys(item).length) problem('workbook-evidence-unowned', {}, ref(es, ecols.get('for')!, row));
        continue;
      }
      let list: Array<Record<string, unknown>>;
      let base: string;
      const linked = refIndex.get(normalRef(owner));
      if (linked) {
        const holder = (linked.list === 'bonus' ? bonuses : deductions)[linked.index]!;
        list = (holder.evidence ??= []) as Array<Record<string, unknown>>;
        base = pointer(linked.list, linked.index, 'evidence');
      } else if (refKind(owner) !== null) {
        problem('workbook-unknown-ref', { ref: owner, guess: didYouMean(owner, [...refIndex.keys()]) }, ref(es, ecols.get('for')!, row));
        continue;
      } else {
        // A criterion id: its row on 评价项 may be missing (an unknown id is then the rubric check's to report).
        const entry = (criteria[owner] ??= {});
        list = (entry.evidence ??= []) as Array<Record<string, unknown>>;
        base = pointer('criteria', owner, 'evidence');
        if (!cells.has(pointer('criteria', owner))) cells.set(pointer('criteria', owner), ref(es, ecols.get('for')!, row));
      }
      const p = `${base}/${list.length}`;
      if (!cells.has(base)) cells.set(base, ref(es, ecols.get('for')!, row));
      cells.set(p, ref(es, ecols.get('for')!, row));
      for (const [k, c] of where) cells.set(`${p}/${k}`, c);
      list.push(item);
    }
  }

  // Only what was filled in: a criterion row with nothing typed is not assessed, as a key left out of YAML.
  const filled = Object.entries(criteria).filter(([, e]) => Object.keys(e).length > 0);
  if (filled.length) value.criteria = Object.fromEntries(filled);
  if (value.metrics && Object.keys(value.metrics as object).length === 0) delete value.metrics;
  if (deductions.length) value.specialDeductions = deductions;
  if (bonuses.length) value.bonus = bonuses.length === 1 ? bonuses[0] : bonuses;
  // One bonus is written as an object: its pointers drop the index.
  if (bonuses.length === 1) for (const [k, v] of [...cells]) if (k.startsWith('/bonus/0')) cells.set(`/bonus${k.slice('/bonus/0'.length)}`, v);
  return { value: ordered(value), cells, problems };
}

/** The evidence file's keys in the order the YAML file has them. */
function ordered(v: Record<string, unknown>): Record<string, unknown> {
  const order = ['schemaVersion', 'company', 'assessment', 'criteria', 'metrics', 'specialDeductions', 'datasets', 'commitments', 'bonus'];
  const out: Record<string, unknown> = {};
  for (const k of order) if (v[k] !== undefined) out[k] = v[k];
  for (const k of Object.keys(v)) if (!(k in out)) out[k] = v[k];
  return out;
}

/** 扣分1 / deduction 1 / Deduction1 → deduction:1; 加分1 / bonus1 → bonus:1; anything else null. */
function refKind(r: string): 'deduction' | 'bonus' | null {
  const n = normalRef(r);
  return n.startsWith('deduction:') ? 'deduction' : n.startsWith('bonus:') ? 'bonus' : null;
}
function normalRef(r: string): string {
  const t = r.trim().toLowerCase().replace(/\s+/g, '');
  const d = new RegExp(`^(?:${DEDUCTION_PREFIX['zh-CN']}|${DEDUCTION_PREFIX.en})#?(\\d+)$`).exec(t);
  if (d) return `deduction:${Number(d[1])}`;
  const b = new RegExp(`^(?:${BONUS_PREFIX['zh-CN']}|${BONUS_PREFIX.en})#?(\\d+)$`).exec(t);
  if (b) return `bonus:${Number(b[1])}`;
  return t;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A date cell (serial days) or a date typed as text — 2026-11-01, 2026/11/1, 2026.11.1, 2026年11月1日 —
 * as YYYY-MM-DD; null when it is neither or not a real day between 1900 and 2100.
 */
export function dateOf(raw: CellValue, date1904: boolean): string | null {
  let y: number;
  let m: number;
  let d: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1) return null;
    const t = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(raw) * 86_400_000);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else if (typeof raw === 'string') {
    const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const x = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00)?)?$/.exec(s);
    if (!x) return null;
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  } else return null;
  if (y < 1900 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
