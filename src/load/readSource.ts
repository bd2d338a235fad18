import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../model/diagnostic.js';
import { diag, type DiagnosticArgs, type DiagnosticCode } from '../messages/diagnostics.js';

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
  const fail = failer(file);
  if (bytes.length > maxBytes) fail('too-large', { size: bytes.length, max: maxBytes });
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes };
  } catch {
    return fail('not-utf8', {});
  }
}

function failer(file: string) {
  return <C extends DiagnosticCode>(code: C, args: DiagnosticArgs[C]): never => {
    throw new InputError([diag(code, args, { file, line: 0, column: 0 })]);
  };
}

export function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES): Source {
  const fail = failer(file);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) fail('not-a-regular-file', {});
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? fail('file-not-found', {}) : fail('unreadable', { reason: code ?? 'unknown error' });
  }
  if (size > maxBytes) fail('too-large', { size, max: maxBytes });
  // TextDecoder drops a leading BOM; YAML positions stay right either way.
  return sourceFromBytes(file, readFileSync(file), maxBytes);
}
