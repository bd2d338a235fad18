// `audit-plan` through the built CLI: contract, draws from the records, determinism, the workbook round trip, safety.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../cli/run.js';
import { ROOT } from '../helpers.js';

const WITH_DATA = 'examples/with-data/company.yaml';
const FIVE = 'examples/five-star/company.yaml';
const TICKETS = join(ROOT, 'examples/with-data/data/tickets-2026Q3.csv');
// Each test runs the CLI several times (workbooks, PDFs): on a loaded two-core machine that exceeds 20 s.
vi.setConfig({ testTimeout: 120_000 });
const tmp = mkdtempSync(join(tmpdir(), 'audit-plan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Plan {
  seed: { value: number; source: string };
  records: unknown;
  criteria: Array<{
    id: string;
    sampleSize: number | null;
    population: { size: number | null; source: { kind: string; type?: string } };
    items: Array<{ position: number; line?: number; id?: string }>;
  }>;
}
const plan = (args: string[]): Plan => {
  const r = cli(['audit-plan', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Plan;
};

/** The with-data example copied, with the population sizes of its slots declared (40 outlets, 120 staff files). */
function companyCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'examples/with-data'), dir, { recursive: true });
  const file = join(dir, 'company.yaml');
  const text = readFileSync(file, 'utf8').replace('metrics:\n', 'metrics:\n  serviceOutlets: 40\n  serviceStaff: 120\n');
  writeFileSync(file, text);
  return file;
}

describe('audit-plan JSON contract (schema/audit-plan.schema.json)', () => {
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
    JSON.parse(readFileSync(join(ROOT, 'schema/audit-plan.schema.json'), 'utf8')),
  );
  it.each([WITH_DATA, FIVE, 'examples/failing/company.yaml'])('%s validates', (file) => {
    const p = plan([file]);
    const ok = validate(p);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('with metrics and records: validates, and no absolute path in it', () => {
    const r = cli(['audit-plan', companyCopy('schema'), '--format', 'json']);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
    expect(r.stdout).not.toContain(ROOT);
  });
});

describe('draws from the records dataset', () => {
  // The export, read here independently: data row i is on line i + 1 (the header is line 1); column 2 is 类型.
  const rows = readFileSync(TICKETS, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l, i) => ({ line: i + 2, id: l.split(',')[0]!, type: l.split(',')[1]! }));
  const ofType = (t: string) => rows.filter((r) => r.type === t);

  it('N per type is the export’s count of that type; n by the rule (94 → 10, 181 → 14, 83 → 10, 42 → 7)', () => {
    const p = plan([WITH_DATA]);
    const by = Object.fromEntries(p.criteria.map((c) => [c.id, c]));
    // Counted above from the CSV: 安装 94, 维修 181, 咨询 83, 投诉 42 (all 400 rows valid).
    expect([ofType('安装').length, ofType('维修').length, ofType('咨询').length, ofType('投诉').length]).toEqual([94, 181, 83, 42]);
    expect(by['5.2.3.2']).toMatchObject({ population: { size: 94, source: { kind: 'records', type: 'installation' } }, sampleSize: 10 });
    expect(by['5.2.4.2']).toMatchObject({ population: { size: 181 }, sampleSize: 14 });
    expect(by['5.2.4.3']).toMatchObject({ population: { size: 181 }, sampleSize: 14 });
    expect(by['5.3.1.1']).toMatchObject({ population: { size: 83 }, sampleSize: 10 });
    expect(by['5.3.2.2']).toMatchObject({ population: { size: 42 }, sampleSize: 7 });
    // Without metrics.serviceOutlets the outlets are unknown: nothing drawn, the plan says what to add.
    expect(by['5.1.1.2']).toMatchObject({ population: { size: null, source: { kind: 'none' } }, sampleSize: null, items: [] });
  });

  it('item at position p is the p-th ticket of its type: its line and id as in the export', () => {
    const p = plan([WITH_DATA]);
    const types: Record<string, string> = { installation: '安装', repair: '维修', consultation: '咨询', complaint: '投诉' };
    for (const c of p.criteria.filter((x) => x.population.source.kind === 'records')) {
      const list = ofType(types[c.population.source.type!]!);
      for (const item of c.items) expect({ line: item.line, id: item.id }).toEqual({ line: list[item.position - 1]!.line, id: list[item.position - 1]!.id });
    }
  });

  it('ids are masked as the records analysis masks them (a phone number in an id)', () => {
    const dir = join(tmp, 'masked');
    cpSync(join(ROOT, 'examples/with-data'), dir, { recursive: true });
    // Every complaint id becomes a mobile number: none may appear in the plan.
    const csv = readFileSync(TICKETS, 'utf8').replace(/^T(\d{7}),投诉,/gm, (_m, n: string) => `13812${n.slice(1)},投诉,`);
    writeFileSync(join(dir, 'data/tickets-2026Q3.csv'), csv);
    const out = cli(['audit-plan', join(dir, 'company.yaml'), '--format', 'json']).stdout;
    const complaints = (JSON.parse(out) as Plan).criteria.find((c) => c.id === '5.3.2.2')!;
    expect(complaints.items.length).toBe(7);
    for (const item of complaints.items) expect(item.id).toBe('[phone]');
    expect(out).not.toMatch(/13812\d{6}/);
  });
});

describe('seeds and determinism', () => {
  it('the default seed is the first 32 bits of sha256(company name, newline, assessment date), printed with the command to repeat it', () => {
    // examples/with-data: company.name 华东示例电器有限公司, assessment.date 2026-11-01 (README: "The draws").
    const sha = createHash('sha256').update('华东示例电器有限公司\n2026-11-01').digest('hex');
    const seed = Number.parseInt(sha.slice(0, 8), 16);
    expect(plan([WITH_DATA]).seed).toEqual({ value: seed, source: 'company-and-date' });
    const text = cli(['audit-plan', WITH_DATA]).stdout;
    expect(text).toContain(`--seed ${seed}`);
    expect(text).toContain('本工具规则，非标准规定');
    expect(cli(['audit-plan', WITH_DATA, '--lang', 'en']).stdout).toContain('our rule, not the standard’s');
    // Repeating with the printed seed gives the same draws.
    expect(plan([WITH_DATA, '--seed', String(seed)]).criteria).toEqual(plan([WITH_DATA]).criteria);
  });

  it.each(['json', 'terminal', 'html'])('same seed → identical bytes (%s); another seed → other draws', (format) => {
    const a = cli(['audit-plan', WITH_DATA, '--seed', '42', '--format', format]).stdout;
    expect(cli(['audit-plan', WITH_DATA, '--seed', '42', '--format', format]).stdout).toBe(a);
    expect(cli(['audit-plan', WITH_DATA, '--seed', '43', '--format', format]).stdout).not.toBe(a);
  });

  it('xlsx: same seed → identical bytes (zip entries stamped with the assessment date, not the clock)', () => {
    const file = companyCopy('bytes');
    const [a, b] = ['a.xlsx', 'b.xlsx'].map((n) => {
      const out = join(tmp, 'bytes', n);
      expect(cli(['audit-plan', file, '--seed', '9', '--format', 'xlsx', '--out', out]).code).toBe(0);
      return readFileSync(out);
    });
    expect(Buffer.compare(a!, b!)).toBe(0);
  });

  it('HTML carries both languages and the rule’s label', () => {
    const html = cli(['audit-plan', WITH_DATA, '--format', 'html']).stdout;
    expect(html).toContain('data-l="zh-CN"');
    expect(html).toContain('data-l="en"');
    expect(html).toContain('本工具规则，非标准规定');
    expect(html).toContain('our rule, not the standard’s');
  });
});

describe('the default seed survives the workbook and typed-in results', () => {
  it('audit-plan of the workbook it wrote, and of the YAML with a sample typed in, draws the same items', () => {
    const file = companyCopy('sameseed');
    const out = join(tmp, 'sameseed', 'company.audit.xlsx');
    expect(cli(['audit-plan', file, '--format', 'xlsx']).code).toBe(0);
    const draws = (p: Plan) => p.criteria.map((c) => [c.id, c.items.map((i) => i.position)]);
    const fromYaml = plan([file]);
    expect(draws(plan([out]))).toEqual(draws(fromYaml));
    writeFileSync(file, readFileSync(file, 'utf8').replace('serviceStaff: 120\n', 'serviceStaff: 120\n  # results typed in\n'));
    expect(draws(plan([file]))).toEqual(draws(fromYaml));
  });
  it('a recorded sample larger than the population is pointed out', () => {
    const file = companyCopy('oversample');
    writeFileSync(file, readFileSync(file, 'utf8').replace('serviceOutlets: 40', 'serviceOutlets: 5'));
    // The example records 18 of 20 outlet samples conforming; 20 > 5.
    expect(cli(['audit-plan', file]).stdout).toContain('抽样数 20 大于总体 5：请核对两者');
  });
});

describe('PDF checklist', () => {
  it.each([
    ['zh-CN', '本工具规则，非标准规定', '维修单 #'],
    ['en', 'our rule, not the standard’s', 'repair order #'],
  ])('%s: the rule labelled ours, the drawn items, every glyph in the font; same seed → same bytes', (lang, label, item) => {
    const out = (n: string) => join(tmp, `plan-${lang}-${n}.pdf`);
    for (const n of ['a', 'b']) {
      const r = cli(['audit-plan', WITH_DATA, '--seed', '3', '--format', 'pdf', '--lang', lang, '--out', out(n)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(Buffer.compare(readFileSync(out('a')), readFileSync(out('b')))).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out('a'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(label);
    expect(text).toContain(item);
    expect(text).toContain('--seed 3');
  });
});

describe('the workbook round trip: counts typed into 评价项 feed the next score', () => {
  it('audit-plan --format xlsx → fill 抽样数 / 合格数 → score: 5.1.1.2 earns 2 × 5/7', async () => {
    const file = companyCopy('roundtrip');
    const out = join(tmp, 'roundtrip', 'company.audit.xlsx');
    // The default name, beside the evidence file (so the cited paths resolve).
    const r = cli(['audit-plan', file, '--format', 'xlsx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);

    // Untouched, the workbook is the evidence: it scores as the YAML does (96.7; its 5.1.1.2 is partial 18/20 → 1.8).
    const score = (f: string) =>
      JSON.parse(cli(['score', f, '--format', 'json']).stdout) as {
        score: { earned: number; final: number };
        sections: Array<{ clauses: Array<{ criteria: Array<{ id: string; earned: number }> }> }>;
      };
    const earned = (rep: ReturnType<typeof score>, id: string) =>
      rep.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).find((c) => c.id === id)!.earned;
    const yaml = score(file);
    const before = score(out);
    expect(before.score).toEqual(yaml.score);
    expect(earned(before, '5.1.1.2')).toBe(1.8);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The checklist: 40 outlets → 7 drawn, one row each.
    const sheet = wb.getWorksheet('抽样清单')!;
    const itemRows: string[] = [];
    sheet.eachRow((row) => {
      const v = String(row.getCell(2).value ?? '');
      if (/^网点 #\d+$/.test(v)) itemRows.push(v);
    });
    expect(itemRows).toHaveLength(7);
    // The auditor checked those 7 outlets, 5 conformed: typed into 评价项 as a person would.
    const criteria = wb.getWorksheet('评价项')!;
    const header = criteria.getRow(1).values as string[];
    const col = (name: string) => header.indexOf(name);
    let done = false;
    criteria.eachRow((row) => {
      if (row.getCell(col('编号')).value !== '5.1.1.2') return;
      row.getCell(col('抽样数')).value = 7;
      row.getCell(col('合格数')).value = 5;
      done = true;
    });
    expect(done).toBe(true);
    const filled = join(tmp, 'roundtrip', 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    const after = score(filled);
    // 2 points × 5/7 = 1.428571… → 1.43; the total moves by 1.428571 − 1.8 = −0.371429 points (applicable 100).
    expect(earned(after, '5.1.1.2')).toBeCloseTo(1.43, 2);
    expect(after.score.earned).toBeCloseTo(yaml.score.earned - 1.8 + 10 / 7, 2);
  });
});

describe('safety', () => {
  it('a records dataset that is missing: said so, its populations unknown, nothing drawn from it', () => {
    const file = companyCopy('norecords');
    rmSync(join(tmp, 'norecords/data/tickets-2026Q3.csv'));
    const r = cli(['audit-plan', file, '--format', 'json']);
    expect(r.code).toBe(0);
    // Said on standard error in words, so a CI log shows it; the terminal plan says the same, not a code.
    expect(r.stderr).toContain('警告: 服务记录：data/tickets-2026Q3.csv 无法使用（文件不存在）；请修正 datasets.records 后重新运行');
    const p = JSON.parse(r.stdout) as Plan;
    expect(p.records).toEqual({ file: 'data/tickets-2026Q3.csv', read: false, reason: 'missing' });
    const text = cli(['audit-plan', file]).stdout;
    expect(text).not.toMatch(/（missing）/);
    expect(text).toContain('未知：已声明服务记录（datasets.records），但无法使用（见上）');
    const repairs = p.criteria.find((c) => c.id === '5.2.4.2')!;
    expect(repairs).toMatchObject({ population: { size: null, source: { kind: 'none', records: 'repair' } }, items: [] });
    // The slots from metrics are still drawn: 40 outlets → 7.
    expect(p.criteria.find((c) => c.id === '5.1.1.2')!.items).toHaveLength(7);
  });
  it('property: hostile evidence text gives exit 0 or 2, never an internal error or a stack', () => {
    const dir = join(tmp, 'hostile');
    mkdirSync(dir, { recursive: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom(
            'schemaVersion: 1\ncompany: {name: x}\nassessment: {date: 2026-13-40}\n',
            'a: &a [*a]\n',
            '{{{',
            '\u0000\u001b[2J',
            'metrics: {serviceOutlets: -1}\n',
          ),
        ),
        (text) => {
          const f = join(dir, 'company.yaml');
          writeFileSync(f, `schemaVersion: 1\ncompany: { name: 甲 }\nassessment: { date: 2026-11-01 }\n${text}`);
          const r = cli(['audit-plan', f, '--format', 'json']);
          expect([0, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
          if (r.code === 2) expect(r.stderr).toMatch(/company\.yaml(:\d+:\d+)?: /);
        },
      ),
      { seed: 24, numRuns: 15 },
    );
  });
  it('a workbook (company.xlsx) is read as its YAML: with the same seed, the same criteria and draws', () => {
    const file = companyCopy('fromxlsx');
    const xlsx = file.replace(/\.yaml$/, '.xlsx');
    expect(cli(['convert', file, '--to', 'xlsx']).code).toBe(0);
    expect(plan([xlsx, '--seed', '5']).criteria).toEqual(plan([file, '--seed', '5']).criteria);
  });
  it('a bad cell in a workbook: exit 2 naming sheet and cell', async () => {
    const file = companyCopy('badcell');
    const xlsx = file.replace(/\.yaml$/, '.xlsx');
    expect(cli(['convert', file, '--to', 'xlsx']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('评价项')!;
    ws.getRow(2).getCell(5).value = '符和';
    await wb.xlsx.writeFile(xlsx);
    const r = cli(['audit-plan', xlsx]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('评价项!E2');
  });
  it('bad YAML: exit 2 with file:line:col, no stack', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'schemaVersion: 1\ncompany: { name: x\n');
    const r = cli(['audit-plan', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it.each([['abc'], ['-1'], ['4294967296'], ['1.5']])('--seed %s: exit 2', (seed) => {
    const r = cli(['audit-plan', WITH_DATA, `--seed=${seed}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
  });
  it('never over the input; an existing default workbook is not replaced', () => {
    const file = companyCopy('safety');
    const text = readFileSync(file, 'utf8');
    expect(cli(['audit-plan', file, '--out', file]).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const out = file.replace(/\.yaml$/, '.audit.xlsx');
    writeFileSync(out, 'someone’s edits');
    const r = cli(['audit-plan', file, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('someone’s edits');
  });
});

describe('folder batches pick up company.xlsx (#24)', () => {
  it('company.xlsx is scored, unless a company.yaml beside it holds the same company; other XLSX are not evidence', () => {
    const dir = join(tmp, 'folder');
    const put = (name: string) => {
      cpSync(join(ROOT, 'examples/five-star'), join(dir, name), { recursive: true });
      return join(dir, name, 'company.yaml');
    };
    put('a-yaml');
    const b = put('b-book');
    expect(cli(['convert', b, '--to', 'xlsx']).code).toBe(0);
    rmSync(b);
    const c = put('c-both');
    expect(cli(['convert', c, '--to', 'xlsx']).code).toBe(0);
    // A records export and a survey beside an evidence file are not evidence, whatever they hold.
    cpSync(join(tmp, 'folder/b-book/company.xlsx'), join(dir, 'c-both/records.xlsx'));
    // A file named company.xlsx that is not a workbook is passed over, as a YAML file without evidence keys is.
    put('d-fake');
    rmSync(join(dir, 'd-fake/company.yaml'));
    writeFileSync(join(dir, 'd-fake/company.xlsx'), 'not a zip');
    const r = cli(['score', dir, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const paths = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { evidenceFile: { path: string } }).evidenceFile.path.replace(/.*\/folder\//, ''));
    expect(paths).toEqual(['a-yaml/company.yaml', 'b-book/company.xlsx', 'c-both/company.yaml']);
  });
});
