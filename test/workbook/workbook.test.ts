// company.xlsx: init --xlsx, reading a workbook exactly as its YAML, errors by sheet and cell, convert.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, allCriteria } from '../helpers.js';
import { cli } from '../cli/run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'asa-workbook-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Sets cells (`评价项!E2` → value) in a copy of the workbook. */
async function edited(file: string, out: string, edits: Record<string, ExcelJS.CellValue>): Promise<string> {
  const wb = await book(file);
  for (const [ref, v] of Object.entries(edits)) {
    const [sheet, cell] = ref.split('!') as [string, string];
    wb.getWorksheet(sheet)!.getCell(cell).value = v;
  }
  await wb.xlsx.writeFile(out);
  return out;
}

/** The report without where its input was: the file's path and sha256, and the findings' positions. */
function withoutSource(json: string): unknown {
  const r = JSON.parse(json) as Record<string, unknown>;
  delete r.evidenceFile;
  return JSON.parse(JSON.stringify(r, (k, v) => (['line', 'column', 'endLine', 'endColumn', 'cell'].includes(k) ? undefined : v)));
}

describe('init --xlsx', () => {
  const dir = join(tmp(), 'acme');
  const r = cli(['init', dir, '--xlsx', '--company', '某某电器有限公司', '--date', '2026-11-01']);

  it('writes company.xlsx and docs/, and validate accepts it as written', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'company.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'company.yaml'))).toBe(false);
    const v = cli(['validate', join(dir, 'company.xlsx')]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('有效');
  }, 180_000);

  it('lays out every rubric criterion with locked rubric columns, a status drop-down and frozen headers', async () => {
    const wb = await book(join(dir, 'company.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', '公司', '评价项', '证据', '数据', '扣分与加分']);
    const ws = wb.getWorksheet('评价项')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '编号',
      '评价项',
      '分值',
      '审核员期望',
      '状态',
      '抽样数',
      '合格数',
      '不适用理由',
      '备注',
      '责任人',
      '完成期限',
      '工作量（工作日）',
    ]);
    // One row per criterion of the bundled rubric, in rubric order, below the header.
    expect(ws.actualRowCount).toBe(allCriteria.length + 1);
    expect(ws.getCell('A2').value).toBe(allCriteria[0]!.id);
    expect(ws.getCell('C2').value).toBe(allCriteria[0]!.points);
    expect(ws.getCell('D2').value).toBe(allCriteria[0]!.expects['zh-CN']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"符合,部分符合,不符合,不适用"'] });
    // Cells are locked unless marked otherwise (exceljs reads the default as undefined); the sheet is protected.
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(ws.getCell('D2').protection?.locked).not.toBe(false);
    expect(ws.getCell('E2').protection?.locked).toBe(false);
    expect(ws.getCell('L2').protection?.locked).toBe(false);
    expect(ws.getCell('M2').protection?.locked).not.toBe(false);
    const xml = Object.entries(unzipSync(readFileSync(join(dir, 'company.xlsx')))).map(([, b]) => strFromU8(b));
    expect(xml.filter((x) => x.includes('<sheetProtection')).length).toBe(1);
    // Widths fit Chinese: the expectation column is the widest.
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(60);
    const company = wb.getWorksheet('公司')!;
    const dateRow = company.getColumn(1).values.indexOf('assessment.date');
    const date = company.getCell(dateRow, 3);
    expect(date.value).toEqual(new Date('2026-11-01T00:00:00.000Z'));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    const info = wb.getWorksheet('说明')!;
    const text = (info.getColumn(1).values as unknown[]).join('\n');
    expect(text).toContain('状态：从下拉列表选择');
    expect(text).toContain('Status: pick met / partial / not-met / n/a');
  }, 180_000);

  it('in English: English sheet names and statuses', async () => {
    const d = join(tmp(), 'en');
    expect(cli(['init', d, '--xlsx', '--lang', 'en', '--date', '2026-11-01']).code).toBe(0);
    const wb = await book(join(d, 'company.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Company', 'Criteria', 'Evidence', 'Data', 'Deductions and bonus']);
    expect(wb.getWorksheet('Criteria')!.getCell('E2').dataValidation.formulae).toEqual(['"met,partial,not-met,n/a"']);
  }, 180_000);

  it('never overwrites an existing workbook', () => {
    const again = cli(['init', dir, '--xlsx']);
    expect(again.code).toBe(2);
    noStack(again.stderr);
  }, 180_000);

  it('--rubric: the rows come from that rubric', async () => {
    const d = tmp();
    const src = readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8');
    // The first criterion's title changed: the workbook must show the given rubric's, not the bundled one's.
    const custom = src.replace(allCriteria[0]!.title['zh-CN'], '自定义的第一个评价项');
    expect(custom).not.toBe(src);
    writeFileSync(join(d, 'rubric.yaml'), custom);
    const r2 = cli(['init', join(d, 'x'), '--xlsx', '--rubric', join(d, 'rubric.yaml'), '--date', '2026-11-01']);
    expect(r2.code, r2.stderr).toBe(0);
    expect((await book(join(d, 'x/company.xlsx'))).getWorksheet('评价项')!.getCell('B2').value).toBe('自定义的第一个评价项');
  }, 180_000);
});

describe('a workbook is scored exactly as its YAML', () => {
  // README: three-star 81.4, failing 66.4; five-star at five stars. The JSON must be the YAML's, whatever it is.
  for (const [name, final] of [
    ['five-star', null],
    ['three-star', 81.4],
    ['failing', 66.4],
  ] as const) {
    // Each example copied once and converted: the tests below read the same workbook.
    let dir: string | undefined;
    const example = () => {
      if (dir) return dir;
      dir = join(tmp(), name);
      cpSync(join(ROOT, 'examples', name), dir, { recursive: true });
      const c = cli(['convert', join(dir, 'company.yaml'), '--to', 'xlsx']);
      expect(c.code, c.stderr).toBe(0);
      return dir;
    };

    it(`${name}: YAML → workbook gives the same JSON report apart from the source`, () => {
      const d = example();
      const fromYaml = cli(['score', join(d, 'company.yaml'), '--format', 'json']);
      const fromBook = cli(['score', join(d, 'company.xlsx'), '--format', 'json']);
      expect(fromBook.stderr).toBe(fromYaml.stderr);
      expect(fromBook.code).toBe(fromYaml.code);
      expect(withoutSource(fromBook.stdout)).toEqual(withoutSource(fromYaml.stdout));
      const report = JSON.parse(fromBook.stdout);
      if (final !== null) expect(report.score.final).toBe(final);
      else expect(report.level.id).toBe('five-star');
      expect(report.evidenceFile.path).toMatch(/company\.xlsx$/);
      // Findings point at cells, not at lines of a YAML file nobody wrote.
      const findings = JSON.stringify(report.sections);
      expect(findings).not.toMatch(/"line":/);
      if (name !== 'five-star') expect(findings).toMatch(/"cell":"(评价项|证据|数据|扣分与加分)!/);
      writeFileSync(join(d, 'base.json'), fromYaml.stdout);
    }, 180_000);

    it(`${name}: validate, diff, --baseline and a batch take the workbook as they take the YAML`, () => {
      const d = example();
      // three-star cites a file that is not there: validate says so for both, at the line or at the cell.
      const vy = cli(['validate', join(d, 'company.yaml')]);
      const vb = cli(['validate', join(d, 'company.xlsx')]);
      expect(vb.code).toBe(vy.code);
      if (vy.code !== 0) expect(vb.stderr).toMatch(/company\.xlsx: 证据![A-G]\d+: error:/);
      const diff = cli(['diff', join(d, 'company.yaml'), join(d, 'company.xlsx'), '--format', 'json']);
      expect(diff.code, diff.stderr).toBe(0);
      expect(JSON.parse(diff.stdout).scoreDelta).toBe(0);
      const base = join(d, 'base.json');
      if (!existsSync(base)) writeFileSync(base, cli(['score', join(d, 'company.yaml'), '--format', 'json']).stdout);
      const withBase = cli(['score', join(d, 'company.xlsx'), '--baseline', base, '--format', 'json']);
      expect(withBase.code, withBase.stderr).toBe(0);
      expect(JSON.parse(withBase.stdout).comparison.diff.scoreDelta).toBe(0);
      const batch = cli(['score', join(d, 'company.yaml'), join(d, 'company.xlsx'), '--format', 'jsonl']);
      const lines = batch.stdout
        .trim()
        .split('\n')
        .map((l) => withoutSource(l));
      expect(lines).toHaveLength(2);
      expect(lines[1]).toEqual(lines[0]);
    }, 180_000);
  }

  it('standard input: a workbook piped in is read the same way', () => {
    const d = join(tmp(), 'stdin');
    cpSync(join(ROOT, 'examples/three-star'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', '-', '--format', 'json'], {
      cwd: d,
      input: readFileSync(join(d, 'company.xlsx')),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).score.final).toBe(81.4);
  }, 180_000);
});

describe('--baseline REV reads the workbook at a git revision', () => {
  it('a criterion met in the working copy and not at HEAD is the difference', async () => {
    const d = join(tmp(), 'git');
    cpSync(join(ROOT, 'examples/three-star'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: d, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    expect(git('commit', '-qm', 'base').status).toBe(0);
    // 5.1.6.2 (2 points, not met at HEAD) becomes met with a web page as evidence.
    const wb = await book(join(d, 'company.xlsx'));
    const row = (wb.getWorksheet('评价项')!.getColumn(1).values as unknown[]).indexOf('5.1.6.2');
    await edited(join(d, 'company.xlsx'), join(d, 'company.xlsx'), {
      [`评价项!E${row}`]: '符合',
      '证据!A200': '5.1.6.2',
      '证据!C200': 'https://example.com/verified',
    });
    const r = cli(['score', join(d, 'company.xlsx'), '--baseline', 'HEAD', '--format', 'json'], {}, d);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    // By hand: 76.5 earned of 94 applicable at HEAD (81.4); +2 → 78.5 / 94 × 100 = 83.51 → 83.5; delta 2.1.
    expect(report.score.final).toBe(83.5);
    expect(report.comparison.diff.base.final).toBe(81.4);
    expect(report.comparison.diff.scoreDelta).toBe(2.1);
  }, 180_000);
});

describe('errors name the sheet and cell, in the report language, with the fix', () => {
  const dir = join(tmp(), 'e');
  cli(['init', dir, '--xlsx', '--company', '某某电器', '--date', '2026-11-01']);
  const wbFile = join(dir, 'company.xlsx');

  it('an unknown status gets a did-you-mean; text that is no date or number is refused; an unknown id is the rubric check', async () => {
    const bad = await edited(wbFile, join(dir, 'bad.xlsx'), {
      '评价项!E2': '符和',
      '评价项!K3': '下周',
      '评价项!F5': '十',
      '证据!A2': '5.1.1.9',
      '证据!C2': 'https://example.com/x',
    });
    const r = cli(['validate', bad]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(r.stderr).toContain('bad.xlsx: 评价项!E2: error: 状态“符和”不是可选值');
    expect(r.stderr).toContain('是否应为“符合”？');
    expect(r.stderr).toContain('评价项!K3: error: “下周”不是日期');
    expect(r.stderr).toContain('评价项!F5: error: “十”不是整数');
    expect(r.stderr).toContain('证据!A2: error:');
    expect(r.stderr).toContain('5.1.1.9');
    const en = cli(['validate', bad, '--lang', 'en']);
    expect(en.stderr).toContain('评价项!E2: error: status "符和" is not one of the choices');
    expect(en.stderr).toContain('Did you mean "符合"?');
  }, 180_000);

  it('dates typed as text are read; English statuses are read in a Chinese workbook', async () => {
    const ok = await edited(wbFile, join(dir, 'ok.xlsx'), {
      '评价项!E2': 'met',
      '评价项!K2': '2027/3/5',
      '评价项!J2': '王强',
      '证据!A2': allCriteria[0]!.id,
      '证据!C2': 'https://example.com/org',
      '证据!E2': '2026年3月1日',
    });
    const r = cli(['convert', ok, '--to', 'yaml', '--out', join(dir, 'ok.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const y = parse(readFileSync(join(dir, 'ok.yaml'), 'utf8'));
    expect(y.criteria[allCriteria[0]!.id]).toEqual({
      status: 'met',
      owner: '王强',
      due: '2027-03-05',
      evidence: [{ url: 'https://example.com/org', date: '2026-03-01' }],
    });
  }, 180_000);

  it('a schema error lands on the cell: n/a without a justification, a missing cited file', async () => {
    const naId = allCriteria.find((c) => c.notApplicable)!.id;
    const wb = await book(wbFile);
    const row = (wb.getWorksheet('评价项')!.getColumn(1).values as unknown[]).indexOf(naId);
    const bad = await edited(wbFile, join(dir, 'na.xlsx'), { [`评价项!E${row}`]: '不适用' });
    const r = cli(['validate', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`na.xlsx: 评价项!A${row}: error:`);
    expect(r.stderr).toContain('justification');
    const missing = await edited(wbFile, join(dir, 'missing.xlsx'), { '评价项!E2': '符合', '证据!A2': allCriteria[0]!.id, '证据!B2': 'docs/nope.pdf' });
    const m = cli(['validate', missing, '--lang', 'en']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('missing.xlsx: 证据!B2: error: the cited file docs/nope.pdf does not exist');
    expect(m.stderr).toContain('docs/nope.pdf');
  }, 180_000);
});

describe('convert', () => {
  it('YAML → workbook → YAML keeps everything the contract holds (the three-star example)', () => {
    const d = join(tmp(), 'rt');
    cpSync(join(ROOT, 'examples/three-star'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const back = cli(['convert', join(d, 'company.xlsx'), '--to', 'yaml', '--out', join(d, 'back.yaml')]);
    expect(back.code, back.stderr).toBe(0);
    expect(parse(readFileSync(join(d, 'back.yaml'), 'utf8'))).toEqual(parse(readFileSync(join(d, 'company.yaml'), 'utf8')));
  }, 180_000);

  it('refuses to replace an existing file unless --out names it, and never writes over its input', () => {
    const d = join(tmp(), 'guard');
    cpSync(join(ROOT, 'examples/three-star'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const again = cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('company.xlsx');
    const over = cli(['convert', join(d, 'company.xlsx'), '--to', 'yaml', '--out', join(d, 'company.xlsx')]);
    expect(over.code).toBe(2);
    noStack(over.stderr);
    const invalid = join(d, 'invalid.yaml');
    writeFileSync(invalid, 'schemaVersion: 1\ncompany: {}\n');
    expect(cli(['convert', invalid, '--to', 'xlsx']).code).toBe(2);
    expect(existsSync(join(d, 'invalid.xlsx'))).toBe(false);
  }, 180_000);
});
