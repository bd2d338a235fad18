import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from '../cli/run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'asa-wb-industry-'));

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The text of a cell whatever exceljs made of it (plain or rich text). */
const textOf = (v: ExcelJS.CellValue): string =>
  v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v === null || v === undefined ? '' : String(v);

// From reference/industries/smart-appliances.yaml, criterion 5.2.2.1 (typed here from the profile, not the tool):
// expects 电话、网络客服和上门之外，信息平台提供自助服务：在线咨询、故障申报和预约。 evidence 自助服务功能截图、各渠道受理量统计。
// source seed-004 第二章第一节；第九章第二节. The profile says nothing about 5.1.1.1: its cell stays blank.
const EXPECT_5221 = '电话、网络客服和上门之外，信息平台提供自助服务：在线咨询、故障申报和预约。';
const EVIDENCE_5221 = '典型证据：自助服务功能截图、各渠道受理量统计。';
const SOURCE_5221 = '（来源：《智能家电售后服务预案》第二章第一节；第九章第二节）';

describe('init --xlsx --industry smart-appliances', () => {
  const dir = join(tmp(), 'acme');
  const r = cli(['init', dir, '--xlsx', '--industry', 'smart-appliances', '--company', '某某电器有限公司', '--date', '2026-11-01']);
  const file = join(dir, 'company.xlsx');

  it('writes a workbook validate accepts, with company.industry set', async () => {
    expect(r.code, r.stderr).toBe(0);
    expect(cli(['validate', file]).code).toBe(0);
    const company = (await book(file)).getWorksheet('公司')!;
    const rows = (company.getSheetValues() as unknown[][]).filter(Boolean).map((row) => [row[1], row[3]]);
    expect(rows).toContainEqual(['company.industry', 'smart-appliances']);
  }, 180_000);

  it('puts the industry column, locked, right after 审核员期望, with the profile guidance and its source', async () => {
    const ws = (await book(file)).getWorksheet('评价项')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1, 7);
    expect(header).toEqual(['编号', '评价项', '分值', '审核员期望', '行业期望与典型证据', '状态']);
    const rowOf = (id: string) => (ws.getColumn(1).values as unknown[]).indexOf(id);
    const cell = ws.getRow(rowOf('5.2.2.1')).getCell(5);
    expect(textOf(cell.value).split('\n')).toEqual([EXPECT_5221, EVIDENCE_5221, SOURCE_5221]);
    // Locked (exceljs reads the default, locked, as undefined); the status cell beside it is open.
    expect(cell.protection?.locked).not.toBe(false);
    expect(ws.getRow(rowOf('5.2.2.1')).getCell(6).protection?.locked).toBe(false);
    expect(textOf(ws.getRow(rowOf('5.1.1.1')).getCell(5).value)).toBe('');
    // The status column keeps its drop-down, now one column to the right.
    expect(ws.getRow(rowOf('5.2.2.1')).getCell(6).dataValidation.formulae).toEqual(['"符合,部分符合,不符合,不适用"']);
  });

  it("lists the industry's typical commitments and KPIs on the instructions sheet, in both languages", async () => {
    const info = (await book(file)).getWorksheet('说明')!;
    const lines = (info.getColumn(1).values as unknown[]).map((v) => textOf(v as ExcelJS.CellValue));
    const all = lines.join('\n');
    expect(all).toContain('【行业】本工作簿按“智能家电”行业档案生成（公司表 company.industry = smart-appliances）');
    expect(all).toContain('本行业常见的服务承诺：维修后一定期限内同一问题免费再修（《智能家电售后服务预案》第五章第二节）');
    expect(all).toContain('本行业常用指标：远程解决占比（远程诊断、固件升级）、故障类别构成');
    expect(all).toContain('Commitments typical of the industry: Free re-repair of the same fault within a set period (《智能家电售后服务预案》第五章第二节)');
    expect(all).toContain('Indicators the industry is judged by: Share resolved remotely (remote diagnosis, firmware upgrade)');
  });

  it('reads back as the evidence the YAML scaffold with --industry holds (the column is not read)', () => {
    const out = join(dir, 'back.yaml');
    expect(cli(['convert', file, '--to', 'yaml', '--out', out]).code).toBe(0);
    const back = parse(readFileSync(out, 'utf8'));
    expect(back).toEqual({ schemaVersion: 1, company: { name: '某某电器有限公司', industry: 'smart-appliances' }, assessment: { date: '2026-11-01' } });
  });

  it('English workbook: the column header and the guidance in English', async () => {
    const d = join(tmp(), 'en');
    expect(cli(['init', d, '--xlsx', '--lang', 'en', '--industry', '智能家电', '--date', '2026-11-01']).code).toBe(0);
    const ws = (await book(join(d, 'company.xlsx'))).getWorksheet('Criteria')!;
    expect(ws.getRow(1).getCell(5).value).toBe('In this industry: expectation and typical evidence');
    const row = (ws.getColumn(1).values as unknown[]).indexOf('5.2.2.1');
    expect(textOf(ws.getRow(row).getCell(5).value)).toContain('Typical evidence: Screenshots of the self-service functions');
  });

  it('an unknown industry exits 2 with the nearest name, and writes nothing', () => {
    const d = join(tmp(), 'bad');
    const bad = cli(['init', d, '--xlsx', '--industry', 'smart-appliance']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('smart-appliances');
  });
});

describe('convert --to xlsx of a file whose company.industry names a profile', () => {
  it('carries the column, and the workbook gives the same report as the YAML (examples/five-star: 智能家电)', async () => {
    const d = join(tmp(), 'five-star');
    cpSync(join(ROOT, 'examples/five-star'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const ws = (await book(join(d, 'company.xlsx'))).getWorksheet('评价项')!;
    expect(ws.getRow(1).getCell(5).value).toBe('行业期望与典型证据');
    const a = JSON.parse(cli(['score', join(d, 'company.yaml'), '--format', 'json']).stdout);
    const b = JSON.parse(cli(['score', join(d, 'company.xlsx'), '--format', 'json']).stdout);
    expect(b.score).toEqual(a.score);
    expect(b.industry.id).toBe('smart-appliances');
    // Findings point at a line in the YAML and a cell in the workbook: the rest of each gap is the same.
    const gap = (g: { criterion: string; recoverable: number; effort: unknown; industry?: unknown }) => [g.criterion, g.recoverable, g.effort, g.industry];
    expect(b.gaps.map(gap)).toEqual(a.gaps.map(gap));
  }, 180_000);
});
