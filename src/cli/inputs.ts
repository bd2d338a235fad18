import { closeSync, type Dirent, existsSync, readdirSync, readSync, statSync } from 'node:fs';
import { openGuarded } from '../load/guardedRead.js';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';

const GLOB_CHARS = /[*?[\]{}]/;

/** A YAML name a folder or glob holds that cannot be assessed: reported with its reason and counted, never passed over. */
export interface RefusedEntry {
  file: string;
  code: 'name-not-utf8' | 'folder-entry-not-a-file';
}

/**
 * Evidence files named on the command line: files as given; directories searched for YAML files (and company.xlsx workbooks) that
 * look like evidence files (a top-level `schemaVersion`, `company`, `assessment` or `criteria` key), so workflow and config YAML is passed over;
 * glob patterns expanded. Order is stable: as given, then sorted within each expansion.
 */
export async function expandInputs(args: readonly string[]): Promise<{ files: string[]; refused: RefusedEntry[] }> {
  const out: string[] = [];
  const refused: RefusedEntry[] = [];
  // Loaded only for globs and folders: it costs more start-up time than scoring one file.
  const glob = async () => (await import('tinyglobby')).globSync;
  for (const arg of args) {
    if (GLOB_CHARS.test(arg)) {
      const globSync = await glob();
      // A name that is not UTF-8 comes back with U+FFFD and leads nowhere: reported from its bytes below instead.
      out.push(
        ...globSync(arg, { onlyFiles: true, ignore: ['**/node_modules/**'] })
          .filter((f) => !f.includes('\uFFFD') || existsSync(f))
          .sort(),
      );
      // The glob passes over paths that are not UTF-8 as it does in a folder: looked for below the
      // pattern's fixed part and matched on their lossy names.
      const { default: picomatch } = await import('picomatch');
      const matches = picomatch(arg, { dot: false });
      const base = globBase(arg);
      refused.push(
        ...yamlWithoutUtf8Names(base.dir, base.depth)
          .filter((f) => matches(f.lossy))
          .map((f) => ({ file: f.shown, code: 'name-not-utf8' as const })),
      );
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
    // A folder is walked here rather than globbed: the glob follows symlinked folders (a company reached twice is
    // scored twice and counted twice in the portfolio) and never lists a FIFO or a dangling link named *.yaml, so
    // they were passed over in silence. Such entries are reported, each with its reason.
    const below = yamlBelow(arg);
    const evidence = below.files.filter(looksLikeEvidence);
    // company.xlsx (what `init --xlsx` writes) is the folder's evidence unless a company.yaml beside it is: after
    // `convert` both hold the same company, which is then scored once, from the YAML.
    const yamlCompany = new Set(evidence.filter((f) => COMPANY_YAML.test(f)).map((f) => f.replace(COMPANY_YAML, '')));
    out.push(...evidence.filter((f) => !COMPANY_BOOK.test(f) || !yamlCompany.has(f.replace(COMPANY_BOOK, ''))));
    refused.push(
      ...below.unnamable.map((file) => ({ file, code: 'name-not-utf8' as const })),
      ...below.unreadable.map((file) => ({ file, code: 'folder-entry-not-a-file' as const })),
    );
  }
  return { files: [...new Set(out)], refused };
}

const YAML_NAME = /\.ya?ml$/i;
/** In a folder, the evidence workbook is picked up by its name only: a folder also holds survey and records XLSX. */
const BOOK_NAME = /^company\.xlsx$/i;
const COMPANY_YAML = /(^|\/)company\.ya?ml$/i;
const COMPANY_BOOK = /(^|\/)company\.xlsx$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * YAML files below `dir` whose path is not UTF-8 (a folder named in GBK on a Chinese Windows share): the glob
 * sees such names as strings with U+FFFD that lead nowhere and passes them over in silence, so they are
 * looked for here with names as bytes, and shown with the undecodable bytes as \xNN. Same folders skipped
 * as by the glob (node_modules, dot folders).
 */
function yamlWithoutUtf8Names(dir: string, maxDepth = Number.POSITIVE_INFINITY): Array<{ shown: string; lossy: string }> {
  const found: Array<{ shown: string; lossy: string }> = [];
  const base = dir === '/' ? '' : dir.replace(/\/+$/, '') || '.';
  // Paths below the working directory are shown (and matched) without a leading "./", as the glob gives them.
  const prefix = base === '.' ? '' : `${base}/`;
  const walk = (path: Buffer, shown: string, named: boolean, depth: number) => {
    if (depth > maxDepth) return;
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(path.length ? path : '.', { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return;
    }
    for (const e of entries) {
      const raw = e.name;
      if (raw[0] === 0x2e || raw.equals(NODE_MODULES)) continue;
      const ok = isUtf8(raw);
      const name = ok ? raw.toString('utf8') : showBytes(raw);
      const child = path.length ? Buffer.concat([path, SLASH, raw]) : raw;
      const file = `${shown}${name}`;
      if (e.isDirectory()) walk(child, `${file}/`, named && ok, depth + 1);
      else if (!(named && ok) && YAML_NAME.test(raw.toString('latin1'))) found.push({ shown: file, lossy: new TextDecoder().decode(child) });
    }
  };
  walk(Buffer.from(base === '.' ? '' : base || '/'), prefix, true, 1);
  return found.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/**
 * YAML files below a folder, from one walk over names as bytes: regular files, and links to regular files
 * (each file once, however many names reach it); entries named *.yaml that are not readable files (a FIFO, a
 * device, a dangling link) apart, so that they are reported; names that are not UTF-8 apart, shown as \xNN.
 * Symlinked folders, dot folders and node_modules are not entered.
 */
function yamlBelow(dir: string): { files: string[]; unreadable: string[]; unnamable: string[] } {
  const files: string[] = [];
  const unreadable: string[] = [];
  const unnamable: string[] = [];
  const seen = new Set<string>();
  const base = dir.replace(/\/+$/, '') || '/';
  const walk = (path: Buffer, shown: string, named: boolean) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(path, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const e of entries) {
      const raw = e.name;
      if (raw[0] === 0x2e || raw.equals(NODE_MODULES)) continue;
      const ok = named && isUtf8(raw);
      const child = Buffer.concat([path, SLASH, raw]);
      const file = `${shown}/${isUtf8(raw) ? raw.toString('utf8') : showBytes(raw)}`;
      if (e.isDirectory()) {
        walk(child, file, ok);
        continue;
      }
      if (!YAML_NAME.test(raw.toString('latin1')) && !BOOK_NAME.test(raw.toString('latin1'))) continue;
      if (!ok) {
        unnamable.push(file);
        continue;
      }
      let st: ReturnType<typeof statSync> | undefined;
      try {
        st = statSync(child);
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) continue;
      if (!st?.isFile()) {
        unreadable.push(file);
        continue;
      }
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) continue;
      seen.add(id);
      files.push(file);
    }
  };
  walk(Buffer.from(base), base, true);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byName), unreadable: unreadable.sort(byName), unnamable: unnamable.sort(byName) };
}

/** The folder a glob pattern starts in (its segments before the first with a glob character), and how deep it reaches. */
function globBase(pattern: string): { dir: string; depth: number } {
  const segments = pattern.split('/');
  const first = segments.findIndex((s) => GLOB_CHARS.test(s));
  const dir = segments.slice(0, first).join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { dir, depth: segments.includes('**') ? Number.POSITIVE_INFINITY : segments.length - first };
}

const SLASH = Buffer.from('/');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
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
      // company.xlsx: a zip (its sheets are checked when it is read, each problem named by sheet and cell).
      if (COMPANY_BOOK.test(file)) return head.subarray(0, 4).equals(ZIP_MAGIC);
      return /^(schemaVersion|company|assessment|criteria):/m.test(head.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not a regular file, too large or unreadable: not an evidence file to pick up from a folder.
    return false;
  }
}
