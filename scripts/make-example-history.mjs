#!/usr/bin/env node
// node scripts/make-example-history.mjs [TARGET] [--commits N]
//
// Builds a short, deterministic git history for examples/evidence-repo in TARGET (default: a new temp
// folder; an existing TARGET must be empty), so `history` can be tried in one command. Nothing is written
// in this repository: no nested .git is ever committed here. The history runs from an early draft (many
// criteria still "not-met") to the evidence file as it is today, one commit a month, each commit dated by
// hand (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE, +08:00) and authored by the same name, so the commit ids are
// the same on every machine. `--commits N` (≥ 2) makes a longer history for benchmarks: the same steps,
// then edits that flip one criterion at a time, a day apart.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--commits');
const total = at >= 0 ? Number(args[at + 1]) : 5;
if (!Number.isInteger(total) || total < 2) {
  console.error('make-example-history: --commits needs a whole number ≥ 2');
  process.exit(2);
}
const positional = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
const target = positional[0] ? resolve(positional[0]) : mkdtempSync(join(tmpdir(), 'evidence-repo-history-'));
if (existsSync(target) && readdirSync(target).length > 0) {
  console.error(`make-example-history: ${target} is not empty; give an empty or new folder`);
  process.exit(2);
}
mkdirSync(target, { recursive: true });

const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: '李敏', GIT_AUTHOR_EMAIL: 'limin@example.com' };
env.GIT_COMMITTER_NAME = env.GIT_AUTHOR_NAME;
env.GIT_COMMITTER_EMAIL = env.GIT_AUTHOR_EMAIL;
const git = (...a) => execFileSync('git', a, { cwd: target, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const commit = (message, date) => {
  git('add', '-A');
  const when = `${date}T10:00:00+08:00`;
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: target,
    env: { ...env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    stdio: 'pipe',
  });
};

cpSync(join(root, 'examples/evidence-repo'), target, { recursive: true });
const file = join(target, 'evidence/company.yaml');
const final = readFileSync(file, 'utf8');
// The lines `    status: met`, in file order; the draft has the later ones still not met.
const lines = final.split('\n');
const met = lines.flatMap((l, i) => (l === '    status: met' ? [i] : []));
const write = (notMet) => writeFileSync(file, lines.map((l, i) => (notMet.has(i) ? '    status: not-met' : l)).join('\n'));
git('init', '-q', '-b', 'main');
// Five steps, a month apart: 12 criteria not met, then 8, 4, 1, none (today's file).
const steps = [12, 8, 4, 1, 0];
const months = ['2026-03-02', '2026-04-01', '2026-05-06', '2026-06-01', '2026-07-01'];
for (let s = 0; s < Math.min(steps.length, total); s++) {
  write(new Set(met.slice(met.length - steps[s])));
  commit(s === 0 ? '证据初稿：建立证据仓库' : steps[s] > 0 ? `完善证据：尚有 ${steps[s]} 项未达标` : '完善证据：全部达标', months[s]);
}
// Benchmarks: flip one criterion a day, back and forth, until `total` commits.
const open = new Set();
for (let k = steps.length; k < total; k++) {
  const i = met[k % met.length];
  if (open.has(i)) open.delete(i);
  else open.add(i);
  write(open);
  const day = new Date(Date.UTC(2026, 6, 2) + (k - steps.length) * 86400000).toISOString().slice(0, 10);
  commit(`bench ${k}`, day);
}
console.log(join(target, 'evidence/company.yaml'));
