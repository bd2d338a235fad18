// Issue 21: every command of the README's Quick start runs as written from a clone. The second block is
// read from the README itself and run line by line in an empty folder, `npx` resolving the clone's bin.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Commands'));
const blocks = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README Quick start', () => {
  it('has the set-up block (npm ci && npm run example, npm test) and the walk-through block', () => {
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('npm ci && npm run example');
    expect(blocks[0]).toMatch(/^npm test\b/m);
  });

  it('the walk-through runs as written: each command exits 0 and leaves what it promises', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-readme-'));
    const lines = blocks[1]!
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(line.startsWith('npx aftersales-assess ')).toBe(true);
      // From the clone, `npx` finds the package's own bin; here the clone is ROOT and the folder is a scratch one.
      const command = line.replace(/^npx /, `npx --prefix ${JSON.stringify(ROOT)} --no-install `);
      const r = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect([line, r.status, r.stderr.includes('\n    at ')]).toEqual([line, 0, false]);
    }
    expect(existsSync(join(dir, 'acme/company.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'acme/report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Five commands through npx, one of them a PDF: well past the default timeout on a loaded machine.
  }, 120_000);
});

describe('a clone before its build', () => {
  it('says to run npm run build, with exit 2 (a set-up step, not a bug)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin/aftersales-assess.cjs'), join(dir, 'bin/aftersales-assess.cjs'));
    const r = spawnSync(process.execPath, [join(dir, 'bin/aftersales-assess.cjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`npm run build`');
  });
});

describe('help', () => {
  it('shows defaults as they are typed, not as JSON strings', () => {
    const zh = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', '--help'], { encoding: 'utf8' }).stdout;
    expect(zh.replace(/\s+/g, '')).toContain('默认：10）');
    expect(zh).not.toContain('"10"');
    const en = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', '--help', '--lang', 'en'], { encoding: 'utf8' }).stdout;
    expect(en.replace(/\s+/g, ' ')).toContain('(default: 10)');
  });
});
