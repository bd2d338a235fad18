import { existsSync, lstatSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDate } from '../options.js';
import { ui } from '../../messages/ui.js';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../model/localized.js';
import type { Rubric } from '../../model/rubric.js';
import { scaffoldEvidence } from '../../render/scaffold.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';

export function initCommand(dir: string, opts: { company?: string; date?: string; lang: Lang; file: string }, rubric: Rubric): ExitCode {
  const target = join(dir, opts.file);
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new UsageError('init-dir-is-file', { dir });
  // Never overwrite what the user wrote (a dangling symlink counts: writing through it would create a file elsewhere).
  if (lstatSync(target, { throwIfNoEntry: false })) throw new UsageError('init-exists', { target });
  // The clock only as a default the user sees and can change in the file: scoring never reads it.
  const date = parseDate('--date', opts.date) ?? new Date().toISOString().slice(0, 10);
  if (/[\\/]/.test(opts.file) || opts.file === '' || opts.file === '.' || opts.file === '..')
    throw new UsageError('init-bad-file', { file: JSON.stringify(opts.file) });
  const parent = statSync(dirname(resolve(dir)), { throwIfNoEntry: false });
  if (!existing && !parent?.isDirectory()) throw new UsageError('init-parent-missing', { dir: dirname(dir) });
  try {
    mkdirSync(join(dir, 'docs'), { recursive: true });
  } catch (e) {
    throw new UsageError('init-cannot-create', { path: join(dir, 'docs'), why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  const schemaFile = schemaLocation();
  const schemaPath = schemaFile ? relative(dir, schemaFile).split('\\').join('/') : 'https://aftersales-assess.dev/schema/evidence-v1.json';
  try {
    writeFileSync(target, scaffoldEvidence(rubric, { company: opts.company ?? '公司名称', date, schemaPath, lang: opts.lang }), { flag: 'wx' });
  } catch (e) {
    throw new UsageError('init-cannot-write', { target, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  process.stdout.write(`${ui('initCreated', opts.lang, { target, docs: join(dir, 'docs') })}\n`);
  return EXIT.ok;
}

function schemaLocation(): string | null {
  for (const rel of ['../schema/evidence.schema.json', '../../../schema/evidence.schema.json', '../../schema/evidence.schema.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return null;
}
