import { ReadRefused, readGuarded } from './guardedRead.js';
import { InputError, diag, type Diagnostic, type DiagnosticArgs, type DiagnosticCode } from '../model/diagnostic.js';

/** Evidence and rubric files are a few kilobytes; parsing 5 MB of YAML takes seconds and hundreds of MB. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface Source {
  /** The path as the user wrote it: used in messages, never made absolute. */
  file: string;
  text: string;
  bytes: Buffer;
  /**
   * An evidence workbook (company.xlsx, a zip). `'unread'`: `text` is empty, the cells are still in `bytes`
   * (validate/loadEvidence.ts, `evidenceSource`, reads them); once read, `text` is the YAML the workbook stands
   * for and `cells` says where each JSON pointer's value was typed (`评价项!E12`).
   */
  workbook?: 'unread' | { cells: ReadonlyMap<string, string>; problems: Diagnostic[] };
}

/** A source that did not come from the working tree (e.g. `git show REV:path`). */
export function sourceFromBytes(file: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): Source {
  const fail = failer(file);
  if (bytes.length > maxBytes) fail('too-large', { size: bytes.length, max: maxBytes });
  // A zip's local-file signature: no YAML starts with it (U+0003 is not allowed in YAML text).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { file, text: '', bytes, workbook: 'unread' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) fail('utf16', {});
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

export function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES, root?: string): Source {
  const fail = failer(file);
  try {
    // TextDecoder drops a leading BOM; YAML positions stay right either way.
    return sourceFromBytes(file, readGuarded(file, { maxBytes, root }), maxBytes);
  } catch (e) {
    if (!(e instanceof ReadRefused)) throw e;
    switch (e.reason) {
      case 'missing':
        return fail('file-not-found', {});
      case 'not-a-file':
        return fail('not-a-regular-file', {});
      case 'too-large':
        return fail('too-large', { size: e.detail.size ?? 0, max: maxBytes });
      case 'outside-root':
        return fail('outside-root', {});
      case 'unreadable':
        return fail('unreadable', { reason: e.detail.code ?? 'unknown error' });
    }
  }
}
