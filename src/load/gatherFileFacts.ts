import { createHash } from 'node:crypto';
import { closeSync, readSync, realpathSync, statSync } from 'node:fs';
import { noteInput, openGuarded } from './guardedRead.js';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { EvidenceFile, EvidenceItem } from '../model/evidence.js';
import type { FileFact } from '../model/facts.js';

function citedItems(evidence: EvidenceFile): EvidenceItem[] {
  return [
    ...Object.values(evidence.criteria ?? {}).flatMap((c) => c?.evidence ?? []),
    ...(evidence.specialDeductions ?? []).flatMap((d) => d.evidence ?? []),
    ...[evidence.bonus ?? []].flat().flatMap((b) => b.evidence ?? []),
  ];
}

/** The cited files whose citation pins a digest: only these are read (hashed). */
export function pinnedFiles(evidence: EvidenceFile): Set<string> {
  return new Set(citedItems(evidence).flatMap((i) => (i.file !== undefined && i.sha256 !== undefined ? [i.file] : [])));
}

/** Every `file` the evidence file cites, wherever it is cited. */
export function citedFiles(evidence: EvidenceFile): string[] {
  return [...new Set(citedItems(evidence).flatMap((i) => (i.file !== undefined ? [i.file] : [])))];
}

/**
 * One cited file looked up on disk, relative to the evidence file's folder `base`. A path that leaves the
 * evidence root (`..`, absolute, or a symlink pointing out) is refused and never read; only a file whose
 * citation pins a digest is read (hashed). The working-tree side of `assess/workingTree.ts`.
 */
export function gatherFileFact(file: string, base: string, rootDir: string, hash: boolean): FileFact {
  if (isAbsolute(file) || /^[a-zA-Z]:[\\/]/.test(file)) return { state: 'outside-root' };
  const target = resolve(base, file);
  if (!inside(rootDir, safeRealpath(dirname(target)) ?? target)) return { state: 'outside-root' };
  const real = safeRealpath(target);
  if (real === null) return { state: 'missing' };
  if (!inside(rootDir, real)) return { state: 'outside-root' };
  const st = statSync(real);
  if (!st.isFile()) return { state: 'not-a-file' };
  noteInput(st);
  return hash ? { state: 'found', sha256: hashFile(real, rootDir) } : { state: 'found' };
}

/** sha256 of a cited document of any size, read in chunks through the guarded reader. */
function hashFile(real: string, rootDir: string): string {
  const { fd } = openGuarded(real, { maxBytes: Number.MAX_SAFE_INTEGER, root: rootDir });
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function inside(rootDir: string, path: string): boolean {
  const rel = relative(rootDir, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function safeRealpath(path: string): string | null {
  try {
    // One realpath(3) call instead of an lstat per path component (the JS version): a fifth of a batch.
    return realpathSync.native(path);
  } catch {
    return null;
  }
}
