import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

/**
 * The PDF and HTML as a consultant hands them over (#21): front matter, a draft mark until --final, the firm's
 * brand, one colophon at the end, and typesetting rules that hold on every example in both languages.
 */
const dir = mkdtempSync(join(tmpdir(), 'asa-client-'));
const EXAMPLES = ['five-star', 'three-star', 'failing', 'with-data'] as const;
const LANGS = ['zh-CN', 'en'] as const;
// A 1×1 PNG: the smallest picture pdfkit and a browser both accept.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function pdf(name: string, args: string[]): { code: number | null; out: string; stderr: string } {
  const out = join(dir, name);
  const r = cli(['score', ...args, '--format', 'pdf', '--out', out]);
  return { code: r.code, out, stderr: r.stderr };
}
const text = (file: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-raw', file, '-'], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('PDF typesetting, every example in both languages', () => {
  for (const ex of EXAMPLES)
    for (const lang of LANGS)
      it(`${ex} ${lang}: no line starts with closing punctuation, none is one character alone, the summary is one page`, () => {
        const r = pdf(`${ex}-${lang}.pdf`, [`examples/${ex}/company.yaml`, '--lang', lang]);
        expect(r.code, r.stderr).toBe(0);
        // The rule the issue gives: `pdftotext -raw r.pdf - | grep -nE '^[），。：；]|^.$'` finds nothing (form feeds
        // are pdftotext's page separators, not text).
        const lines = text(r.out).replaceAll('\f', '\n').split('\n');
        expect(lines.filter((l) => /^[），。：；]/u.test(l) || [...l].length === 1)).toEqual([]);
        // Page 3 is the summary; page 4 starts the clause overview, so all five actions stayed on page 3.
        const overview = lang === 'en' ? 'Clause overview' : '二级指标概览';
        expect(text(r.out, 4).split('\n').slice(0, 3).join(' ')).toContain(overview);
        expect(text(r.out, 3)).not.toContain(overview);
      });
});

describe('PDF front matter', () => {
  it('has a contents page whose page numbers lead to each chapter, a report number, and a sign-off block', () => {
    const r = pdf('toc.pdf', ['examples/three-star/company.yaml', '--report-number', 'ACME-2026-007', '--report-version', '2.1']);
    expect(r.code, r.stderr).toBe(0);
    const p2 = text(r.out, 2);
    expect(p2).toContain('目录');
    expect(p2).toContain('ACME-2026-007');
    expect(p2).toMatch(/版本\s*2\.1/);
    for (const role of ['编制', '审核', '批准']) expect(p2).toContain(role);
    const entries = [...p2.matchAll(/^([一二三四五六七八九十]+、\S+)\s+(\d+)$/gmu)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(entries.map((e) => e.title)).toEqual([
      '一、执行摘要',
      '二、二级指标概览',
      '三、逐项评价',
      '四、改进行动计划',
      '五、证据索引',
      '六、评分方法与依据',
      '七、报告信息',
    ]);
    // Each chapter is on the page the contents give (not the page before, where a chapter ending on it would be).
    for (const e of entries) {
      expect(text(r.out, e.page), e.title).toContain(e.title);
      expect(text(r.out, e.page - 1).replace(/^.*\d+$/gmu, ''), e.title).not.toMatch(new RegExp(`^${e.title}$`, 'mu'));
    }
    // Every page's footer carries the number and version.
    for (let p = 1; p <= pages(r.out); p++) expect(text(r.out, p)).toContain('报告编号 ACME-2026-007 · 第 2.1 版');
  });

  it('marks every page as a draft until --final, and the mark is not part of the text a reader copies', () => {
    const draft = pdf('draft.pdf', ['examples/three-star/company.yaml']);
    const final = pdf('final.pdf', ['examples/three-star/company.yaml', '--final']);
    expect([draft.code, final.code]).toEqual([0, 0]);
    expect(text(draft.out, 2)).toContain('草稿（未签署，仅供讨论）');
    expect(text(final.out, 2)).toContain('正式版');
    expect(text(final.out)).not.toContain('草稿');
    // The mark is drawn as outlines: page 5's text is the same with and without it, its picture is not.
    expect(text(draft.out, 5).replace(/ · 草稿/g, '')).toBe(text(final.out, 5));
    const png = (f: string) => {
      execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '5', '-l', '5', '-singlefile', f, f]);
      return readFileSync(`${f}.png`);
    };
    expect(png(draft.out).equals(png(final.out))).toBe(false);
  });

  it("puts the consultant's firm, logo and contact from --brand on the cover, the document control and the footer", () => {
    const b = join(dir, 'brand');
    mkdirSync(b, { recursive: true });
    writeFileSync(join(b, 'logo.png'), PNG);
    writeFileSync(
      join(b, 'brand.yaml'),
      'firm:\n  zh-CN: 明理质量咨询有限公司\n  en: Mingli Quality Consulting\nconsultant: 陈静\ncontact: 021-5555 0100\nlogo: logo.png\n',
    );
    const zh = pdf('brand-zh.pdf', ['examples/three-star/company.yaml', '--brand', join(b, 'brand.yaml')]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(text(zh.out, 1)).toContain('编制单位：明理质量咨询有限公司');
    const p2 = text(zh.out, 2);
    for (const s of ['明理质量咨询有限公司', '陈静', '021-5555 0100']) expect(p2).toContain(s);
    expect(text(zh.out, 4)).toContain('明理质量咨询有限公司 · 报告编号');
    // pdfimages lists two header lines, then the logo (and its alpha mask, if any).
    expect(execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', zh.out], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThanOrEqual(3);
    expect(execFileSync('pdfimages', ['-list', '-f', '2', '-l', '2', zh.out], { encoding: 'utf8' }).trim().split('\n').length).toBe(2);
    const en = pdf('brand-en.pdf', ['examples/three-star/company.yaml', '--lang', 'en', '--brand', join(b, 'brand.yaml')]);
    expect(text(en.out, 1)).toContain('Prepared by: Mingli Quality Consulting');
  });

  it('refuses a brand file that is wrong, naming the file, line and column, and draws nothing', () => {
    const b = join(dir, 'bad-brand');
    mkdirSync(join(b, 'inner'), { recursive: true });
    writeFileSync(join(b, 'logo.png'), PNG);
    writeFileSync(join(b, 'not-image.png'), 'GIF89a not a png');
    writeFileSync(join(b, 'broken.png'), Buffer.concat([PNG.subarray(0, 8), Buffer.from('garbage that is no PNG chunk')]));
    const run = (name: string, yaml: string, file = join(b, `${name}.yaml`)) => {
      writeFileSync(file, yaml);
      return pdf(`${name}.pdf`, ['examples/three-star/company.yaml', '--brand', file]);
    };
    const unknown = run('unknown', 'firm: 明理\nlogoo: logo.png\n');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown\.yaml:2:1/);
    const missing = run('missing', 'firm: 明理\nlogo: nowhere.png\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.yaml:2:7/);
    expect(missing.stderr).toContain('标志文件 nowhere.png不存在');
    const outside = run('outside', 'firm: 明理\nlogo: ../logo.png\n', join(b, 'inner', 'outside.yaml'));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('不在品牌文件所在目录内');
    const notImage = run('notimage', 'firm: 明理\nlogo: not-image.png\n');
    expect(notImage.code).toBe(2);
    expect(notImage.stderr).toContain('不是 PNG 或 JPEG 图片');
    const broken = run('broken', 'firm: 明理\nlogo: broken.png\n');
    expect(broken.code, broken.stderr).toBe(2);
    expect(broken.stderr).toContain('标志图片无法使用');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses document options where there is no document, and report numbers that are not short plain ids', () => {
    const json = cli(['score', 'examples/three-star/company.yaml', '--format', 'json', '--final']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--final 只用于 --format pdf 或 html 的报告');
    const bad = cli(['score', 'examples/three-star/company.yaml', '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--report-number', '../../etc']);
    expect(bad.code).toBe(2);
    const batch = cli([
      'score',
      'examples/three-star/company.yaml',
      'examples/five-star/company.yaml',
      '--format',
      'html',
      '--out',
      join(dir, 'p.html'),
      '--report-number',
      'A-1',
    ]);
    expect(batch.code).toBe(2);
  });
});

describe('client pages carry no hashes, tool names or file paths: one colophon at the end', () => {
  it('PDF: only the last chapter names the tool, the evidence file and the digests', () => {
    const r = pdf('colophon.pdf', ['examples/with-data/company.yaml']);
    expect(r.code, r.stderr).toBe(0);
    const n = pages(r.out);
    const json = JSON.parse(cli(['score', 'examples/with-data/company.yaml', '--format', 'json']).stdout) as {
      evidenceFile: { path: string; sha256: string };
      datasets: Array<{ file: string; sha256: string }>;
    };
    const client = text(r.out, 1, n - 1).replace(/\s+/g, '');
    expect(client).not.toContain('aftersales-assess');
    expect(client).not.toMatch(/sha-?256/i);
    expect(client).not.toMatch(/[0-9a-f]{12}/);
    expect(client).not.toContain('company.yaml');
    for (const d of json.datasets) expect(client).not.toContain(d.file);
    const last = text(r.out, n).replace(/\s+/g, '');
    expect(last).toContain('报告信息');
    expect(last).toContain(json.evidenceFile.sha256);
    for (const d of json.datasets) expect(last).toContain(d.sha256);
  });

  it('HTML: the digests and paths are only inside the folded colophon', () => {
    const out = join(dir, 'r.html');
    expect(cli(['score', 'examples/with-data/company.yaml', '--format', 'html', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const body = html.replace(/<footer class="colophon">[\s\S]*?<\/footer>/g, '');
    expect(body).not.toMatch(/sha256 [0-9a-f]{6}/);
    expect(body).not.toContain('examples/with-data/company.yaml');
    expect(html).toContain('<footer class="colophon"><details>');
    expect(html).toContain('草稿');
    expect(html).toMatch(/data-label="措施"/);
  });
});

describe('evidence index: labelled dates and whether each item was reviewed', () => {
  it('says reviewed only for a file whose sha256 was recorded and still matches', () => {
    const copy = join(dir, 'reviewed');
    cpSync('examples/three-star', copy, { recursive: true });
    const file = join(copy, 'company.yaml');
    const yaml = readFileSync(file, 'utf8');
    const first = /\{ file: ([^,\s}]+)/.exec(yaml)!;
    const sha = execFileSync('sha256sum', [join(copy, first[1]!)], { encoding: 'utf8' }).split(' ')[0]!;
    writeFileSync(file, yaml.replace(first[0], `${first[0]}, sha256: ${sha}`));
    const json = JSON.parse(cli(['score', file, '--format', 'json']).stdout) as {
      sections: Array<{ clauses: Array<{ criteria: Array<{ evidence: Array<{ ref: string; reviewed: boolean }> }> }> }>;
    };
    const items = json.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria.flatMap((k) => k.evidence)));
    expect(items.filter((e) => e.reviewed).map((e) => e.ref)).toEqual([first[1]]);
    const r = pdf('reviewed.pdf', [file]);
    const all = text(r.out);
    expect(all).toMatch(/出具日期/);
    expect(all).toMatch(/有效期至/);
    expect(all).toContain('已审阅');
    expect(all).toContain('未审阅');
  });
});
