import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The code cache is an optimisation: whatever sits at dist/NAME.cjs.cache, the CLI must behave exactly as
// it does with no cache at all — the bundle's current code, the same output and exit code, no signal, no
// hang. Each case runs on its own copy of bin/ and dist/ so that it can break the cache freely.
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asa-code-cache-'));
  made.push(dir);
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(dir: string, args: string[], env: Record<string, string> = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [join(dir, 'bin/aftersales-assess.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A FIFO opened for reading blocks until a writer comes: the timeout turns a hang into a failure.
    timeout: 180_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...env } as NodeJS.ProcessEnv,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const COMMANDS: string[][] = [
  ['score', 'examples/five-star/company.yaml', '--format', 'json'],
  // Exit 2 (invalid input): a broken cache must not turn one answer into another (1 means below threshold).
  ['validate', 'test/fixtures/invalid-evidence.yaml', '--lang', 'en'],
];

/** What the CLI does with no cache, the reference for every other case. */
const uncached = (() => {
  const dir = copy();
  rmSync(join(dir, 'dist/cli.cjs.cache'));
  rmSync(join(dir, 'dist/pdf.cjs.cache'));
  return COMMANDS.map((args) => run(dir, args));
})();

const { verifiedCache } = createRequire(import.meta.url)(join(ROOT, 'bin/aftersales-assess.cjs')) as {
  verifiedCache: (file: string, source: Buffer) => Buffer | undefined;
};

function expectAsUncached(dir: string): void {
  COMMANDS.forEach((args, i) => {
    const r = run(dir, args);
    const ref = uncached[i]!;
    expect(r.signal, r.stderr).toBeNull();
    expect(r.stderr).toBe(ref.stderr);
    expect(r.stdout).toBe(ref.stdout);
    expect(r.status).toBe(ref.status);
  });
}

describe('the code cache, when it does not match', () => {
  it('gives a reference run without a cache that answers (exit 0, and 2 for the invalid file)', () => {
    expect(uncached.map((r) => [r.status, r.signal])).toEqual([
      [0, null],
      [2, null],
    ]);
    expect(JSON.parse(uncached[0]!.stdout).level.id).toBe('five-star');
  });

  it('is not used for a bundle edited in place at the same length: the new text is printed', () => {
    const dir = copy();
    const file = join(dir, 'dist/cli.cjs');
    const before = readFileSync(file, 'latin1');
    const old = '"{file}: valid"';
    expect(before.split(old)).toHaveLength(2);
    const after = before.replace(old, '"{file}: VALID"');
    // The attack is real: V8 alone accepts the old cache for the edited source (it compares lengths only).
    const payload = verifiedCache(join(ROOT, 'dist/cli.cjs'), readFileSync(join(ROOT, 'dist/cli.cjs')));
    expect(payload).toBeDefined();
    expect(new Script(wrap(after), { filename: file, cachedData: payload }).cachedDataRejected).toBe(false);
    writeFileSync(file, after, 'latin1');
    const r = run(dir, ['validate', 'examples/failing/company.yaml', '--lang', 'en']);
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('examples/failing/company.yaml: VALID\n');
  });

  it('is not used in batch worker threads either, for a bundle edited in place', () => {
    const dir = copy();
    const file = join(dir, 'dist/cli.cjs');
    const before = readFileSync(file, 'latin1');
    // The tool block of every report, which the workers build.
    const old = '{name:"aftersales-assess",version:"0.1.0"}';
    expect(before.split(old)).toHaveLength(2);
    writeFileSync(file, before.replace(old, '{name:"aftersales-assess",version:"9.9.9"}'), 'latin1');
    const files = ['five-star', 'three-star', 'failing'].map((e) => `examples/${e}/company.yaml`);
    const r = run(dir, ['score', ...files, '--format', 'jsonl'], { AFTERSALES_WORKERS: '2' });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const versions = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).tool.version);
    expect(versions).toEqual(['9.9.9', '9.9.9', '9.9.9']);
  });

  const payloadStart = 48;
  const corruptions: Record<string, (cache: Buffer, dir: string) => Buffer> = {
    'one bit flipped in the middle of the payload': (c) => {
      const b = Buffer.from(c);
      const at = payloadStart + Math.floor((b.length - payloadStart) / 2);
      b.writeUInt8(b.readUInt8(at) ^ 0x10, at);
      return b;
    },
    // Without the digest, this one aborts Node inside V8's deserializer (SIGTRAP, exit 133, no output).
    'one bit flipped every 8 KiB': (c) => {
      const b = Buffer.from(c);
      for (let at = payloadStart + 1000; at < b.length; at += 8191) b.writeUInt8(b.readUInt8(at) ^ 0x10, at);
      return b;
    },
    'truncated to half': (c) => c.subarray(0, Math.floor(c.length / 2)),
    'truncated by one byte': (c) => c.subarray(0, c.length - 1),
    'both headers kept, a random payload after them': (c) => Buffer.concat([c.subarray(0, payloadStart + 64), randomBytes(c.length - payloadStart - 64)]),
    'zero-length': () => Buffer.alloc(0),
    // V8's own data with its valid header but not ours (a cache from before the digest, or made by hand).
    "V8's data without the digest header": (c) => c.subarray(payloadStart),
    'the cache of the other bundle': (_c, dir) => readFileSync(join(dir, 'dist/pdf.cjs.cache')),
  };
  for (const [name, corrupt] of Object.entries(corruptions)) {
    it(`is ignored when ${name}: same output and exit code as without a cache`, () => {
      const dir = copy();
      const cache = join(dir, 'dist/cli.cjs.cache');
      writeFileSync(cache, corrupt(readFileSync(cache), dir));
      expectAsUncached(dir);
    });
  }

  it('does not block on a FIFO at the cache path', () => {
    const dir = copy();
    const cache = join(dir, 'dist/cli.cjs.cache');
    rmSync(cache);
    const mk = spawnSync('mkfifo', [cache]);
    expect(mk.status).toBe(0);
    expectAsUncached(dir);
  });

  it('is ignored when a folder sits at the cache path', () => {
    const dir = copy();
    const cache = join(dir, 'dist/cli.cjs.cache');
    rmSync(cache);
    mkdirSync(cache);
    expectAsUncached(dir);
  });

  it('is ignored when the cache path is a symlink to /dev/zero', () => {
    const dir = copy();
    const cache = join(dir, 'dist/cli.cjs.cache');
    rmSync(cache);
    symlinkSync('/dev/zero', cache);
    expectAsUncached(dir);
  });
});
