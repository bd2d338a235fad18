// node bench/history.mjs — `history` over a 500-commit history of examples/evidence-repo (built by
// scripts/make-example-history.mjs in a temp folder). Aim (issue #25): ≤ 10 s on this machine. Median of 3
// runs, jsonl to /dev/null; a report, not a gate. Run with `env -u NODE_EXTRA_CA_CERTS`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_COMMITS ?? 500);
const dir = join(mkdtempSync(join(tmpdir(), 'asa-history-bench-')), 'repo');
const file = execFileSync(process.execPath, [join(root, 'scripts/make-example-history.mjs'), dir, '--commits', String(N)])
  .toString()
  .trim();
const xs = [];
for (let i = 0; i < 3; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/aftersales-assess.cjs'), 'history', file, '--format', 'jsonl'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`history exited ${r.status}: ${r.stderr}`);
  const points = r.stdout.toString().trim().split('\n').length;
  if (points !== N) throw new Error(`history gave ${points} points for ${N} commits`);
  xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const median = [...xs].sort((a, b) => a - b)[1];
console.log(`history, ${N} commits (jsonl): ${(median / 1000).toFixed(2)} s median of 3 (aim ≤ 10 s): ${median <= 10000 ? 'OK' : 'ABOVE AIM'}`);
rmSync(dirname(dir), { recursive: true, force: true });
