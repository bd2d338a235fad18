import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../model/usage.js';

/** What `git cat-file` says of one object name: its id, type and size in bytes; null when it does not exist. */
export interface ObjectInfo {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  size: number;
}

/**
 * One long-lived `git cat-file --batch-command` for a whole history: a commit of 500 revisions asks it a few
 * thousand questions, where a process per question would cost seconds. Blob contents are cached by object id,
 * so a file unchanged across commits is read once.
 */
export class CatFile {
  private readonly proc: ChildProcessByStdio<Writable, Readable, Readable>;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  private ended: Error | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly contents = new Map<string, Buffer>();

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch-command'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    let said = '';
    this.proc.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const fail = (e: Error) => {
      this.ended = e;
      this.wake();
    };
    this.proc.on('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ENOENT' ? new UsageError('git-missing', {}) : new UsageError('history-git-failed', { command: 'cat-file', said: e.message })),
    );
    this.proc.on('close', () => fail(new UsageError('history-git-failed', { command: 'cat-file', said: said.trim().split('\n')[0] ?? '' })));
    // Writing to a process that died is reported through `close`, not as an unhandled error.
    this.proc.stdin.on('error', () => undefined);
  }

  /** Type, id and size of `name` (`<commit>:<path>`, an object id); null when it names nothing. */
  info(name: string): Promise<ObjectInfo | null> {
    return this.serial(async () => {
      this.send(`info ${name}\n`);
      return this.header(await this.line());
    });
  }

  /** The content of the blob `oid`, cached by id. */
  async blob(oid: string): Promise<Buffer> {
    const known = this.contents.get(oid);
    if (known) return known;
    const bytes = await this.serial(async () => {
      this.send(`contents ${oid}\n`);
      const info = this.header(await this.line());
      if (!info) throw new UsageError('history-missing-object', { object: oid });
      const body = await this.take(info.size + 1); // the content, then a newline
      return body.subarray(0, info.size);
    });
    this.contents.set(oid, bytes);
    return bytes;
  }

  close(): void {
    this.proc.stdin.end();
  }

  private header(line: string): ObjectInfo | null {
    if (line.endsWith(' missing') || line.endsWith(' ambiguous')) return null;
    const [oid, type, size] = line.split(' ');
    if (!oid || !type || size === undefined || !/^\d+$/.test(size)) throw new UsageError('history-git-failed', { command: 'cat-file', said: line });
    return { oid, type: type as ObjectInfo['type'], size: Number(size) };
  }

  /** Questions are answered in order: one at a time keeps each answer with its question. */
  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private send(command: string): void {
    if (this.ended) throw this.ended;
    this.proc.stdin.write(command);
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.ended) throw this.ended;
      await new Promise<void>((r) => (this.waiting = r));
    }
  }

  private async line(): Promise<string> {
    await this.until(() => this.buffered.includes(10));
    const at = this.buffered.indexOf(10);
    const line = this.buffered.subarray(0, at).toString('utf8');
    this.buffered = this.buffered.subarray(at + 1);
    return line;
  }

  private async take(n: number): Promise<Buffer> {
    await this.until(() => this.buffered.length >= n);
    const out = Buffer.from(this.buffered.subarray(0, n));
    this.buffered = this.buffered.subarray(n);
    return out;
  }
}
