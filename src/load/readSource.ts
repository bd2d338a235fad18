import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../model/diagnostic.js';

/** Evidence and rubric files are a few kilobytes; parsing 5 MB of YAML takes seconds and hundreds of MB. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface Source {
  /** The path as the user wrote it: used in messages, never made absolute. */
  file: string;
  text: string;
  bytes: Buffer;
}

/** A source that did not come from the working tree (e.g. `git show REV:path`). */
export function sourceFromBytes(file: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): Source {
  const fail = (message: string, hint?: string): never => {
    throw new InputError([{ file, line: 0, column: 0, severity: 'error', message, hint }]);
  };
  if (bytes.length > maxBytes) fail(`file is ${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes };
  } catch {
    return fail('file is not valid UTF-8 text');
  }
}

export function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES): Source {
  const fail = (message: string, hint?: string): never => {
    throw new InputError([{ file, line: 0, column: 0, severity: 'error', message, hint }]);
  };
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) fail('this path is not a regular file', 'Give the path of a YAML file.');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file not found' : `file cannot be read (${code ?? 'unknown error'})`, code === 'ENOENT' ? 'Check the path and the current directory.' : undefined);
  }
  if (size > maxBytes) {
    fail(`file is ${size} bytes, over the ${maxBytes}-byte limit`, 'Split the file, or raise the limit with --max-bytes if it really is this large.');
  }
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('file is not valid UTF-8 text', 'Save the file as UTF-8 (GBK/GB18030 exports must be converted, e.g. `iconv -f GB18030 -t UTF-8`).');
  }
  // TextDecoder already drops a leading BOM; YAML positions stay right either way.
  return { file, text, bytes };
}
