import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/aftersales-assess.cjs');
/** Runs a shell command under `script`, which gives it a pseudo-terminal as a person's shell would. */
function inTerminal(command: string) {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout };
}

describe('behaviour at a terminal', () => {
  it('refuses to write a binary PDF to the terminal, exit 2', () => {
    const r = inTerminal(`node ${BIN} score examples/five-star/company.yaml --format pdf --lang en`);
    expect(r.code).toBe(2);
    expect(r.out).toContain('refusing to write a binary PDF to the terminal');
    expect(r.out).not.toContain('%PDF');
  });

  it('shows a batch progress bar on a terminal only, and clears it', () => {
    const files = 'examples/five-star/company.yaml examples/three-star/company.yaml';
    const tty = inTerminal(`node ${BIN} score ${files} --lang en >/dev/null`);
    expect(tty.out).toContain(`[${'.'.repeat(24)}] 1/2 examples/five-star/company.yaml`);
    expect(tty.out).toContain('\u001b[2K');
    const piped = inTerminal(`node ${BIN} score ${files} --lang en 2>&1 >/dev/null | cat`);
    expect(piped.out).not.toContain('1/2');
  });
});
