import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Socket } from 'node:net';
import { noteInput } from '../load/guardedRead.js';
import { UsageError } from '../model/usage.js';
import { MAX_BYTES_CEILING } from './options.js';

/**
 * An evidence file that is not a regular file: `-` (standard input), `/dev/stdin`, or a pipe such as bash's
 * `<(…)`. Its bytes are read here, within the size cap, and assessed from memory; cited files are then
 * looked up from the working directory (or --root). Anything else that is not a regular file (a folder, a
 * socket, a terminal) keeps the usual refusal.
 */
/** The whole stream, refused past `maxBytes`; a terminal on standard input is refused rather than waited on. */
export async function readStreamInput(arg: string, maxBytes: number): Promise<Buffer> {
  // Standard input by any name is read from the descriptor Node already has: opening /dev/stdin fails when
  // it is a socket (ENXIO), as it is under many process managers.
  const stdin = arg === '-' || /^\/(dev\/(stdin|fd\/0)|proc\/self\/fd\/0)$/.test(arg);
  if (stdin) {
    // A second read would find it already consumed, empty: "the top level must be a mapping" says nothing useful.
    if (stdinTaken) throw new UsageError('stdin-read-twice', { file: arg });
    stdinTaken = true;
    if (process.stdin.isTTY) throw new UsageError('stdin-is-terminal', {});
    // `< folder`: reading it gives no bytes on some systems and EISDIR on others.
    if (isFolder(0)) throw new UsageError('stream-is-folder', { file: arg });
    // `score - --out company.yaml < company.yaml`: the file behind the descriptor is an input like any other.
    noteInput(fstatSync(0));
  }
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = stdin ? process.stdin : openStream(arg);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('stream-unreadable', { file: arg, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxBytes) throw new UsageError('stream-too-large', { file: arg, max: maxBytes, atCeiling: maxBytes >= MAX_BYTES_CEILING });
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('stream-unreadable', { file: arg, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  } finally {
    if (!stdin) stream.destroy();
  }
  return Buffer.concat(chunks);
}

let stdinTaken = false;

function isFolder(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

function openStream(path: string): NodeJS.ReadableStream & { destroy(): void } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  if (isFolder(fd)) {
    closeSync(fd);
    throw new UsageError('stream-is-folder', { file: path });
  }
  noteInput(fstatSync(fd));
  if (!fstatSync(fd).isFIFO()) return createReadStream('', { fd });
  // A named pipe nobody writes to: a non-blocking read says end of input at once (0) or "no data yet"
  // (EAGAIN, a writer exists). Only then is the pipe watched; a pipe without a writer never hangs the run.
  const first = Buffer.alloc(64 * 1024);
  let n: number;
  try {
    n = readSync(fd, first, 0, first.length, null);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    return new Socket({ fd, readable: true, writable: false });
  }
  if (n === 0) {
    closeSync(fd);
    return Readable.from([]) as unknown as NodeJS.ReadableStream & { destroy(): void };
  }
  const rest = new Socket({ fd, readable: true, writable: false });
  return Readable.from(
    (async function* () {
      yield first.subarray(0, n);
      for await (const chunk of rest) yield chunk;
    })(),
  ) as unknown as NodeJS.ReadableStream & { destroy(): void };
}
