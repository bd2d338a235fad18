import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { wasRead } from '../load/guardedRead.js';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/usage.js';

export interface Terminal {
  isTTY: boolean;
  columns: number;
  color: boolean;
}

/** Colour only for a person at a terminal: never when piped, with NO_COLOR, or with --no-color. */
export function detectTerminal(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): Terminal {
  const isTTY = Boolean(stream.isTTY);
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const noColor = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const color = colorFlag !== false && !noColor && (isTTY || forced);
  // Piped output has no width: COLUMNS (as shells and CI set it) when given, else 100.
  const fromEnv = /^\d{2,4}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  return { isTTY, columns: stream.columns || fromEnv || 100, color };
}

/**
 * Writes the report to `out` ('-' or undefined: stdout).
 * - A regular file (or a new one) is written to a temporary name beside it and renamed: an interrupted
 *   run never leaves half a report. Through a symlink, the file it points to is replaced, not the link.
 * - Anything else that can be written (a pipe, /dev/stdout, /dev/null, a terminal) is written directly;
 *   a folder or socket is refused. Nothing that is not a regular file is ever replaced.
 * - A target that is (after symlinks, hard links, `..`) any file this run read is refused.
 * - A write error (disk full, no permission) is exit 2 with one line, leaving no temporary file.
 */
export function writeOutput(content: string | Uint8Array, out: string | undefined, inputs: readonly string[]): void {
  if (out === undefined || out === '-') {
    process.stdout.write(content);
    return;
  }
  if (out === '') throw new UsageError('out-empty', {});
  // `reports/` names a folder even when none is there yet: writing a file called `reports` would surprise.
  if (/[\\/]$/.test(out)) throw new UsageError('out-is-folder', { out });
  const target = resolve(out);
  let st: Stats | null = null;
  try {
    st = statSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UsageError('out-error', { out, why: code ?? (e as Error).message });
  }
  if (st && (wasRead(st) || inputs.some((i) => sameFile(i, st!)))) {
    throw new UsageError('out-is-input', { out });
  }
  if (st?.isDirectory()) throw new UsageError('out-is-folder', { out });
  if (st && !st.isFile()) {
    // A device, a pipe or a socket (/dev/stdout of a child process): written as it is, never replaced.
    // Our own standard output (a socket cannot be opened by path) goes through process.stdout.
    const own = fstatSync(1);
    if (own.dev === st.dev && own.ino === st.ino) {
      process.stdout.write(content);
      return;
    }
    writeDirect(content, target, out);
    return;
  }
  // A symlink to a regular file: replace the file it points to, keeping the link.
  const real = st ? realpathSync(target) : target;
  const dir = dirname(real);
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError('out-parent-not-folder', { out, dir: dirname(out) });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('out-parent-missing', { out, dir: dirname(out) || '.' });
  }
  replaceAtomically(content, real, st ? st.mode & 0o777 : 0o644, out);
}

/**
 * Written to a new temporary name beside `real` (create-exclusive: never through a name planted there) and
 * renamed over it: a reader sees the old file or the whole new one, and rename replaces the name, never
 * writing through whatever it was.
 */
function replaceAtomically(content: string | Uint8Array, real: string, mode: number, out: string): void {
  let tmp: string | undefined;
  try {
    // A name nobody can guess ahead, created exclusively: whatever is found at a name tried (planted or left
    // over) is never written through, never removed, and the next name is tried.
    for (let attempt = 0; tmp === undefined; attempt++) {
      const name = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        writeFileSync(name, content, { flag: 'wx', mode });
        tmp = name;
      } catch (e) {
        // Anything but EEXIST means nothing was at the name before: what is there now (half a write) is ours.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') tmp = name;
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw e;
      }
    }
    renameSync(tmp, real);
  } catch (e) {
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
    }
    throw new UsageError('out-error', { out, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/**
 * The files of an `--out-dir` (a company's page, the portfolio's index.html), each a plain name inside
 * `realDir`, the folder already resolved once. Unlike `--out`, nothing found inside the folder is followed:
 * a symlink, folder, device, pipe or socket at a name is refused and named, as is a file this run read.
 * Every name is checked before the first is written, so a refusal leaves the folder as it was.
 */
export function writeIntoFolder(
  files: ReadonlyArray<{ name: string; content: () => string | Uint8Array }>,
  realDir: string,
  shownDir: string,
  inputs: readonly string[],
): void {
  const modes = files.map(({ name }) => {
    const target = join(realDir, name);
    const shown = join(shownDir, name);
    let st: Stats | undefined;
    try {
      st = lstatSync(target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new UsageError('out-error', { out: shown, why: code ?? (e as Error).message });
      return 0o644;
    }
    if (!st.isFile()) throw new UsageError('out-dir-entry-not-file', { path: shown, kind: entryKind(st) });
    if (wasRead(st) || inputs.some((i) => sameFile(i, st))) throw new UsageError('out-is-input', { out: shown, option: '--out-dir' });
    return st.mode & 0o777;
  });
  files.forEach(({ name, content }, i) => {
    replaceAtomically(content(), join(realDir, name), modes[i]!, join(shownDir, name));
  });
}

function entryKind(st: Stats): 'symlink' | 'folder' | 'special' {
  return st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'folder' : 'special';
}

function writeDirect(content: string | Uint8Array, target: string, out: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
    const buf = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(fd, buf, off, buf.length - off);
      } catch (e) {
        // A full pipe: wait for the reader rather than fail.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  } catch (e) {
    throw new UsageError('out-error', { out, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function sameFile(path: string, st: Stats): boolean {
  try {
    const other = statSync(path);
    return other.dev === st.dev && other.ino === st.ino;
  } catch {
    return false;
  }
}
