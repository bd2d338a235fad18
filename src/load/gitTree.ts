import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { sourceFromBytes } from './readSource.js';
import type { FileFact } from '../model/facts.js';
import { UsageError } from '../model/usage.js';
import type { FileTree } from './fileTree.js';

/** Datasets of a past revision are copied out to be streamed; the same cap as a CSV on disk. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * The evidence file as it was at git revision `rev`: the file and everything it cites come from that
 * revision's tree, never from the working tree. The revision is checked before git sees it.
 */
export function gitTree(evidencePath: string, rev: string, root?: string): FileTree {
  checkedRevision(rev);
  const dir = dirname(resolve(evidencePath));
  const git = (args: string[], cwd = dir, maxBuffer = 64 * 1024 * 1024) => {
    try {
      return execFileSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT') throw new UsageError('git-missing', {});
      if (err.code === 'ENOBUFS') throw new UsageError('git-output-too-large', { command: args[0] ?? 'git', rev: JSON.stringify(rev) });
      const said = String(err.stderr ?? '')
        .trim()
        .split('\n')[0];
      throw new UsageError('git-failed', { command: args[0] ?? 'git', rev: JSON.stringify(rev), said: said ?? '' });
    }
  };
  const top = realpathSync(git(['rev-parse', '--show-toplevel']).toString().trim());
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
    .toString()
    .trim();
  const relFile = relative(top, realpathSync(resolve(evidencePath)))
    .split(sep)
    .join('/');
  const tree = new Set(git(['ls-tree', '-r', '--name-only', '-z', '--end-of-options', commit], top).toString().split('\0').filter(Boolean));
  const rootRel = root
    ? relative(top, realpathSync(resolve(root)))
        .split(sep)
        .join('/')
    : posix.dirname(relFile);
  return revisionTree(rev, relFile, rootRel, {
    kind(path) {
      if (tree.has(path)) return 'file';
      for (const p of tree) if (p.startsWith(path + '/')) return 'folder';
      return 'none';
    },
    bytes: (path, max) => git(['show', '--end-of-options', `${commit}:${path}`], top, max),
  });
}

/** A revision as given, refused before git sees it when it could be read as an option or break a line protocol. */
export function checkedRevision(rev: string): string {
  if (rev.trim() === '' || rev.startsWith('-') || /[\0\n\r]/.test(rev)) throw new UsageError('git-bad-revision', { rev: JSON.stringify(rev) });
  return rev;
}

/** What a revision holds, however it is read: `git show` per file (--baseline) or one `git cat-file --batch` (history). */
export interface RevisionObjects {
  /** What `path` (relative to the repository top) is at this revision. */
  kind(path: string): 'file' | 'folder' | 'none';
  /** The content of the file at `path`; `maxBytes` is a hint a reader may use to refuse early. */
  bytes(path: string, maxBytes?: number): Buffer;
  /** The file's sha256, when the reader keeps it (by blob id) rather than hashing the content again. */
  sha256?(path: string): string;
  /** A local file holding the content, when the reader keeps such copies (by blob id) across revisions. */
  localFile?(path: string): string;
}

/**
 * The evidence file `relFile` (relative to the repository top) as a revision holds it, cited files
 * resolved beside it and kept inside `rootRel`. `--baseline REV` and `history` both build their trees here,
 * so a point of the history is the baseline of that revision.
 */
export function revisionTree(rev: string, relFile: string, rootRel: string, objects: RevisionObjects): FileTree {
  const evidenceDir = posix.dirname(relFile);
  const show = (path: string, max?: number) => objects.bytes(path, max);
  const target = (cited: string) => posix.normalize(posix.join(evidenceDir, cited));
  let copies: string | null = null;
  let copied = 0;

  const fact = (cited: string, hash: boolean): FileFact => {
    const t = target(cited);
    const inside =
      !posix.isAbsolute(cited) &&
      !/^[a-zA-Z]:[\\/]/.test(cited) &&
      (rootRel === '.' || rootRel === '' ? !t.startsWith('..') : t === rootRel || t.startsWith(rootRel + '/'));
    if (!inside) return { state: 'outside-root' };
    const kind = objects.kind(t);
    if (kind === 'file')
      return hash ? { state: 'found', sha256: objects.sha256?.(t) ?? createHash('sha256').update(show(t, MAX_BLOB_BYTES)).digest('hex') } : { state: 'found' };
    if (kind === 'folder') return { state: 'not-a-file' };
    return { state: 'missing' };
  };
  return {
    label: `${rev}:${relFile}`,
    past: true,
    readEvidence: (maxBytes) => sourceFromBytes(`${rev}:${relFile}`, show(relFile, maxBytes + 1), maxBytes),
    fact,
    localCopy(cited) {
      if (fact(cited, false).state !== 'found') return null;
      if (objects.localFile) return objects.localFile(target(cited));
      if (copies === null) {
        const made = mkdtempSync(join(tmpdir(), 'aftersales-baseline-'));
        copies = made;
        process.once('exit', () => rmSync(made, { recursive: true, force: true }));
      }
      const file = join(copies, `${++copied}-${basename(cited)}`);
      writeFileSync(file, show(target(cited), MAX_BLOB_BYTES), { flag: 'wx' });
      return file;
    },
  };
}
