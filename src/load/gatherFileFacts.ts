import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { EvidenceFile, EvidenceItem } from '../model/evidence.js';
import type { FileFact, FileFacts } from '../model/facts.js';

/** Every `file` the evidence file cites, wherever it is cited. */
export function citedFiles(evidence: EvidenceFile): string[] {
  const items: EvidenceItem[] = [
    ...Object.values(evidence.criteria ?? {}).flatMap((c) => c?.evidence ?? []),
    ...(evidence.specialDeductions ?? []).flatMap((d) => d.evidence ?? []),
    ...[evidence.bonus ?? []].flat().flatMap((b) => b.evidence ?? []),
  ];
  return [...new Set(items.flatMap((i) => (i.file !== undefined ? [i.file] : [])))];
}

/**
 * Looks each cited file up on disk, relative to the evidence file. A path that leaves the evidence
 * root (`..`, absolute, or a symlink pointing out) is refused and never read.
 */
export function gatherFileFacts(evidence: EvidenceFile, evidencePath: string, root?: string): FileFacts {
  const base = dirname(resolve(evidencePath));
  const rootDir = safeRealpath(resolve(root ?? base)) ?? resolve(root ?? base);
  const facts = new Map<string, FileFact>();
  for (const file of citedFiles(evidence)) facts.set(file, factFor(file, base, rootDir));
  return facts;
}

function factFor(file: string, base: string, rootDir: string): FileFact {
  if (isAbsolute(file) || /^[a-zA-Z]:[\\/]/.test(file)) return { state: 'outside-root' };
  const target = resolve(base, file);
  if (!inside(rootDir, safeRealpath(dirname(target)) ?? target)) return { state: 'outside-root' };
  const real = safeRealpath(target);
  if (real === null) return { state: 'missing' };
  if (!inside(rootDir, real)) return { state: 'outside-root' };
  return statSync(real).isFile() ? { state: 'found' } : { state: 'not-a-file' };
}

function inside(rootDir: string, path: string): boolean {
  const rel = relative(rootDir, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function safeRealpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
