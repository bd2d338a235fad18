// One test per edge of issue 19; each reproduced the defect before it was fixed.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli as run } from './run.js';

/** These tests read the English wording. */
const cli = (args: string[], env: Record<string, string | undefined> = {}) => run([...args, '--lang', 'en'], env);

const THREE = join(ROOT, 'examples/three-star/company.yaml');
const REGULAR = join(ROOT, 'fonts/NotoSansSC-Regular.ttf');
const BOLD = join(ROOT, 'fonts/NotoSansSC-Bold.ttf');
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-edges-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A TrueType collection of whole fonts: the TTC header, then each font with its table offsets moved past what precedes it. */
function collection(fonts: Buffer[]): Buffer {
  const head = Buffer.alloc(12 + 4 * fonts.length);
  head.write('ttcf', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(fonts.length, 8);
  const parts = [head];
  let at = head.length;
  fonts.forEach((font, i) => {
    head.writeUInt32BE(at, 12 + 4 * i);
    const f = Buffer.from(font);
    for (let t = 0; t < f.readUInt16BE(4); t++) f.writeUInt32BE(f.readUInt32BE(12 + 16 * t + 8) + at, 12 + 16 * t + 8);
    parts.push(f);
    at += f.length;
  });
  return Buffer.concat(parts);
}

describe('PDF fonts', () => {
  const pdf = (d: string, ...font: string[]) => cli(['score', THREE, '--format', 'pdf', '--out', join(d, 'x.pdf'), ...font]);

  it('a collection without a face (or with a face it lacks) lists its faces and how to choose one', () => {
    const d = tmp();
    const ttc = join(d, 'both.ttc');
    writeFileSync(ttc, collection([readFileSync(REGULAR), readFileSync(BOLD)]));
    for (const spec of [ttc, `${ttc}#Nope`]) {
      const r = pdf(d, '--font', spec);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${ttc} is a font collection (.ttc)`);
      expect(r.stderr).toContain(`use ${ttc}#PostScriptName, one of NotoSansSC-Regular, NotoSansSC-Bold`);
      expect(r.stderr).not.toContain('createSubset');
      noStack(r.stderr);
    }
    const r = pdf(d, '--font', `${ttc}#NotoSansSC-Regular`, '--font-bold', `${ttc}#NotoSansSC-Bold`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 180_000);

  it('a truncated or damaged font is "font unusable", naming the file, for --font and --font-bold', () => {
    const d = tmp();
    const bytes = readFileSync(REGULAR);
    const damaged = Buffer.from(bytes);
    damaged.fill(0, 200, 1200); // inside the table directory
    const fonts = {
      'cut-1mb.ttf': bytes.subarray(0, 1024 * 1024),
      'cut-3mb.ttf': bytes.subarray(0, 3 * 1024 * 1024),
      'zeroed.ttf': damaged,
    };
    for (const [name, b] of Object.entries(fonts)) {
      const file = join(d, name);
      writeFileSync(file, b);
      for (const args of [
        ['--font', file],
        ['--font', REGULAR, '--font-bold', file],
      ]) {
        const r = pdf(d, ...args);
        expect(r.code, `${name} ${args.join(' ')}`).toBe(2);
        expect(r.stderr).toContain(`font unusable: the PDF font ${file}`);
        expect(r.stderr).not.toContain('DataView');
        expect(r.stderr).not.toContain('internal error');
        noStack(r.stderr);
      }
    }
  }, 120_000);
});

describe('init', () => {
  it('refuses a blank company name or one with control characters, writing nothing; validate accepts what it writes', () => {
    for (const [name, says] of [
      ['', '--company needs the company\'s registered name, got ""'],
      ['  \u3000 ', "--company needs the company's registered name"],
      ['ACME\nLtd', '--company must not contain control characters'],
      ['ACME\u0007', '--company must not contain control characters'],
      ['\u202eDTL EMCA', 'got "\\u202eDTL EMCA"'],
    ] as const) {
      const dir = join(tmp(), 'co');
      const r = cli(['init', dir, '--company', name]);
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain('nothing was written');
      expect(existsSync(dir)).toBe(false);
    }
    for (const file of ['   ', 'a\nb.yaml', 'a\tb.yaml']) {
      const dir = join(tmp(), 'co');
      const r = cli(['init', dir, '--file', file]);
      expect(r.code, JSON.stringify(file)).toBe(2);
      expect(r.stderr).toContain(`--file must be a file name without folders or control characters, got ${JSON.stringify(file)}`);
      expect(existsSync(dir)).toBe(false);
    }
    const dir = join(tmp(), 'co');
    expect(cli(['init', dir, '--company', '  ACME 有限公司 ']).code).toBe(0);
    expect(readFileSync(join(dir, 'company.yaml'), 'utf8')).toContain('name: ACME 有限公司\n');
    const v = cli(['validate', join(dir, 'company.yaml')]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });
});

describe('standard input', () => {
  /** The CLI with standard input opened on `path` (a file or a folder), as a shell's `< path` does. */
  const withStdin = (args: string[], path: string) => {
    const fd = openSync(path, 'r');
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), ...args, '--lang', 'en'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: [fd, 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    } finally {
      closeSync(fd);
    }
  };

  it('is read only once: `diff - -` says so instead of "the top level must be a mapping"', () => {
    for (const sides of [
      ['-', '-'],
      ['-', '/dev/stdin'],
    ]) {
      const r = withStdin(['diff', ...sides], THREE);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('standard input can be read only once');
      expect(r.stderr).not.toContain('mapping');
    }
  });

  it('a folder on standard input is named as such, for score, validate and diff', () => {
    const folder = join(ROOT, 'examples/three-star');
    for (const args of [
      ['score', '-'],
      ['validate', '-'],
      ['diff', THREE, '-'],
      ['diff', '-', THREE],
    ]) {
      const r = withStdin(args, folder);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('standard input is a folder, not a file');
      expect(r.stderr).not.toContain('mapping');
    }
  });

  it('diff and validate take --max-bytes as score does; a refusal at the ceiling does not point at it', () => {
    const big = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'diff', THREE, '-', '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: Buffer.alloc(64 * 1024 * 1024 + 1, 0x20),
    });
    expect(big.status).toBe(2);
    expect(big.stderr).toContain('more than 67108864 bytes, refused (the most accepted)');
    expect(big.stderr).not.toContain('--max-bytes');
    const small = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'diff', THREE, '-', '--max-bytes', '1000', '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: readFileSync(THREE),
    });
    expect(small.status).toBe(2);
    expect(small.stderr).toContain('-: more than 1000 bytes, refused (raise the limit with --max-bytes)');
    const d = cli(['diff', THREE, THREE, '--max-bytes', String(64 * 1024 * 1024)]);
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    const v = cli(['validate', THREE, '--max-bytes', '100']);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('over the 100-byte limit');
    expect(cli(['validate', THREE, '--no-files', '--max-bytes', String(64 * 1024 * 1024)]).code).toBe(0);
  });
});

describe('batch workers', () => {
  it('an internal error in a worker is the one-line message of the main thread; the stack only with AFTERSALES_DEBUG', () => {
    const d = tmp();
    // A bug simulated in worker threads only: hashing throws there, so the evidence file is assessed that far.
    const preload = join(d, 'bug-in-worker.cjs');
    writeFileSync(
      preload,
      `if (!require('node:worker_threads').isMainThread) require('node:crypto').createHash = () => { throw new TypeError('simulated bug in a worker'); };\n`,
    );
    const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((f) => {
      writeFileSync(join(d, f), readFileSync(THREE));
      return join(d, f);
    });
    const env = { NODE_OPTIONS: `--require ${preload}`, AFTERSALES_WORKERS: '2' };
    const r = cli(['score', ...files, '--format', 'json'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('internal error: simulated bug in a worker\n');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    noStack(r.stderr);
    expect(r.stderr).not.toContain(ROOT);
    const debug = cli(['score', ...files, '--format', 'json'], { ...env, AFTERSALES_DEBUG: '1' });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/TypeError: simulated bug in a worker\n\s+at /);
  });
});

describe('bash completion', () => {
  const dir = tmp();
  const script = join(dir, 'c.bash');
  writeFileSync(script, run(['completion', 'bash']).stdout);
  const work = join(dir, 'work');
  mkdirSync(join(work, 'audit 2026'), { recursive: true });
  writeFileSync(join(work, 'my company.yaml'), '');
  writeFileSync(join(work, 'other.yaml'), '');
  /** COMPREPLY, one entry a line, after the completion function ran on these words (the cursor in the last). */
  const complete = (...words: string[]) => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _aftersales_assess; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        script,
        'aftersales-assess',
        ...words,
      ],
      { cwd: work, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).sort();
  };

  it('offers the shells after `completion`, not file names', () => {
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('completion', 'z')).toEqual(['zsh']);
  });

  it('offers nothing after an option that takes a number or a date; values where an option has choices', () => {
    for (const option of ['--fail-under', '--as-of', '--top', '--max-bytes']) expect(complete('score', 'x.yaml', option, ''), option).toEqual([]);
    expect(complete('init', '--company', '')).toEqual([]);
    expect(complete('score', '--lang', '')).toEqual(['en', 'zh-CN']);
  });

  it('completes a file name with spaces as one word, and only folders where a folder is asked for', () => {
    expect(complete('score', 'my')).toEqual(['my company.yaml']);
    expect(complete('score', '')).toEqual(['audit 2026', 'my company.yaml', 'other.yaml']);
    expect(complete('score', 'x.yaml', '--out', 'm')).toEqual(['my company.yaml']);
    expect(complete('score', 'x.yaml', '--root', '')).toEqual(['audit 2026']);
    expect(complete('init', 'au')).toEqual(['audit 2026']);
    // readline quotes what it inserts (my\ company.yaml) because the script asks for file-name handling.
    expect(readFileSync(script, 'utf8')).toMatch(/^complete -o filenames -F _aftersales_assess aftersales-assess$/m);
  });
});

it('fish completion: shells after `completion`, no file names after --fail-under, folders for --root', () => {
  const fish = run(['completion', 'fish', '--lang', 'en']).stdout;
  expect(fish).toContain("complete -c aftersales-assess -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'");
  expect(fish).toMatch(/-n '__fish_seen_subcommand_from score' -l fail-under -x -d /);
  expect(fish).toMatch(/-n '__fish_seen_subcommand_from score' -l root -x -a '\(__fish_complete_directories\)'/);
  expect(fish).toContain("complete -c aftersales-assess -n '__fish_seen_subcommand_from score' -F\n");
});

describe('a folder batch reaches each company once and passes nothing over in silence', () => {
  it('a symlinked folder is not entered, a second name of one file is one company, a FIFO and a dangling link are reported (exit 2)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'clients/acme'), { recursive: true });
    copyFileSync(THREE, join(dir, 'clients/acme/company.yaml'));
    // The same company reached three ways: its file, a second name for it, a folder linked to its folder.
    symlinkSync('company.yaml', join(dir, 'clients/acme/alias.yaml'));
    symlinkSync('acme', join(dir, 'clients/acme-link'));
    symlinkSync('nowhere.yaml', join(dir, 'clients/dangling.yaml'));
    spawnSync('mkfifo', [join(dir, 'clients/pipe.yaml')]);
    const r = cli(['score', join(dir, 'clients'), '--format', 'json']);
    // Two refused names, no company scored twice: exit 2 for the refused ones, the company still reported.
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as Array<{ company: { name: string } }>;
    expect(reports.map((x) => x.company.name)).toEqual(['蓝鲸云软件科技有限公司']);
    expect(r.stderr).toContain(`${join(dir, 'clients/dangling.yaml')}: error: this .yaml/.yml name is not a regular file`);
    expect(r.stderr).toContain(`${join(dir, 'clients/pipe.yaml')}: error: this .yaml/.yml name is not a regular file`);
    expect(r.stderr).toContain('2 of 3 file(s) invalid and skipped');
  });
});

describe('values that cannot be what the user meant are refused', () => {
  it('init --company with bytes that are not UTF-8 (a GBK terminal) writes nothing, exit 2', () => {
    const dir = join(tmp(), 'newco');
    // The shell passes the raw bytes, as a GBK terminal would; Node decodes them to U+FFFD.
    const raw = spawnSync(
      'sh',
      [
        '-c',
        `"$0" "$1" init "$2" --company "$(printf '\\377\\376A')" --lang en`,
        process.execPath,
        join(ROOT, 'bin/aftersales-assess.cjs'),
        join(dir, '..', 'other'),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(raw.status).toBe(2);
    expect(raw.stderr).toContain('--company holds bytes that are not UTF-8');
    expect(existsSync(join(dir, '..', 'other'))).toBe(false);
  });

  it('a sample of more than ten million items is refused at its position', () => {
    const dir = tmp();
    const file = join(dir, 'company.yaml');
    writeFileSync(file, readFileSync(THREE, 'utf8').replace('sample: { checked: 40, conforming: 40 }', 'sample: { checked: 1e308, conforming: 40 }'));
    const r = cli(['validate', file, '--no-files']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/company\.yaml:\d+:\d+: error: criterion 5\.2\.4\.2, `sample\.checked` must be at most 10000000/);
  });
});
