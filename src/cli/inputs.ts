import { closeSync, type Dirent, readdirSync, readSync, statSync } from 'node:fs';
import { openGuarded } from '../load/guardedRead.js';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Evidence files named on the command line: files as given; directories searched for YAML files that
 * look like evidence files (a top-level `schemaVersion`, `company`, `assessment` or `criteria` key), so workflow and config YAML is passed over;
 * glob patterns expanded. Order is stable: as given, then sorted within each expansion.
 */
export async function expandInputs(args: readonly string[]): Promise<{ files: string[]; unnamable: string[] }> {
  const out: string[] = [];
  const unnamable: string[] = [];
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
    unnamable.push(...yamlWithoutUtf8Names(arg));
  }
  return { files: [...new Set(out)], unnamable };
}

const YAML_NAME = /\.ya?ml$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * YAML files below `dir` whose path is not UTF-8 (a folder named in GBK on a Chinese Windows share): the glob
 * sees such names as strings with U+FFFD that lead nowhere and passes them over in silence, so they are
 * looked for here with names as bytes, and shown with the undecodable bytes as \xNN. Same folders skipped
 * as by the glob (node_modules, dot folders).
 */
function yamlWithoutUtf8Names(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: Buffer, shown: string, named: boolean) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(path, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return;
    }
    for (const e of entries) {
      const raw = e.name;
      if (raw[0] === 0x2e || raw.equals(NODE_MODULES)) continue;
      const ok = isUtf8(raw);
      const name = ok ? raw.toString('utf8') : showBytes(raw);
      const child = Buffer.concat([path, SLASH, raw]);
      if (e.isDirectory()) walk(child, `${shown}/${name}`, named && ok);
      else if (!(named && ok) && YAML_NAME.test(raw.toString('latin1'))) found.push(`${shown}/${name}`);
    }
  };
  walk(Buffer.from(dir.replace(/\/+$/, '')), dir.replace(/\/+$/, ''), true);
  return found.sort();
}

const SLASH = Buffer.from('/');
const NODE_MODULES = Buffer.from('node_modules');

function isUtf8(b: Buffer): boolean {
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 runs as text, every other byte as \xNN: what the user needs to find the name in a listing. */
function showBytes(b: Buffer): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    let j = i + 1;
    while (j <= b.length && j - i <= 4) {
      if (isUtf8(b.subarray(i, j))) break;
      j++;
    }
    if (j <= b.length && j - i <= 4) {
      out += b.subarray(i, j).toString('utf8');
      i = j;
    } else {
      out += `\\x${b[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
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
