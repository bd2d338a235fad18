import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/batchAssess.js';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

// A large batch is assessed in worker threads; what comes out must not depend on it: the same bytes, in
// the order given, the same diagnostics for a bad file in the middle, the same exit code.
describe('batches in worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-batch-workers-'));
  for (const e of ['five-star', 'three-star', 'failing']) cpSync(join(ROOT, 'examples', e), join(dir, e), { recursive: true });
  writeFileSync(join(dir, 'three-star', 'broken.yaml'), 'schemaVersion: 1\ncompany: [\n');
  const files = ['five-star/company.yaml', 'three-star/broken.yaml', 'failing/company.yaml', 'three-star/company.yaml'];
  const run = (workers: string, args: string[]) => cli(['score', ...files, ...args], { AFTERSALES_WORKERS: workers }, dir);

  for (const args of [
    ['--format', 'jsonl'],
    ['--format', 'json'],
    ['--fail-under', '90', '--lang', 'en'],
    ['--format', 'github'],
  ]) {
    it(`gives the same output with and without workers: ${args.join(' ')}`, () => {
      const one = run('0', args);
      const two = run('2', args);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
      // The broken file is reported and skipped, the others scored: exit 2 (invalid input) in every case.
      expect(one.code).toBe(2);
      expect(one.stdout + one.stderr).toMatch(/broken\.yaml(:3\b|,line=3\b)/);
    });
  }

  it('uses workers only for a batch worth starting them, unless told', () => {
    expect(workerCount(10, {})).toBe(0);
    expect(workerCount(10, { AFTERSALES_WORKERS: '3' })).toBe(3);
    expect(workerCount(5000, { AFTERSALES_WORKERS: '0' })).toBe(0);
  });
});
