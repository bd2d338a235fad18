import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from '../model/usage.js';
import type { CatFile } from './catFile.js';
import { checkedRevision, type RevisionObjects } from './gitTree.js';

/** One commit of the evidence file's history, oldest first. */
export interface HistoryCommit {
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  subject: string;
  /** The evidence file's path at this commit, relative to the repository top (renames followed). */
  path: string;
  /** The evidence root at this commit, relative to the repository top. */
  rootRel: string;
}

export interface HistoryRange {
  /** A date (YYYY-MM-DD, committer date, inclusive) or a revision (the first point). */
  since?: string | undefined;
  /** The last revision (default HEAD). */
  until?: string | undefined;
  root?: string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The commits that changed the evidence file (followed across renames) or anything in its evidence root,
 * oldest first. Only git's own plumbing is run; nothing is written.
 */
export function historyCommits(evidencePath: string, range: HistoryRange): { top: string; commits: HistoryCommit[] } {
  const until = checkedRevision(range.until ?? 'HEAD');
  const sinceRev = range.since !== undefined && !ISO_DATE.test(range.since) ? checkedRevision(range.since) : undefined;
  const dir = dirname(resolve(evidencePath));
  if (!existsSync(evidencePath) || !statSync(evidencePath).isFile()) throw new UsageError('history-no-file', { file: evidencePath });
  const git = gitRunner(dir);
  const top = realpathSync(git(['rev-parse', '--show-toplevel']).trim());
  const run = gitRunner(top);
  // A shallow clone cuts the history short without saying so: refuse rather than draw a trend from part of it.
  if (run(['rev-parse', '--is-shallow-repository']).trim() === 'true') throw new UsageError('history-shallow', {});
  const head = run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${until}^{commit}`]).trim();
  const start = sinceRev ? gitRunner(top)(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sinceRev}^{commit}`]).trim() : undefined;
  const relFile = relative(top, realpathSync(resolve(evidencePath)))
    .split(sep)
    .join('/');
  const fixedRoot = range.root
    ? relative(top, realpathSync(resolve(range.root)))
        .split(sep)
        .join('/')
    : undefined;

  // The evidence file's own history, renames followed: which name it had at which commit.
  const nameAt = new Map<string, string>();
  // Walked from HEAD too: with --until before a rename, the file's name today is still how it is found.
  const follow = run(['log', '--follow', '--name-status', '-z', '--format=%x1e%H', head, 'HEAD', '--', `:(literal)${relFile}`]);
  for (const rec of follow.split('\x1e').slice(1)) {
    const [commit, rest = ''] = splitOnce(rec, '\0');
    const fields = rest.replace(/^\n/, '').split('\0').filter(Boolean);
    const status = fields[0] ?? '';
    // A deletion leaves no file to score; the commit still shows, as a gap.
    nameAt.set(commit, status.startsWith('D') ? '' : (fields[fields.length - 1] ?? relFile));
  }
  const names = [...new Set([relFile, ...nameAt.values()].filter(Boolean))];
  const roots = fixedRoot !== undefined ? [fixedRoot] : [...new Set(names.map((n) => posix.dirname(n)))];
  const specs = [...new Set([...names, ...roots])].map((p) => `:(literal)${p === '' ? '.' : p}`);
  const log = run(['log', '--topo-order', '--reverse', '-z', '--format=%H%x1f%cs%x1f%s', head, '--', ...specs]);
  const commits: HistoryCommit[] = [];
  let name: string | undefined;
  for (const rec of log.split('\0').filter(Boolean)) {
    const [commit, date = '', subject = ''] = rec.replace(/^\n/, '').split('\x1f');
    if (!commit) continue;
    if (nameAt.has(commit)) name = nameAt.get(commit);
    // Before the evidence file existed, its folder's commits are not its history.
    if (name === undefined) continue;
    commits.push({ commit, date, subject, path: name, rootRel: fixedRoot ?? posix.dirname(name || relFile) });
  }
  let from = 0;
  if (start) {
    const at = commits.findIndex((c) => c.commit === start);
    if (at >= 0) from = at;
    else {
      // The starting revision did not touch the file: it is still the first point, as the file stood then.
      const after = new Set(
        run(['rev-list', `${start}..${head}`])
          .split('\n')
          .filter(Boolean),
      );
      from = commits.findIndex((c) => after.has(c.commit));
      if (from < 0) from = commits.length;
      const before = commits.slice(0, from).at(-1);
      if (before) commits.splice(from, 0, { ...before, commit: start, ...commitLine(run, start) });
    }
  } else if (range.since !== undefined) {
    from = commits.findIndex((c) => c.date >= range.since!);
    if (from < 0) from = commits.length;
  }
  return { top, commits: commits.slice(from) };
}

function commitLine(run: (args: string[]) => string, commit: string): { date: string; subject: string } {
  const [date = '', subject = ''] = run(['log', '-1', '--format=%cs%x1f%s', commit, '--']).trim().split('\x1f');
  return { date, subject };
}

function splitOnce(s: string, sepr: string): [string, string] {
  const at = s.indexOf(sepr);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
}

function gitRunner(cwd: string) {
  return (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT') throw new UsageError('git-missing', {});
      const said = String(err.stderr ?? '')
        .trim()
        .split('\n')[0];
      throw new UsageError('history-git-failed', { command: args[0] ?? 'git', said: said ?? '' });
    }
  };
}

interface TreeEntry {
  /** As git writes it: 100644, 100755, 120000 (a link), 40000 (a folder), 160000 (a submodule). */
  mode: string;
  oid: string;
}

/**
 * A commit's objects answered from what was fetched before the assessment ran: the assessment is synchronous,
 * `git cat-file` is not, so every path it may ask about is looked up first. A path not looked up is a bug.
 */
export class PrefetchedObjects implements RevisionObjects {
  private readonly kinds = new Map<string, 'file' | 'folder' | 'none'>();
  private readonly oids = new Map<string, string>();
  private readonly bodies = new Map<string, Buffer>();

  constructor(
    private readonly cat: CatFile,
    private readonly commit: string,
    private readonly derived: BlobDerived,
  ) {}

  private readonly folders = new Map<string, Promise<ReadonlyMap<string, TreeEntry> | null>>();

  /** Looks `paths` up at this commit; with `content`, reads the blobs too. */
  async fetch(paths: Iterable<string>, content: boolean): Promise<void> {
    for (const path of paths) {
      if (!this.kinds.has(path)) {
        // A name git's batch protocol cannot carry is not in any tree this tool reads.
        const entry =
          /[\n\r\0]/.test(path) || path.startsWith('..') || path === '' ? undefined : (await this.folder(posix.dirname(path)))?.get(posix.basename(path));
        // As `git ls-tree -r` lists them (--baseline): a folder is a tree; blobs, links and submodules are entries.
        this.kinds.set(path, entry === undefined ? 'none' : entry.mode === '40000' ? 'folder' : 'file');
        if (entry && entry.mode !== '40000' && entry.mode !== '160000') this.oids.set(path, entry.oid);
      }
      const oid = this.oids.get(path);
      if (content && oid && !this.bodies.has(path)) {
        // The tree names it but the object is not there: a partial clone or a damaged repository, never "missing".
        const body = await this.cat.blob(oid).catch((e: unknown) => {
          throw e instanceof UsageError && e.code === 'history-missing-object'
            ? new UsageError('history-missing-object', { object: `${this.commit.slice(0, 12)}:${path} (${oid})` })
            : e;
        });
        this.bodies.set(path, body);
      }
    }
  }

  /** A folder's entries at this commit: one question for its tree id, then the tree read once per id for the whole history. */
  private folder(dir: string): Promise<ReadonlyMap<string, TreeEntry> | null> {
    let f = this.folders.get(dir);
    if (!f) {
      f = (async () => {
        const info = await this.cat.info(dir === '.' ? `${this.commit}^{tree}` : `${this.commit}:${dir}`);
        return info?.type === 'tree' ? this.derived.tree(info.oid, await this.cat.blob(info.oid)) : null;
      })();
      this.folders.set(dir, f);
    }
    return f;
  }

  kind(path: string): 'file' | 'folder' | 'none' {
    const k = this.kinds.get(path);
    if (k === undefined) throw new Error(`history: ${path} was not looked up before the assessment`);
    return k;
  }

  bytes(path: string): Buffer {
    const b = this.bodies.get(path);
    if (b === undefined) {
      if (this.kinds.get(path) === 'file' && !this.oids.has(path)) throw new UsageError('history-missing-object', { object: `${this.commit}:${path}` });
      throw new Error(`history: ${path} was not read before the assessment`);
    }
    return b;
  }

  sha256(path: string): string {
    return this.derived.sha256(this.oids.get(path)!, this.bytes(path));
  }

  localFile(path: string): string {
    return this.derived.localFile(this.oids.get(path)!, this.bytes(path), posix.basename(path));
  }
}

/**
 * What a history computes from a blob's content, kept by blob id across its commits: the sha256 of a pinned
 * document, and the one local copy of a dataset for the streaming readers (in a private temporary folder
 * removed at exit, as --baseline's copies are; nothing is written in the repository).
 */
export class BlobDerived {
  private readonly digests = new Map<string, string>();
  private readonly trees = new Map<string, ReadonlyMap<string, TreeEntry>>();

  /** A tree object's entries: "<mode> <name>\0<id>", the id in bytes (20 for SHA-1, 32 for SHA-256). */
  tree(oid: string, body: Buffer): ReadonlyMap<string, TreeEntry> {
    let t = this.trees.get(oid);
    if (t === undefined) {
      const entries = new Map<string, TreeEntry>();
      const idBytes = oid.length / 2;
      for (let at = 0; at < body.length; ) {
        const space = body.indexOf(0x20, at);
        const nul = body.indexOf(0, space);
        if (space < 0 || nul < 0) break;
        entries.set(body.subarray(space + 1, nul).toString('utf8'), {
          mode: body.subarray(at, space).toString('latin1'),
          oid: body.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
        });
        at = nul + 1 + idBytes;
      }
      this.trees.set(oid, (t = entries));
    }
    return t;
  }
  private readonly copies = new Map<string, string>();
  private dir: string | null = null;

  sha256(oid: string, bytes: Buffer): string {
    let d = this.digests.get(oid);
    if (d === undefined) this.digests.set(oid, (d = createHash('sha256').update(bytes).digest('hex')));
    return d;
  }

  localFile(oid: string, bytes: Buffer, name: string): string {
    let f = this.copies.get(oid);
    if (f === undefined) {
      if (this.dir === null) {
        const made = mkdtempSync(join(tmpdir(), 'aftersales-history-'));
        this.dir = made;
        process.once('exit', () => rmSync(made, { recursive: true, force: true }));
      }
      f = join(this.dir, `${this.copies.size + 1}-${name}`);
      writeFileSync(f, bytes, { flag: 'wx' });
      this.copies.set(oid, f);
    }
    return f;
  }
}
