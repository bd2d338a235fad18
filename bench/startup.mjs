// npm run bench — start-up cost of `score --format json` against a bare `node -e 0`, measured in
// the same run and environment (NODE_EXTRA_CA_CERTS and friends add the same cost to both).
// Aim: ratio ≤ 2. Prints medians of RUNS interleaved runs; exits 0 either way (a report, not a gate).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const bin = join(root, 'bin/aftersales-assess.cjs');
const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'score --format json (five-star)': [process.execPath, [bin, 'score', join(root, 'examples/five-star/company.yaml'), '--format', 'json']],
  'score terminal (three-star)': [process.execPath, [bin, 'score', join(root, 'examples/three-star/company.yaml'), '--no-color']],
  'validate (failing)': [process.execPath, [bin, 'validate', join(root, 'examples/failing/company.yaml')]],
};

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < RUNS + 2; i++) {
  for (const [name, [cmd, args]] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    // A command that printed nothing did not run (the baseline prints nothing by design).
    if (name !== 'node -e 0' && r.stdout.length === 0) throw new Error(`${name} printed nothing`);
    if (i >= 2) times[name].push(ms); // the first two rounds warm the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`node ${process.version}, ${RUNS} runs each, medians (NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'})`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`${name.padEnd(34)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}x`);
}
const AIMS = { 'score --format json (five-star)': 2.0, 'score terminal (three-star)': 2.5, 'validate (failing)': 1.8 };
console.log('');
for (const [name, aim] of Object.entries(AIMS)) {
  const ratio = median(times[name]) / base;
  console.log(`${name} / node -e 0 = ${ratio.toFixed(2)}x (aim ≤ ${aim.toFixed(2)}x): ${ratio <= aim ? 'OK' : 'ABOVE AIM'}`);
}

// A batch: 1 000 evidence files (copies of five-star beside its docs/) in one process, jsonl; wall time and
// peak memory of the whole command (aim: ≤ 3 s, memory not growing with the number of files).
{
  const batchDir = mkdtempSync(join(tmpdir(), 'asa-batch-'));
  cpSync(join(root, 'examples/five-star/docs'), join(batchDir, 'docs'), { recursive: true });
  const yaml = readFileSync(join(root, 'examples/five-star/company.yaml'));
  console.log('\nbatch (3 runs each, median; jsonl to /dev/null)');
  for (const n of [100, 1000]) {
    for (let i = 0; i < n; i++) writeFileSync(join(batchDir, `company-${String(i).padStart(4, '0')}.yaml`), yaml);
    const xs = [];
    const rss = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'score', join(batchDir, 'company-*.yaml'), '--format', 'jsonl'], {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`batch exited ${r.status}: ${r.stderr}`);
      xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      rss.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
    }
    const ms = median(xs);
    console.log(
      `${String(n).padStart(5)} files ${ms.toFixed(0).padStart(7)} ms ${median(rss).toFixed(0).padStart(5)} MB peak   ${n < 1000 || ms <= 3000 ? 'OK' : 'ABOVE AIM'}`,
    );
  }
  rmSync(batchDir, { recursive: true, force: true });
}

// The PDF: wall time of the whole command and file size, per example (aim: ≤ 0.5 s, ≤ 150 KB).
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'asa-bench-'));
console.log(`\nPDF (${PDF_RUNS} runs each, median wall time of the whole command)`);
for (const example of ['five-star', 'three-star', 'failing']) {
  const out = join(dir, `${example}.pdf`);
  const xs = [];
  for (let i = 0; i < PDF_RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'score', join(root, 'examples', example, 'company.yaml'), '--format', 'pdf', '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (r.status !== 0) throw new Error(`pdf ${example} exited ${r.status}: ${r.stderr}`);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const kb = statSync(out).size / 1024;
  const ms = median(xs);
  console.log(`${example.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms ${kb.toFixed(0).padStart(6)} KB   ${ms <= 500 && kb <= 150 ? 'OK' : 'ABOVE AIM'}`);
}

// Long texts (issue 19): an evidence file at the 1 MiB input cap that is one company name, or one note,
// of a single unbreakable token ('A' repeated, CJK, a URL with no spaces); wall time and peak memory of the
// whole command per format (aim: ≤ 5 s and ≤ 500 MB; line breaking was quadratic in a token's length).
{
  const longDir = mkdtempSync(join(tmpdir(), 'asa-long-'));
  cpSync(join(root, 'examples/five-star/docs'), join(longDir, 'docs'), { recursive: true });
  const yaml = readFileSync(join(root, 'examples/five-star/company.yaml'), 'utf8');
  const room = 1048576 - Buffer.byteLength(yaml) - 64;
  const fill = (unit) => unit.repeat(Math.floor(room / Buffer.byteLength(unit)));
  const inputs = {
    'name, 1 MiB of A': yaml.replace(/^ {2}name: .*$/m, `  name: "${fill('A')}"`),
    'name, 1 MiB URL': yaml.replace(/^ {2}name: .*$/m, `  name: "https://example.com/${fill('a/b?c=d&').slice(20)}"`),
    'note, 1 MiB of A': yaml.replace(/^ {4}note: .*$/m, `    note: "${fill('A')}"`),
    'note, 1 MiB of CJK': yaml.replace(/^ {4}note: .*$/m, `    note: "${fill('华')}"`),
  };
  const LONG_RUNS = Number(process.env.BENCH_LONG_RUNS ?? 3);
  console.log(`
Long texts (1 MiB evidence file, median of ${LONG_RUNS}, whole command; peak RSS)`);
  for (const [name, text] of Object.entries(inputs)) {
    const file = join(longDir, 'company.yaml');
    if (text === yaml || Buffer.byteLength(text) > 1048576) throw new Error(`${name}: input not made`);
    writeFileSync(file, text);
    for (const format of ['terminal', 'pdf', 'html', 'markdown', 'json']) {
      const out = ['pdf', 'html'].includes(format) ? ['--out', join(longDir, `out.${format}`)] : [];
      const xs = [];
      const rss = [];
      for (let i = 0; i < LONG_RUNS; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'score', file, '--format', format, ...out], {
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`${name} ${format} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
        xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        rss.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
      }
      const ms = median(xs);
      const mb = Math.max(...rss);
      console.log(
        `${name.padEnd(18)} ${format.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms ${mb.toFixed(0).padStart(5)} MB peak   ${ms <= 5000 && mb <= 500 ? 'OK' : 'ABOVE AIM'}`,
      );
    }
  }
  rmSync(longDir, { recursive: true, force: true });
}

// Datasets: a million survey responses and a million service records (BENCH_DATA_ROWS), made by
// scripts/make-example-data.mjs; wall time of the whole command and its peak memory (aim: ≤ 5 s and ≤ 300 MB).
// BENCH_10M=1 also runs ten million rows once (about 0.9 GB each; records within 2× a plain read and ≤ 400 MB).
const ROWS = Number(process.env.BENCH_DATA_ROWS ?? 1000000);
if (process.env.BENCH_SKIP_DATA) process.exit(0);
const dataRun = (rows, runs) => {
  const gen = spawnSync(process.execPath, [join(root, 'scripts/make-example-data.mjs'), dir, String(rows), String(rows)]);
  if (gen.status !== 0) throw new Error(String(gen.stderr));
  console.log(`\nDatasets (${rows} rows each, median of ${runs}, whole command; peak RSS)`);
  for (const [name, args] of [
    ['survey', ['survey', join(dir, 'survey-2026Q3.csv'), '--format', 'json']],
    ['records', ['records', join(dir, 'tickets-2026Q3.csv'), '--format', 'json', '--as-of', '2026-11-01']],
  ]) {
    const xs = [];
    const rss = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [join(root, 'bench/maxrss.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
      // A run that printed no analysis measured nothing (a start-up path that never ran the command).
      if (!String(r.stdout).includes('"dataset"')) throw new Error(`${name} printed no analysis: ${String(r.stdout).slice(0, 200)}`);
      xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      rss.push(Number(/maxrss-kb (\d+)/.exec(String(r.stderr))?.[1] ?? 0) / 1024);
    }
    const mb = statSync(join(dir, name === 'survey' ? 'survey-2026Q3.csv' : 'tickets-2026Q3.csv')).size / 1048576;
    const ok = rows > 1000000 || (median(xs) <= 5000 && Math.max(...rss) <= 300);
    console.log(
      `${name.padEnd(12)} ${median(xs).toFixed(0).padStart(7)} ms ${Math.max(...rss)
        .toFixed(0)
        .padStart(6)} MB peak   ${mb.toFixed(1)} MB input   ${rows > 1000000 ? 'finished' : ok ? 'OK' : 'ABOVE AIM'}`,
    );
    if (name === 'records') {
      // The yardstick (issue 22: records within 2× of it): a plain streaming read of the same file, same runs.
      const plain = [];
      const plainRss = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [join(root, 'bench/plainRead.mjs'), join(dir, 'tickets-2026Q3.csv')], { stdio: ['ignore', 'pipe', 'pipe'] });
        if (r.status !== 0) throw new Error(`plain read exited ${r.status}: ${r.stderr}`);
        plain.push(Number(process.hrtime.bigint() - t0) / 1e6);
        plainRss.push(Number(/maxrss-kb (\d+)/.exec(String(r.stderr))?.[1] ?? 0) / 1024);
      }
      const ratio = median(xs) / median(plain);
      console.log(
        `${'plain read'.padEnd(12)} ${median(plain).toFixed(0).padStart(7)} ms ${Math.max(...plainRss)
          .toFixed(0)
          .padStart(
            6,
          )} MB peak   records / plain read = ${ratio.toFixed(2)}x (aim ≤ 2x, ≤ 400 MB at 10 M rows): ${ratio <= 2 && (rows < 10000000 || Math.max(...rss) <= 400) ? 'OK' : 'ABOVE AIM'}`,
      );
    }
  }
};
dataRun(ROWS, 3);
if (process.env.BENCH_10M) dataRun(10000000, 1);
rmSync(dir, { recursive: true, force: true });
