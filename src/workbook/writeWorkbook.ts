import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { EvidenceFile, EvidenceItem } from '../model/evidence.js';
import type { Lang, Localized } from '../model/localized.js';
import type { Rubric } from '../model/rubric.js';
import { criteriaOf } from '../model/criteriaOf.js';
import {
  BONUS_PREFIX,
  COMPANY_FIELDS,
  type Column,
  DATA_FIELDS,
  DEDUCTION_PREFIX,
  FIELD_COLUMNS,
  SHEETS,
  STATUS_WORDS,
  criteriaColumns,
  type CellKind,
  type SheetId,
} from './layout.js';

export interface WorkbookText {
  /** The instructions sheet: lines in Chinese, then in English (from messages/). */
  instructions: { 'zh-CN': string[]; en: string[] };
  /** A sheet added after the evidence sheets (the mock audit's checklist): the reader passes over it. */
  extraSheet?: ExtraSheet;
  /**
   * With an industry profile: per criterion id, its expectation and typical evidence in the industry (worded in
   * messages/), written in a locked column beside 审核员期望. Criteria the profile does not speak to stay blank.
   */
  industryColumn?: Record<string, Localized>;
}

/** A plain sheet laid out elsewhere (render/): rows of cells; `heading` rows bold, `fill` cells left open to type in. */
export interface ExtraSheet {
  name: string;
  widths: number[];
  rows: Array<{ kind: 'title' | 'heading' | 'header' | 'text' | 'item' | 'total'; cells: Array<string | number | null> }>;
}

/**
 * The evidence file as a workbook laid out by layout.ts: every rubric criterion one row (rubric columns
 * locked), evidence items one row each keyed by criterion id, company and data as field/value rows.
 * `evidence` fills it in (convert); the scaffold passes a file with only the company and the date (init).
 */
export async function writeWorkbook(rubric: Rubric, evidence: EvidenceFile, lang: Lang, text: WorkbookText): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'aftersales-assess';
  // The assessment date, not the clock: the same input gives the same document properties.
  const stamp = toDate(evidence.assessment.date) ?? new Date(0);
  wb.created = stamp;
  wb.modified = stamp;
  const name = (id: SheetId) => SHEETS[id].name[lang];

  // 说明
  const info = wb.addWorksheet(name('instructions'));
  info.getColumn(1).width = 110;
  for (const line of [...text.instructions[lang], '', ...text.instructions[lang === 'en' ? 'zh-CN' : 'en']]) {
    const row = info.addRow([line]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  info.getRow(1).font = { bold: true, size: 14 };

  // 公司
  const company = sheet(wb, 'company', lang);
  const companyRows: Array<[string, string, unknown, CellKind]> = [];
  const label = (field: string) => COMPANY_FIELDS.find((f) => f.field === field)?.label[lang] ?? '';
  for (const f of COMPANY_FIELDS) {
    const [scope, key] = f.field.split('.') as ['company' | 'assessment', string];
    const value = (evidence[scope] as Record<string, unknown>)[key];
    if (Array.isArray(value) && f.field === 'company.products') {
      for (const v of value.length ? value : [undefined]) companyRows.push([f.field, f.label[lang], v, f.kind]);
    } else companyRows.push([f.field, f.label[lang], value, f.kind]);
  }
  for (const [key, value] of Object.entries(evidence.company)) {
    if (COMPANY_FIELDS.some((f) => f.field === `company.${key}`)) continue;
    // A structured extra field (a list, a mapping) is kept as JSON text under company.KEY:json.
    const structured = value !== null && typeof value === 'object';
    companyRows.push([
      `company.${key}${structured ? ':json' : ''}`,
      label(''),
      structured ? JSON.stringify(value) : value,
      typeof value === 'number' ? 'number' : 'text',
    ]);
  }
  fieldRows(company, companyRows);

  // 评价项
  const ccols = criteriaColumns(text.industryColumn !== undefined);
  const criteria = sheet(wb, 'criteria', lang, ccols);
  const statusList = `"${Object.values(STATUS_WORDS)
    .map((w) => w[lang])
    .join(',')}"`;
  for (const c of criteriaOf(rubric)) {
    const e = evidence.criteria?.[c.id] ?? {};
    const row = criteria.addRow({
      id: c.id,
      title: c.title[lang],
      points: c.points,
      expects: c.expects[lang],
      industryExpects: text.industryColumn?.[c.id]?.[lang] ?? null,
      status: e.status ? STATUS_WORDS[e.status][lang] : null,
      checked: e.sample?.checked ?? null,
      conforming: e.sample?.conforming ?? null,
      justification: e.justification ?? null,
      note: e.note ?? null,
      owner: e.owner ?? null,
      due: toDate(e.due),
      effort: e.effort ?? null,
    });
    styleRow(row, ccols);
    row.getCell('status').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [statusList],
      showErrorMessage: true,
      errorTitle: lang === 'en' ? 'Status' : '状态',
      error: Object.values(STATUS_WORDS)
        .map((w) => w[lang])
        .join(' / '),
    };
  }
  // The rubric's columns cannot be typed over; rows below stay open for nothing else (ids come from the rubric).
  await criteria.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });

  // 证据
  const ev = sheet(wb, 'evidence', lang);
  const items = (ref: string, list: EvidenceItem[] | undefined) => {
    for (const it of list ?? []) {
      const row = ev.addRow({
        for: ref,
        file: it.file ?? null,
        url: it.url ?? null,
        title: it.title ?? null,
        date: toDate(it.date),
        expires: toDate(it.expires),
        sha256: it.sha256 ?? null,
      });
      styleRow(row, SHEETS.evidence.columns);
    }
  };
  for (const [id, e] of Object.entries(evidence.criteria ?? {})) items(id, e.evidence);
  (evidence.specialDeductions ?? []).forEach((d, i) => {
    items(`${DEDUCTION_PREFIX[lang]}${i + 1}`, d.evidence);
  });
  const bonuses = evidence.bonus === undefined ? [] : Array.isArray(evidence.bonus) ? evidence.bonus : [evidence.bonus];
  bonuses.forEach((b, i) => {
    items(`${BONUS_PREFIX[lang]}${i + 1}`, b.evidence);
  });
  // Empty rows formatted for dates, so that what a person types there is a date cell.
  for (let i = 0; i < 200; i++) styleRow(ev.addRow({}), SHEETS.evidence.columns);

  // 数据
  const data = sheet(wb, 'data', lang);
  const dataRows: Array<[string, string, unknown, CellKind]> = [];
  const metricIds = new Set([...Object.keys(rubric.metrics ?? {}), ...Object.keys(evidence.metrics ?? {})]);
  for (const id of metricIds) {
    const m = rubric.metrics?.[id];
    dataRows.push([`metrics.${id}`, m ? m.title[lang] : '', evidence.metrics?.[id], 'number']);
  }
  for (const f of DATA_FIELDS) {
    const [scope, key] = f.field.split('.') as ['commitments' | 'datasets', string];
    const value = (evidence[scope] as Record<string, unknown> | undefined)?.[key];
    if (Array.isArray(value)) for (const v of value.length ? value : [undefined]) dataRows.push([f.field, f.label[lang], v, f.kind]);
    else dataRows.push([f.field, f.label[lang], value, f.kind]);
  }
  fieldRows(data, dataRows);

  // 扣分与加分
  const ded = sheet(wb, 'deductions', lang);
  for (const [i, d] of (evidence.specialDeductions ?? []).entries())
    styleRow(ded.addRow({ ref: `${DEDUCTION_PREFIX[lang]}${i + 1}`, clause: d.clause, reason: d.reason }), SHEETS.deductions.columns);
  for (const [i, b] of bonuses.entries())
    styleRow(ded.addRow({ ref: `${BONUS_PREFIX[lang]}${i + 1}`, clause: null, reason: b.reason }), SHEETS.deductions.columns);
  for (let i = 0; i < 20; i++) styleRow(ded.addRow({}), SHEETS.deductions.columns);

  if (text.extraSheet) addExtraSheet(wb, text.extraSheet);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addExtraSheet(wb: ExcelJS.Workbook, x: ExtraSheet): void {
  const ws = wb.addWorksheet(x.name);
  x.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const r of x.rows) {
    const row = ws.addRow(r.cells.map((c) => (typeof c === 'string' ? cellText(c) : c)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.kind === 'title') row.font = { bold: true, size: 14 };
    if (r.kind === 'heading') row.font = { bold: true };
    if (r.kind === 'header') {
      row.font = { bold: true };
      row.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      });
    }
    if (r.kind === 'item' || r.kind === 'total') {
      // The checked / conforming boxes: a tick or 1 typed in each, counted by hand into 评价项.
      for (const col of [3, 4]) {
        const cell = row.getCell(col);
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      }
    }
  }
}

/**
 * The same workbook with every zip entry stamped with `isoDate` (the assessment date) instead of the time it was written: exceljs stamps
 * the clock, so two runs on the same input would differ in bytes. Entries keep their order and content.
 */
export function stableZip(bytes: Uint8Array, isoDate: string): Buffer {
  // fflate writes the DOS date from local-time fields: a local midnight gives the same fields in every zone.
  // DOS time starts in 1980; a zip cannot say earlier.
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const mtime = y >= 1980 && y <= 2107 ? new Date(y, m - 1, d) : new Date(1980, 0, 1);
  const files = unzipSync(bytes);
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 }));
}

function sheet(wb: ExcelJS.Workbook, id: SheetId, lang: Lang, columns: readonly Column[] = SHEETS[id].columns): ExcelJS.Worksheet {
  const layout = SHEETS[id];
  const ws = wb.addWorksheet(layout.name[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header[lang], key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  head.alignment = { vertical: 'middle', wrapText: true };
  return ws;
}

/** Field / label / value rows (公司, 数据): the field and its label locked, the value open. */
function fieldRows(ws: ExcelJS.Worksheet, rows: Array<[string, string, unknown, CellKind]>): void {
  for (const [field, label, value, kind] of rows) {
    const v = kind === 'date' && typeof value === 'string' ? toDate(value) : (value ?? null);
    const row = ws.addRow({ field, label, value: v });
    styleRow(row, FIELD_COLUMNS);
    const cell = row.getCell('value');
    if (kind === 'date') cell.numFmt = 'yyyy-mm-dd';
    if (kind === 'text') cell.numFmt = '@';
  }
}

/** Column formats and locks of a row: dates as dates, text as text (so 5.10 stays 5.10), rubric cells locked. */
function styleRow(row: ExcelJS.Row, columns: readonly Column[]): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (typeof cell.value === 'string') cell.value = cellText(cell.value);
    cell.protection = { locked: c.locked === true };
    cell.alignment = { vertical: 'top', wrapText: c.kind === 'text' };
    if (c.kind === 'date') cell.numFmt = 'yyyy-mm-dd';
    else if (c.kind === 'text' || c.kind === 'ref') cell.numFmt = '@';
  });
}

/**
 * Text as OOXML stores it: a literal `_x0041_` would be read back as "A" by Excel and by our reader, so its
 * underscore is escaped (`_x005F_`), as the standard says.
 */
function cellText<T>(v: T): T {
  return (typeof v === 'string' ? v.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : v) as T;
}

/** YYYY-MM-DD as the date cell Excel shows as that day (midnight UTC: no time-zone shift). */
function toDate(iso: string | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return new Date(`${iso}T00:00:00.000Z`);
}
