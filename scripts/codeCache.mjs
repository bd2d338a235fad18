// The code cache that bin/aftersales-assess.cjs hands to V8: made by running the commands users run most
// (JSON, terminal, validate, a batch, Markdown/SARIF/GitHub, the PDF, help) one after another, each adding
// what it compiled. Valid only for the Node version (and V8 flags) that ran the build; elsewhere V8 rejects
// it and the CLI compiles as usual. Each cache file starts with a digest of its bundle and of itself
// (bin/aftersales-assess.cjs, encodeCache), so no other bundle or damaged cache reaches V8. Measured on the
// JSON path: see README, "Performance".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function buildCodeCache(root) {
  const cache = join(root, 'dist/cli.cjs.cache');
  rmSync(cache, { force: true });
  const out = mkdtempSync(join(tmpdir(), 'asa-code-cache-'));
  const ex = (name) => join(root, 'examples', name, 'company.yaml');
  const runs = [
    ['score', ex('five-star'), '--format', 'json'],
    ['score', ex('three-star'), '--no-color'],
    ['score', ex('three-star'), '--color'],
    ['validate', ex('failing')],
    ['score', ex('failing'), '--format', 'markdown'],
    ['score', ex('failing'), '--format', 'sarif'],
    ['score', ex('failing'), '--format', 'github'],
    ['score', join(root, 'examples/*/company.yaml'), '--format', 'jsonl'],
    ['score', ex('three-star'), '--format', 'pdf', '--out', join(out, 'report.pdf')],
    ['--help'],
    ['score', ex('five-star'), '--format', 'json'],
  ];
  try {
    for (const args of runs) {
      // Exit codes 1 and 2 are answers (below threshold, invalid input), not build failures.
      const r = spawnSync(process.execPath, [join(root, 'scripts/trainCodeCache.cjs'), ...args], {
        cwd: out,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      if (r.status === 3 || r.status === null) throw new Error(`code cache: \`${args.join(' ')}\` failed (${r.status ?? r.signal}): ${r.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  if (!existsSync(cache)) throw new Error('code cache: nothing written');
}
