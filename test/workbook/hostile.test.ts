// Hostile workbooks get the guards survey XLSX gets, and caps that fit an evidence file.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { WORKBOOK_MAX_CELL_CHARS, WORKBOOK_MAX_PART_BYTES, WORKBOOK_MAX_ROWS } from '../../src/workbook/xlsxCells.js';

const WORKBOOK = `<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="公司" sheetId="1" r:id="rId1"/><sheet name="评价项" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>`;
const COMPANY = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>字段</t></is></c><c r="C1" t="inlineStr"><is><t>填写</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>company.name</t></is></c><c r="C2" t="inlineStr"><is><t>某公司</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>assessment.date</t></is></c><c r="C3"><v>46327</v></c></row></sheetData></worksheet>`;

function workbook(criteriaRows: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(RELS),
    'xl/worksheets/sheet1.xml': strToU8(COMPANY),
    'xl/worksheets/sheet2.xml': strToU8(
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="E1" t="inlineStr"><is><t>状态</t></is></c></row>${criteriaRows}</sheetData></worksheet>`,
    ),
    ...extra,
  });
}

function refusal(bytes: Uint8Array): string {
  try {
    readWorkbook('hostile.xlsx', bytes);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => d.code).join(',');
    throw e;
  }
  return 'read';
}

describe('hostile evidence workbooks', () => {
  it('a minimal workbook reads (the serial 46327 is 2026-11-01: 46327 days after 1899-12-30)', () => {
    const r = readWorkbook(
      'ok.xlsx',
      workbook('<row r="2"><c r="A2" t="inlineStr"><is><t>5.1.1.1</t></is></c><c r="E2" t="inlineStr"><is><t>符合</t></is></c></row>'),
    );
    expect(r.value).toEqual({ schemaVersion: 1, company: { name: '某公司' }, assessment: { date: '2026-11-01' }, criteria: { '5.1.1.1': { status: 'met' } } });
  });

  it('formulas are never evaluated: the cached value is read, a formula without one is empty', () => {
    const r = readWorkbook(
      'f.xlsx',
      workbook('<row r="2"><c r="A2" t="str"><f>"5.1.1."&amp;1</f><v>5.1.1.1</v></c><c r="E2" t="str"><f>WEBSERVICE("http://x")</f></c></row>'),
    );
    expect(r.value.criteria).toBeUndefined();
  });

  it('a zip bomb (a part declaring more than the cap) is refused before it is inflated', () => {
    // 33 MiB of one character compresses to ~33 KB: under the file-size limit, over the part cap.
    const big = new Uint8Array(WORKBOOK_MAX_PART_BYTES + 1024).fill(0x20);
    expect(refusal(workbook('', { 'xl/sharedStrings.xml': big }))).toBe('xlsx-too-large');
  });

  it('a cell longer than Excel allows, rows beyond the cap and a sheet reaching XFD1048576 are refused', () => {
    const long = 'x'.repeat(WORKBOOK_MAX_CELL_CHARS + 1);
    expect(refusal(workbook(`<row r="2"><c r="D2" t="inlineStr"><is><t>${long}</t></is></c></row>`))).toBe('workbook-limit');
    expect(refusal(workbook(`<row r="${WORKBOOK_MAX_ROWS + 1}"><c r="A${WORKBOOK_MAX_ROWS + 1}"><v>1</v></c></row>`))).toBe('workbook-limit');
    const far = `<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    expect(refusal(workbook('', { 'xl/worksheets/sheet1.xml': strToU8(far) }))).toBe('xlsx-extent');
  });

  it('not a zip at all, or without a workbook part', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('xlsx-unreadable');
    expect(refusal(zipSync({ 'a.txt': strToU8('x') }))).toBe('xlsx-unreadable');
  });

  it('entities and OOXML escapes decode; a numeric entity beyond Unicode becomes U+FFFD', () => {
    const r = readWorkbook(
      'e.xlsx',
      workbook('<row r="2"><c r="A2" t="inlineStr"><is><t>5.1.1.1</t></is></c><c r="E2" t="inlineStr"><is><t>&#x7B26;合</t></is></c></row>'),
    );
    expect((r.value.criteria as Record<string, unknown>)['5.1.1.1']).toEqual({ status: 'met' });
  });
});
