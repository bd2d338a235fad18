import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Bytes of every file under a folder (what the install puts on disk, not counting block rounding). */
function bytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) n += bytes(p);
    else if (e.isFile()) n += lstatSync(p).size;
  }
  return n;
}

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

// Packs the package as it would be published (dist is built by `npm test` before the suite; scripts are
// skipped here so the build is not rerun under the other tests' feet), installs the tarball into an empty
// folder from the registry, and runs the installed copy.
describe('the published package', () => {
  const work = mkdtempSync(join(tmpdir(), 'asa-pack-'));
  const app = join(work, 'app');

  it('installs into an empty folder within 40 MB, with no runtime dependencies and no warnings of ours', () => {
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(work, JSON.parse(pack.stdout)[0].filename);
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('fonts/OFL.txt');
    expect(files.filter((f) => f.endsWith('.ttf')).sort()).toEqual(['fonts/NotoSansSC-Bold.ttf', 'fonts/NotoSansSC-Regular.ttf']);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    expect(files).toEqual(expect.arrayContaining(['bin/aftersales-assess.cjs', 'dist/cli.cjs', 'dist/cli.cjs.cache', 'dist/pdf.cjs', 'dist/pdf.cjs.cache']));

    spawnSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const install = npm(['install', '--no-audit', '--no-fund', tarball], app);
    expect(install.status, install.stderr).toBe(0);
    // This machine's npm config may warn about itself ("Unknown user config"); nothing may come from the package.
    const ours = install.stderr.split('\n').filter((l) => /aftersales|install-scripts|deprecated/i.test(l));
    expect(ours).toEqual([]);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/aftersales-assess/package.json'), 'utf8'));
    // Everything is bundled (pdfkit and fontkit into dist/pdf.cjs): nothing else is installed.
    expect(installed.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['aftersales-assess']);
    expect(installed.scripts?.prepare).toBeUndefined();
    expect(bytes(join(app, 'node_modules'))).toBeLessThanOrEqual(40 * 1024 * 1024);
  }, 180000);

  it('runs score, the PDF and init from the installed copy', () => {
    const bin = join(app, 'node_modules/.bin/aftersales-assess');
    const run = (args: string[]) => spawnSync(bin, args, { cwd: app, encoding: 'utf8' });
    const json = run(['score', join(ROOT, 'examples/five-star/company.yaml'), '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).level.id).toBe('five-star');
    const pdf = run(['score', join(ROOT, 'examples/three-star/company.yaml'), '--format', 'pdf', '--out', join(app, 'r.pdf')]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(join(app, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const init = run(['init', 'newco', '--company', '新公司']);
    expect(init.status, init.stderr).toBe(0);
    // The modeline points at the copy beside the evidence file, not into node_modules or a cache.
    expect(readFileSync(join(app, 'newco/company.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./evidence.schema.json');
    expect(existsSync(join(app, 'newco/evidence.schema.json'))).toBe(true);
  }, 180_000);

  it('passes publint', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/publint/src/cli.js'), 'run', join(app, 'node_modules/aftersales-assess'), '--pack', 'false', '--strict'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('All good');
  }, 180_000);
});

// The build's code cache must be one this Node accepts for this bundle, or every start pays for compiling
// ~1 MB of JavaScript again (bin/aftersales-assess.cjs falls back silently, so only a test can tell).
// test/cli/codeCache.test.ts checks the other side: a cache that does not match is never used.
describe('the code cache', () => {
  const { verifiedCache } = createRequire(import.meta.url)(join(ROOT, 'bin/aftersales-assess.cjs')) as {
    verifiedCache: (file: string, source: Buffer) => Buffer | undefined;
  };
  for (const bundle of ['cli.cjs', 'pdf.cjs']) {
    it(`passes the loader's digest and is accepted by V8 for the bundle it was made from (${bundle}, pure ASCII)`, () => {
      const file = join(ROOT, 'dist', bundle);
      const bytes = readFileSync(file);
      const source = bytes.toString('utf8');
      // bin/aftersales-assess.cjs reads the bundle as latin1, which is right only for pure ASCII.
      expect(/[^\x00-\x7f]/.test(source)).toBe(false);
      const cachedData = verifiedCache(file, bytes);
      expect(cachedData).toBeDefined();
      expect(new Script(wrap(source), { filename: file, cachedData }).cachedDataRejected).toBe(false);
      expect(new Script(wrap(`${source}\n;0;`), { filename: file, cachedData }).cachedDataRejected).toBe(true);
      // One byte changed, same length: V8 would not notice, the loader's digest does.
      const edited = Buffer.from(bytes);
      edited.writeUInt8(edited.readUInt8(edited.length >> 1) ^ 0x01, edited.length >> 1);
      expect(verifiedCache(file, edited)).toBeUndefined();
    });
  }
});
