import { dirname, resolve } from 'node:path';
import brandSchema from '../../schema/brand.schema.json' with { type: 'json' };
import { validateBrand } from '../generated/brand-validator.cjs';
import { InputError, diag } from '../model/diagnostic.js';
import type { Brand } from '../model/document.js';
import { ReadRefused, readGuarded, realRoot } from '../load/guardedRead.js';
import { locate } from '../load/locate.js';
import { parseYaml } from '../load/parseYaml.js';
import { readSource } from '../load/readSource.js';
import { schemaDiagnostics } from './schemaErrors.js';

/** A logo is a small picture: anything larger is a mistake (a scan, a video), not a logo. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

interface BrandFile {
  firm: string | { 'zh-CN': string; en: string };
  consultant?: string;
  contact?: string;
  logo?: string;
}

/**
 * --brand FILE: YAML, schema, and the logo read through the guarded reader from inside the brand file's
 * folder (a brand file shared between consultants must not reach elsewhere on the machine).
 */
export function loadBrandFile(file: string): Brand {
  const parsed = parseYaml(readSource(file));
  if (!validateBrand(parsed.value)) throw new InputError(schemaDiagnostics(validateBrand.errors ?? [], parsed, brandSchema));
  const b = parsed.value as BrandFile;
  const firm = typeof b.firm === 'string' ? { 'zh-CN': b.firm, en: b.firm } : b.firm;
  let logo: Brand['logo'] = null;
  if (b.logo !== undefined) {
    const where = { file, ...locate(parsed, ['logo'], 'value') };
    const fail = (problem: 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'unreadable' | 'not-an-image') =>
      new InputError([diag('brand-logo', { file: b.logo!, problem }, where)]);
    let bytes: Buffer;
    try {
      bytes = readGuarded(resolve(dirname(file), b.logo), { maxBytes: MAX_LOGO_BYTES, root: realRoot(dirname(file)) });
    } catch (e) {
      if (e instanceof ReadRefused) throw fail(e.reason);
      throw e;
    }
    const format = imageFormat(bytes);
    if (!format) throw fail('not-an-image');
    logo = { bytes, format };
  }
  return { firm, consultant: b.consultant ?? null, contact: b.contact ?? null, logo };
}

/** By the file's signature, not its name: PNG's eight bytes, JPEG's SOI marker. */
function imageFormat(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return null;
}
