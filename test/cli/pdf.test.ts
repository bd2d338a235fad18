import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'asa-pdf-'));
const pdf = (name: string, args: string[], env: Record<string, string | undefined> = {}) => {
  const out = join(dir, name);
  const r = cli(['score', ...args, '--format', 'pdf', '--out', out], env);
  return { ...r, out };
};
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** Text with line wrapping undone: spaces collapsed for English, removed between Chinese characters. */
const flat = (file: string) => text(file).replace(/\s+/g, ' ');
const flatZh = (file: string) => text(file).replace(/\s+/g, '');

describe('PDF report', () => {
  const zh = pdf('three-zh.pdf', ['examples/three-star/company.yaml']);
  const en = pdf('three-en.pdf', ['examples/three-star/company.yaml', '--lang', 'en']);

  it('is written, with its text extractable in Chinese', () => {
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe('');
    const t = flatZh(zh.out);
    for (const s of [
      '商品售后服务认证自评报告',
      '蓝鲸云软件科技有限公司',
      '81.4',
      '三星级',
      '一、执行摘要',
      '二、二级指标概览',
      '三、逐项评价',
      '四、改进行动计划',
      '五、证据索引',
      '六、评分方法与依据',
      '不是认证机构的认证决定',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).toContain('证据文件不存在：docs/public-docs-index.md');
    // The assessor's own remark travels from the evidence file into the detail.
    expect(t).toContain('备注：只做了年度调查，未做季度回访');
  });

  it('is wholly in English with --lang en, rubric titles included', () => {
    const t = flat(en.out);
    for (const s of [
      'After-Sales Service Certification Self-Assessment',
      'Assessment date 2026-11-01',
      '1. Executive summary',
      'Certified service managers are at least 10 % of service management staff',
      'Three-star',
      'not a certification decision',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('执行摘要');
  });

  it('embeds subset CJK fonts, regular and bold, with Unicode maps', () => {
    const fonts = execFileSync('pdffonts', [zh.out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('numbers every page and says so in the footer', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [zh.out], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    const t = text(zh.out);
    expect(t).toContain(`第 1 页 / 共 ${pages} 页`);
    expect(t).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
  });

  it('is byte-identical across runs; dates come from the assessment date or SOURCE_DATE_EPOCH', () => {
    const again = pdf('three-zh-2.pdf', ['examples/three-star/company.yaml']);
    expect(readFileSync(again.out).equals(readFileSync(zh.out))).toBe(true);
    expect(execFileSync('pdfinfo', ['-isodates', zh.out], { encoding: 'utf8' })).toMatch(/CreationDate:\s+2026-11-01T00:00:00/);
    const epoch = pdf('epoch.pdf', ['examples/three-star/company.yaml'], { SOURCE_DATE_EPOCH: '1767225600' });
    expect(execFileSync('pdfinfo', ['-isodates', epoch.out], { encoding: 'utf8' })).toMatch(/CreationDate:\s+2026-01-01T00:00:00/);
  });

  it('renders Traditional characters and warns, naming them, about characters the font lacks', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-pdf-tc-'));
    cpSync(join(ROOT, 'examples/five-star'), d, { recursive: true });
    const file = join(d, 'company.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 华东示例电器有限公司', 'name: 華東示例電器有限公司 𠀀'));
    const r = pdf('tc.pdf', [file]);
    expect(r.code).toBe(0);
    expect(text(r.out)).toContain('華東示例電器有限公司');
    expect(r.stderr).toContain('1 character(s) have no glyph in the PDF font and will not render: 𠀀 (U+20000)');
  });

  it('goes to a pipe with --out -, never over the evidence file, and loads the PDF renderer only for PDFs', () => {
    const piped = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', 'examples/five-star/company.yaml', '--format', 'pdf', '--out', '-'],
      { cwd: ROOT },
    );
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    const d = mkdtempSync(join(tmpdir(), 'asa-pdf-ow-'));
    cpSync(join(ROOT, 'examples/five-star'), d, { recursive: true });
    const before = readFileSync(join(d, 'company.yaml'), 'utf8');
    const r = cli(['score', join(d, 'company.yaml'), '--format', 'pdf', '--out', join(d, 'company.yaml')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(d, 'company.yaml'), 'utf8')).toBe(before);
    // The PDF renderer (pdfkit inside) is loaded for the PDF only: a JSON report never reads dist/pdf.cjs.
    const loaded = (format: string) => {
      const probe = spawnSync(
        process.execPath,
        [
          '-e',
          `process.argv.splice(1, 0, 'cli'); const b = require('./bin/aftersales-assess.cjs'); process.on('exit', () => process.stderr.write('bundles:' + b.loaded.map((l) => require('node:path').basename(l.file)).join(','))); b.loadCli();`,
          'score',
          'examples/five-star/company.yaml',
          '--format',
          format,
          '--out',
          join(d, `probe.${format}`),
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      return probe.stderr;
    };
    expect(loaded('json')).toBe('bundles:cli.cjs');
    expect(loaded('pdf')).toBe('bundles:cli.cjs,pdf.cjs');
  });

  it('refuses fonts that cannot work and a missing font file', () => {
    const r = cli(['score', 'examples/five-star/company.yaml', '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--font', 'nope.ttf', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('font file nope.ttf: not found');
  });
});

describe('PDF layout with extreme input', () => {
  it('keeps every page within its bounds when a text is longer than a page', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-pdf-long-'));
    cpSync(join(ROOT, 'examples/three-star'), d, { recursive: true });
    const file = join(d, 'company.yaml');
    const long = '软件以云服务交付，无实物配送与安装。'.repeat(400);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('5.2.6.1: { status: n/a, justification: 软件产品，无实物回收 }', `5.2.6.1: { status: n/a, justification: ${long} }`),
    );
    const out = join(d, 'r.pdf');
    const r = cli(['score', file, '--format', 'pdf', '--out', out]);
    expect(r.code).toBe(0);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    // Every page still carries its own footer: nothing pushed content past a page and added stray pages.
    const t = text(out);
    for (let p = 1; p <= pages; p++) expect(t).toContain(`第 ${p} 页 / 共 ${pages} 页`);
    expect(t.replace(/\s+/g, '')).toContain('…');
  });
});

describe('PDF cover', () => {
  it('says a forecast is a projection, keeps the evidence date, and names the rubric in words', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'asa-cover-')), 'c.pdf');
    expect(cli(['score', 'examples/five-star/company.yaml', '--format', 'pdf', '--out', out, '--as-of', '2027-03-01']).code).toBe(0);
    const page1 = execFileSync('pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(page1).toContain('评估日期2026-11-01');
    expect(page1).toContain('按2027-03-01的情况预测');
    expect(page1).toContain('本工具内置的评分规则');
    expect(page1).not.toMatch(/bundled|sha256/);
  });
});

describe('PDF special deductions', () => {
  it('head the action plan and are shown under their clause', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'asa-ded-')), 'f.pdf');
    expect(cli(['score', 'examples/failing/company.yaml', '--format', 'pdf', '--out', out]).code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // The plan chapter itself, not its line in the contents on page 2.
    const plan = text.slice(text.lastIndexOf('四、改进行动计划'));
    expect(plan.indexOf('特别扣分项（5.3.2）')).toBeLessThan(plan.indexOf('5.1.2.2'));
    expect(text).toContain('!特别扣分项（5.2.5.1）：三包期内拒绝免费维修，违反三包规定（−1）');
  });
});

describe('PDF summary page', () => {
  it('says which actions reach the next level and the score they give, and what expires before the audit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-sum-'));
    expect(cli(['score', 'examples/three-star/company.yaml', '--format', 'pdf', '--out', join(dir, 't.pdf')]).code).toBe(0);
    // Page 3: the cover, then the contents and sign-off page, then the summary.
    const page2 = execFileSync('pdftotext', ['-f', '3', '-l', '3', join(dir, 't.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // 81.4 + 5.32 + 3.19 + 3.19 (the three closing gaps' recoverable points) = 93.1.
    expect(page2).toContain('达到四星级：完成5.1.2.2、5.2.1.2、5.3.1.3，预计得分93.1');
    expect(cli(['score', 'examples/with-data/company.yaml', '--format', 'pdf', '--out', join(dir, 'w.pdf')]).code).toBe(0);
    const w2 = execFileSync('pdftotext', ['-f', '3', '-l', '3', join(dir, 'w.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(w2).toContain('评估日后即将到期的证据（审核前请更新）：docs/take-back.md（2027-01-15到期，5.2.6.1）');
  });
});

describe('PDF typesetting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-type-'));
  const out = join(dir, 'f.pdf');
  const run = cli(['score', 'examples/failing/company.yaml', '--format', 'pdf', '--out', out]);
  const lines = () => execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\n');

  it('never breaks inside a bracketed status mark', () => {
    expect(run.code).toBe(0);
    const marks = lines().flatMap((l) => l.match(/\[[^\]]*$|^[^[]*\]/g) ?? []);
    expect(marks).toEqual([]);
  });

  it('repeats a clause title marked (续) when its table continues on the next page', () => {
    const pages = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).split('\f');
    const continued = pages.flatMap((p) => p.match(/5\.\d\.\d [^\n—]+ — [\d.]+ \/ \d+（续）/g) ?? []);
    expect(continued.length).toBeGreaterThan(0);
    // The continued title is the same clause as the last title on the page before.
    const i = pages.findIndex((p) => p.includes(continued[0]!));
    const title = continued[0]!.replace('（续）', '');
    expect(pages[i - 1]).toContain(title);
  });

  it('gives the action plan a running score: the final score plus each row and those above it', () => {
    const all = lines();
    // The chapter's own heading (the contents line on page 2 ends with its page number).
    const from = all.slice(all.findIndex((l) => l.trim() === '四、改进行动计划'));
    const row = (...parts: string[]) => from.find((l) => parts.every((p) => l.includes(p)));
    // failing: final 66.4; two special deductions of 1 point each come first (67.4, 68.4), then 5.1.2.2 (+5 → 73.4);
    // points are shown to one decimal on every page.
    expect(row('特别扣分项（5.3.2）', '+1.0', '67.4')).toBeDefined();
    expect(row('特别扣分项（5.2.5.1）', '+1.0', '68.4')).toBeDefined();
    expect(row('5.1.2.2', '+5.0', '73.4')).toBeDefined();
    expect(from.join('\n')).toContain('[实践]');
  });

  it('wraps a long company name inside the running header and footer', () => {
    const copy = join(dir, 'long');
    cpSync('examples/three-star', copy, { recursive: true });
    const yaml = readFileSync(join(copy, 'company.yaml'), 'utf8').replace(/name: 蓝鲸云软件科技有限公司/, `name: ${'蓝鲸云软件科技有限公司'.repeat(6)}`);
    writeFileSync(join(copy, 'company.yaml'), yaml);
    const r = pdf('long.pdf', [join(copy, 'company.yaml')]);
    expect(r.code).toBe(0);
    // bbox of the header words on page 2: nothing of the company name may reach into the title on the right.
    const html = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', r.out, '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y: Number(m[2]),
      x1: Number(m[3]),
      w: m[4]!,
    }));
    const head = words.filter((w) => w.y < 46);
    const title = head.find((w) => w.w.includes('商品售后服务认证自评报告'))!;
    expect(title).toBeDefined();
    for (const w of head.filter((w) => w.w.includes('蓝鲸云'))) expect(w.x1).toBeLessThan(title.x0);
  });
});

describe('PDF disagreements', () => {
  it('lists on the summary page each claim the data contradicts, with the metric named in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-dis-'));
    expect(cli(['score', 'examples/with-data/company.yaml', '--format', 'pdf', '--out', join(dir, 'w.pdf')]).code).toBe(0);
    const p2 = execFileSync('pdftotext', ['-f', '3', '-l', '3', join(dir, 'w.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // with-data types satisfactionRate: 0.95 while its survey computes another figure.
    expect(p2).toContain('填报的“顾客满意率”为95');
    expect(p2).not.toContain('satisfactionRate');
  });
});
