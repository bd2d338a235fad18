// Issue 19: the write guards hold in every thread mode, --out-dir never writes through what it finds inside
// the folder, and names, links and spreadsheet dates from hostile input never reach an internal error.
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reportFileNames } from '../../src/cli/commands/score.js';
import { ROOT } from '../helpers.js';
import { cli as run } from './run.js';

const cli = (args: string[], env: Record<string, string | undefined> = {}, cwd?: string) => run([...args, '--lang', 'en'], env, cwd);
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-write-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const WORKERS = { AFTERSALES_WORKERS: '2' };

/** An evidence file citing `cited` for one criterion: valid, small, quick to score. */
const evidence = (name: string, cited: string) =>
  `schemaVersion: 1\ncompany: { name: ${name} }\nassessment: { date: 2026-11-01 }\ncriteria:\n  5.1.1.1: { status: met, evidence: [ { file: ${JSON.stringify(cited)} } ] }\n`;

/** Two companies a.yaml and b.yaml citing a.html and b.html: the names --out-dir gives their reports. */
function twoCompanies(): string {
  const d = tmp();
  for (const n of ['a', 'b']) {
    writeFileSync(join(d, `${n}.yaml`), evidence(`${n}-co`, `${n}.html`));
    writeFileSync(join(d, `${n}.html`), `cited document ${n}`);
  }
  return d;
}

describe('no output is written over an input, with worker threads forced on', () => {
  it('--out-dir . does not replace the cited documents that carry the reports’ names', () => {
    for (const env of [{}, WORKERS]) {
      const d = twoCompanies();
      const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', '.'], env, d);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("it is one of this run's input files; choose another --out-dir");
      expect(readFileSync(join(d, 'a.html'), 'utf8')).toBe('cited document a');
      expect(readFileSync(join(d, 'b.html'), 'utf8')).toBe('cited document b');
      // Nothing was written before the refusal: the folder holds what it held.
      expect(readdirSync(d).sort()).toEqual(['a.html', 'a.yaml', 'b.html', 'b.yaml']);
    }
  });

  it('--out onto a cited document, through a symlink or a hard link, or onto an evidence file is refused', () => {
    const d = twoCompanies();
    symlinkSync(join(d, 'a.html'), join(d, 'link.html'));
    linkSync(join(d, 'b.html'), join(d, 'hard.html'));
    for (const out of ['a.html', 'link.html', 'hard.html', 'b.yaml']) {
      for (const format of ['json', 'html', 'markdown']) {
        const r = cli(['score', 'a.yaml', 'b.yaml', '--format', format, '--out', out], WORKERS, d);
        expect([out, format, r.code]).toEqual([out, format, 2]);
        expect(r.stderr).toContain("it is one of this run's input files");
      }
    }
    expect(readFileSync(join(d, 'a.html'), 'utf8')).toBe('cited document a');
    expect(readFileSync(join(d, 'b.html'), 'utf8')).toBe('cited document b');
    expect(readFileSync(join(d, 'b.yaml'), 'utf8')).toBe(evidence('b-co', 'b.html'));
  });

  it('a batch of 256 files (workers by default) citing one document cannot replace it', () => {
    const d = tmp();
    mkdirSync(join(d, 'c'));
    writeFileSync(join(d, 'c', 'victim.md'), 'victim');
    for (let i = 0; i < 256; i++) writeFileSync(join(d, `f${i}.yaml`), evidence(`C${i}`, 'c/victim.md'));
    const r = cli(['score', 'f*.yaml', '--format', 'json', '--out', 'c/victim.md'], { AFTERSALES_WORKERS: undefined }, d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("it is one of this run's input files");
    expect(readFileSync(join(d, 'c', 'victim.md'), 'utf8')).toBe('victim');
  });
});

describe('--out-dir writes only regular files inside the folder', () => {
  it('a symlink planted inside the folder is refused and named; the file it points to is untouched', () => {
    for (const env of [{}, WORKERS]) {
      const d = twoCompanies();
      mkdirSync(join(d, 'site'));
      mkdirSync(join(d, 'outside'));
      writeFileSync(join(d, 'outside', 'victim.txt'), 'victim');
      symlinkSync('../outside/victim.txt', join(d, 'site', 'a.html'));
      const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', 'site'], env, d);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        'aftersales-assess: refusing to write site/a.html: it is a symbolic link and --out-dir only writes or replaces regular files; remove it or choose another folder',
      );
      expect(readFileSync(join(d, 'outside', 'victim.txt'), 'utf8')).toBe('victim');
      expect(lstatSync(join(d, 'site', 'a.html')).isSymbolicLink()).toBe(true);
      expect(readdirSync(join(d, 'site'))).toEqual(['a.html']);
    }
  });

  it('a FIFO or a folder at a report’s name, or at index.html, is refused at once', () => {
    for (const planted of ['b.html', 'index.html']) {
      const d = twoCompanies();
      mkdirSync(join(d, 'site'));
      expect(spawnSync('mkfifo', [join(d, 'site', planted)]).status).toBe(0);
      const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', 'site'], WORKERS, d);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`site/${planted}: it is a device, pipe or socket`);
      expect(lstatSync(join(d, 'site', planted)).isFIFO()).toBe(true);
    }
    const d = twoCompanies();
    mkdirSync(join(d, 'site', 'a.html'), { recursive: true });
    const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', 'site'], {}, d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('site/a.html: it is a folder');
  });

  it('an empty --out-dir is refused, as an empty --out is; nothing is written into the working directory', () => {
    const d = twoCompanies();
    const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', ''], {}, d);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'aftersales-assess: --out-dir needs a folder name (write . for the current folder)']);
    expect(readdirSync(d).sort()).toEqual(['a.html', 'a.yaml', 'b.html', 'b.yaml']);
  });

  it('the folder itself may be a symlink: the reports go into the folder it names', () => {
    const d = twoCompanies();
    mkdirSync(join(d, 'real'));
    symlinkSync('real', join(d, 'site'));
    const r = cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', 'site'], WORKERS, d);
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, 'real')).sort()).toEqual(['a.html', 'b.html', 'index.html']);
    expect(lstatSync(join(d, 'site')).isSymbolicLink()).toBe(true);
    // Replacing the folder's own earlier reports is what a re-run does.
    expect(cli(['score', 'a.yaml', 'b.yaml', '--format', 'html', '--out-dir', 'site'], {}, d).code).toBe(0);
  });
});

describe('names and links built from hostile strings', () => {
  it('a cited path holding a lone surrogate renders as HTML (the link made well-formed), not an internal error', () => {
    const d = tmp();
    mkdirSync(join(d, 'docs'));
    // The file system turns the lone surrogate into U+FFFD's bytes, so this is the file the path names.
    writeFileSync(join(d, 'docs', '\uFFFD.md'), 'x');
    writeFileSync(join(d, 'company.yaml'), evidence('S', 'docs/\\uD800.md').replace(/"docs\/\\\\uD800\.md"/, '"docs/\\uD800.md"'));
    for (const format of ['html', 'json', 'markdown', 'sarif', 'terminal']) {
      const r = cli(['score', 'company.yaml', '--format', format, '--out', `r.${format}`], {}, d);
      expect([format, r.code]).toEqual([format, 0]);
      noStack(r.stderr);
    }
    expect(readFileSync(join(d, 'r.html'), 'utf8')).toContain('href="docs/%EF%BF%BD.md"');
  });

  it('--out-dir names are cut on code points within 255 bytes and stay unique after the cut', () => {
    const long = `${'华'.repeat(79)}😀😀/company.yaml`;
    const [a, b] = reportFileNames([long, `${'华'.repeat(79)}😀😁/company.yaml`]);
    // 66 three-byte characters are 198 bytes; the 67th would pass the 200-byte budget.
    expect(a).toBe(`${'华'.repeat(66)}.html`);
    expect(b).toBe(`${'华'.repeat(66)}-2.html`);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 1, maxLength: 8 }), (paths) => {
        const names = reportFileNames(paths, ['index.html']);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) {
          expect(n).toMatch(/\.html$/);
          expect(n).not.toMatch(/[/\\\0]/);
          expect(n.toLowerCase()).not.toBe('index.html');
          expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
          // Well-formed: encodeURIComponent throws on a lone surrogate.
          expect(() => encodeURIComponent(n)).not.toThrow();
        }
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('an --out-dir batch of folders whose names are cut inside an emoji writes every page and the index', () => {
    const d = tmp();
    const stem = `${'华'.repeat(66)}😀`;
    for (const n of ['1', '2']) {
      mkdirSync(join(d, `${stem}${n}`));
      writeFileSync(join(d, `${stem}${n}`, 'company.yaml'), evidence(`co${n}`, 'x.md'));
    }
    const r = cli(['score', d, '--format', 'html', '--out-dir', join(d, 'site')]);
    expect(r.code).toBe(0);
    noStack(r.stderr);
    expect(readdirSync(join(d, 'site')).length).toBe(3);
    expect(readdirSync(join(d, 'site'))).toContain('index.html');
  });

  it('a folder batch reports and counts an evidence file whose path is not UTF-8 (exit 2), never skips it silently', () => {
    const d = tmp();
    mkdirSync(join(d, 'ok'));
    writeFileSync(join(d, 'ok', 'company.yaml'), evidence('ok', 'x.md'));
    // "公司" in GBK: B9 AB CB BE.
    const gbk = Buffer.concat([Buffer.from(`${d}/`), Buffer.from([0xb9, 0xab, 0xcb, 0xbe])]);
    mkdirSync(gbk);
    writeFileSync(Buffer.concat([gbk, Buffer.from('/company.yaml')]), evidence('gbk', 'x.md'));
    for (const env of [{}, WORKERS]) {
      const r = cli(['score', d, '--format', 'json'], env);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
      expect(r.stderr).toContain(`${d}/\\xB9\\xAB`);
      expect(r.stderr).toContain('the path is not UTF-8');
      expect(r.stderr).toContain('1 of 2 file(s) invalid and skipped');
    }
    // A glob over the same folders, and a file whose own name is not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${d}/ok/`), Buffer.from([0xff]), Buffer.from('.yaml')]), evidence('ff', 'x.md'));
    for (const [pattern, invalid] of [
      ['*/company.yaml', 1],
      ['**/*.yaml', 2],
    ] as const) {
      const r = cli(['score', join(d, pattern), '--format', 'jsonl']);
      expect([pattern, r.code]).toEqual([pattern, 2]);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${invalid} of ${invalid + 1} file(s) invalid and skipped`);
      expect(r.stderr).not.toContain('\uFFFD');
    }
  });
});

describe('spreadsheet dates a Date cannot hold', () => {
  it('a survey date cell of 1e300 or -1e12 is an item error, in survey, score and a batch', async () => {
    const d = tmp();
    const header = ['提交时间', '整体满意度'].map((value) => ({ value }));
    for (const [name, bad] of [
      ['huge', 1e300],
      ['negative', -1e12],
    ] as const) {
      const rows = [
        header,
        ...Array.from({ length: 6 }, (_, i) => [
          { value: i === 2 ? bad : 46300 + i, type: Number, format: 'yyyy-mm-dd' },
          { value: 5, type: Number },
        ]),
      ];
      await writeXlsxFile(rows as never).toFile(join(d, `${name}.xlsx`));
      const r = cli(['survey', join(d, `${name}.xlsx`)]);
      expect([name, r.code]).toEqual([name, 0]);
      noStack(r.stderr);
      // Row 4 of the sheet (header, then the third data row) has the bad date; the other five keep theirs.
      expect(r.stdout).toContain('line 4: column 1 "提交时间": unreadable date "#####", treated as not given');
    }
    for (let i = 0; i < 3; i++) writeFileSync(join(d, `c${i}.yaml`), `${evidence(`C${i}`, 'x.md')}datasets:\n  survey: huge.xlsx\n`);
    const r = cli(['score', join(d, 'c*.yaml'), '--format', 'jsonl'], WORKERS);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
});

describe('found by the red team of issue 19', () => {
  it('score - with the evidence file on standard input never writes over that file', () => {
    const d = twoCompanies();
    for (const format of ['json', 'pdf', 'html']) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', '-', '--format', format, '--out', 'a.yaml', '--lang', 'en'], {
        cwd: d,
        input: undefined,
        stdio: [openSync(join(d, 'a.yaml'), 'r'), 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      expect([format, r.status]).toEqual([format, 2]);
      expect(r.stderr).toContain("it is one of this run's input files");
    }
    expect(readFileSync(join(d, 'a.yaml'), 'utf8')).toBe(evidence('a-co', 'a.html'));
  });

  it('--font-bold alone is read and checked (so it is an input, never an output)', () => {
    const d = tmp();
    const bold = join(d, 'bold.ttf');
    copyFileSync(join(ROOT, 'fonts/NotoSansSC-Bold.ttf'), bold);
    const before = readFileSync(bold);
    const r = cli(['score', join(ROOT, 'examples/five-star/company.yaml'), '--format', 'pdf', '--font-bold', bold, '--out', bold]);
    expect(r.code).toBe(2);
    expect(readFileSync(bold).equals(before)).toBe(true);
    writeFileSync(join(d, 'junk.ttf'), 'not a font at all');
    expect(
      cli(['score', join(ROOT, 'examples/five-star/company.yaml'), '--format', 'pdf', '--font-bold', join(d, 'junk.ttf'), '--out', join(d, 'r.pdf')]).code,
    ).toBe(2);
  });

  it('a control character in a font’s table tag or a revision is shown escaped in the error', () => {
    const d = tmp();
    const font = Buffer.from(readFileSync(join(ROOT, 'fonts/NotoSansSC-Regular.ttf')));
    font.write('\u001b[2J', 12, 'latin1');
    font.writeUInt32BE(0xffffff00, 20);
    writeFileSync(join(d, 'esc.ttf'), font);
    const r = cli(['score', join(ROOT, 'examples/five-star/company.yaml'), '--format', 'pdf', '--out', join(d, 'x.pdf'), '--font', join(d, 'esc.ttf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const b = cli(['score', join(ROOT, 'examples/five-star/company.yaml'), '--baseline', '\u009bHEAD']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('\\u009BHEAD');
    expect(b.stderr).not.toMatch(/[\u007f-\u009f]/);
  });
});

describe('--out naming a folder that is not there yet', () => {
  it('a trailing slash is refused (exit 2), and no file named after the folder appears', () => {
    const d = twoCompanies();
    for (const args of [
      ['score', 'a.yaml', '--format', 'json', '--out', 'reports/'],
      ['audit-plan', 'a.yaml', '--format', 'json', '--out', 'reports/'],
    ]) {
      const r = cli(args, {}, d);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('cannot write reports/: it is a folder; give a file name');
      noStack(r.stderr);
      expect(readdirSync(d)).not.toContain('reports');
    }
  });
});
