import { closeSync, readSync, statSync } from 'node:fs';
import { openGuarded } from '../load/guardedRead.js';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Evidence files named on the command line: files as given; directories searched for YAML files that
 * look like evidence files (a top-level `schemaVersion`, `company`, `assessment` or `criteria` key), so workflow and config YAML is passed over;
 * glob patterns expanded. Order is stable: as given, then sorted within each expansion.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  // Loaded only for globs and folders: it costs more start-up time than scoring one file.
  const glob = async () => (await import('tinyglobby')).globSync;
  for (const arg of args) {
    if (GLOB_CHARS.test(arg)) {
      const globSync = await glob();
      out.push(...globSync(arg, { onlyFiles: true, ignore: ['**/node_modules/**'] }).sort());
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // Missing paths are reported by the loader with its usual message.
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const globSync = await glob();
    const found = globSync(['**/*.yaml', '**/*.yml'], { cwd: arg, onlyFiles: true, ignore: ['**/node_modules/**', '**/.*/**'] })
      .sort()
      .map((f) => `${arg.replace(/\/+$/, '')}/${f}`)
      .filter(looksLikeEvidence);
    out.push(...found);
  }
  return [...new Set(out)];
}

function looksLikeEvidence(file: string): boolean {
  try {
    const { fd, size } = openGuarded(file, { maxBytes: DEFAULT_MAX_BYTES });
    try {
      const head = Buffer.alloc(Math.min(size, 64 * 1024));
      readSync(fd, head, 0, head.length, 0);
      return /^(schemaVersion|company|assessment|criteria):/m.test(head.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not a regular file, too large or unreadable: not an evidence file to pick up from a folder.
    return false;
  }
}
