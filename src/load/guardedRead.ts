import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The one way the tool reads a file: regular files only (a FIFO, device or folder is refused without
 * blocking: the file is opened non-blocking and checked with fstat on the same descriptor), a size cap
 * checked before reading, and, for files cited from an evidence file, containment in the evidence root
 * after symlinks are resolved. Every file read is remembered so that no output can be written over it.
 */
export type ReadRefusal = 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'unreadable';

export class ReadRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: ReadRefusal,
    readonly detail: { size?: number; max?: number; code?: string } = {},
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * dev:ino of every file read in this thread. A batch worker's set is invisible to the thread that writes
 * the outputs, so a worker hands over what it read since it last answered (`takeNewReads`) and the
 * writing thread adds it (`noteReads`): the guard against writing over an input holds in every thread mode.
 */
const readFiles = new Set<string>();
let unreported: string[] = [];
const identity = (st: Stats) => `${st.dev}:${st.ino}`;
function remember(id: string): void {
  if (readFiles.has(id)) return;
  readFiles.add(id);
  unreported.push(id);
}
/** A file looked at without being read through here (a cited document): still never written over. */
export function noteInput(st: Stats): void {
  remember(identity(st));
}
export function wasRead(st: Stats): boolean {
  return readFiles.has(identity(st));
}
/** What this thread read since the last call, as opaque identities for `noteReads` in another thread. */
export function takeNewReads(): string[] {
  const taken = unreported;
  unreported = [];
  return taken;
}
/** Files another thread of this run read (its `takeNewReads`). */
export function noteReads(ids: readonly string[]): void {
  for (const id of ids) remember(id);
}

export interface GuardOptions {
  maxBytes: number;
  /** Real path of the evidence root the file must stay inside (for files cited from an evidence file). */
  root?: string | undefined;
}

/** Opens `path` for reading after the checks; the caller must close the descriptor. */
export function openGuarded(path: string, o: GuardOptions): { fd: number; size: number } {
  if (o.root !== undefined) {
    let real: string;
    try {
      real = realpathSync.native(path);
    } catch (e) {
      throw refusal(path, e);
    }
    if (!isInside(o.root, real)) throw new ReadRefused(path, 'outside-root');
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw refusal(path, e);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new ReadRefused(path, 'not-a-file');
  }
  if (st.size > o.maxBytes) {
    closeSync(fd);
    throw new ReadRefused(path, 'too-large', { size: st.size, max: o.maxBytes });
  }
  remember(identity(st));
  return { fd, size: st.size };
}

/** The whole file, within the cap (a file that grows while read is cut at the cap and refused). */
export function readGuarded(path: string, o: GuardOptions): Buffer {
  const { fd, size } = openGuarded(path, o);
  try {
    const buf = Buffer.alloc(Math.min(size, o.maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) throw new ReadRefused(path, 'too-large', { size: got, max: o.maxBytes });
    }
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof ReadRefused) throw e;
    throw refusal(path, e);
  } finally {
    closeSync(fd);
  }
}

export function isInside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

export function realRoot(dir: string): string {
  try {
    return realpathSync.native(resolve(dir));
  } catch {
    return resolve(dir);
  }
}

function refusal(path: string, e: unknown): ReadRefused {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadRefused(path, 'missing');
  if (code === 'EISDIR') return new ReadRefused(path, 'not-a-file');
  return new ReadRefused(path, 'unreadable', code ? { code } : {});
}
