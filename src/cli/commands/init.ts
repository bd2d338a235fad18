import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../model/localized.js';
import type { Rubric } from '../../model/rubric.js';
import { scaffoldEvidence } from '../../render/scaffold.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';

export function initCommand(dir: string, opts: { company?: string; date?: string; lang: Lang; file: string }, rubric: Rubric): ExitCode {
  const target = join(dir, opts.file);
  // Never overwrite what the user wrote.
  if (existsSync(target)) throw new UsageError(`${target} already exists; nothing was written (choose another --file or folder)`);
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be written YYYY-MM-DD, got ${date}`);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const schemaFile = schemaLocation();
  const schemaPath = schemaFile ? relative(dir, schemaFile).split('\\').join('/') : 'https://aftersales-assess.dev/schema/evidence-v1.json';
  writeFileSync(target, scaffoldEvidence(rubric, { company: opts.company ?? '公司名称', date, schemaPath, lang: opts.lang }), { flag: 'wx' });
  process.stdout.write(`created ${target} (every criterion listed, none answered yet) and ${join(dir, 'docs')}/\nnext: fill in status and evidence, then run \`aftersales-assess validate ${target}\`\n`);
  return EXIT.ok;
}

function schemaLocation(): string | null {
  for (const rel of ['../schema/evidence.schema.json', '../../../schema/evidence.schema.json', '../../schema/evidence.schema.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return null;
}
