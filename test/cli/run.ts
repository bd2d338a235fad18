import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = join(ROOT, 'bin/aftersales-assess.cjs');

/** Runs the built CLI as a user would, without a TTY and with colour off unless `env` says otherwise. */
export function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): CliResult {
  const base = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } as NodeJS.ProcessEnv });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Compares a run with test/golden/NAME.txt, which records the command, the exit code, stdout and
 * stderr. UPDATE_GOLDEN=1 rewrites the files; review the diff before committing.
 */
export function expectGolden(name: string, args: string[], result = cli(args)): void {
  const text = `$ aftersales-assess ${args.join(' ')}\n# exit: ${result.code}\n# stdout:\n${result.stdout}# stderr:\n${result.stderr}`;
  const file = join(ROOT, 'test/golden', `${name}.txt`);
  // A missing golden file fails: writing it would let any output pass. UPDATE_GOLDEN=1 writes them.
  if (!existsSync(file) && process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${name}.txt is missing; run UPDATE_GOLDEN=1 npm test and review it`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(join(ROOT, 'test/golden'), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
