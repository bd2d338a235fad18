import { dirname, join, resolve } from 'node:path';
import { gatherFileFact } from './gatherFileFacts.js';
import { realRoot } from './guardedRead.js';
import { readSource, sourceFromBytes } from './readSource.js';
import type { FileFact } from '../model/facts.js';
import type { FileTree } from './fileTree.js';

/** Evidence read from standard input or a pipe: cited files are looked up from the working directory (or the root). */
export function streamTree(label: string, bytes: Buffer, root?: string): FileTree {
  const tree = workingTree(join(resolve(root ?? '.'), '-'), root);
  return { ...tree, label, readEvidence: (maxBytes) => sourceFromBytes(label, bytes, maxBytes) };
}

/** The evidence file on disk; cited files are looked up beside it, inside the evidence root. */
export function workingTree(evidencePath: string, root?: string): FileTree {
  const base = dirname(resolve(evidencePath));
  const rootDir = realRoot(root ?? base);
  const facts = new Map<string, FileFact>();
  const fact = (cited: string, hash: boolean) => {
    const key = `${hash}:${cited}`;
    let f = facts.get(key);
    if (!f) facts.set(key, (f = gatherFileFact(cited, base, rootDir, hash)));
    return f;
  };
  return {
    label: evidencePath,
    readEvidence: (maxBytes) => readSource(evidencePath, maxBytes),
    fact,
    localCopy: (cited) => (fact(cited, false).state === 'found' ? resolve(base, cited) : null),
  };
}
