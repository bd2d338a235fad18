import { lstatSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readGuarded } from '../../load/guardedRead.js';
import { writeOutput } from '../io.js';
import { SCHEMA_ID_PREFIX, schemaText } from '../../validate/editorSchema.js';
import { parseDate } from '../options.js';
import { ui } from '../../messages/ui.js';
import type { Lang } from '../../model/localized.js';
import type { Rubric } from '../../model/rubric.js';
import type { IndustryProfile } from '../../model/industry.js';
import { scaffoldEvidence } from '../../render/scaffold.js';
import { evidenceSource, loadEvidenceSource } from '../../validate/loadEvidence.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { UsageError } from '../../model/usage.js';
import { WORKBOOK_UI, industryWorkbookText, withIndustryInstructions } from '../../messages/workbook.js';
import { interpolate } from '../../shared/interpolate.js';
import { sourceFromBytes } from '../../load/readSource.js';
import { loadWorkbookWriter } from '../workbookWriter.js';

export interface InitOptions {
  company?: string;
  date?: string;
  lang: Lang;
  file: string;
  /** Write company.xlsx (the evidence workbook) instead of company.yaml. */
  xlsx?: boolean;
}

export async function initCommand(dir: string, opts: InitOptions, rubric: Rubric, industry?: IndustryProfile): Promise<ExitCode> {
  if (opts.xlsx) return initWorkbook(dir, { ...opts, file: opts.file === 'company.yaml' ? 'company.xlsx' : opts.file }, rubric, industry);
  const { target, date, company, existing } = initTarget(dir, opts);
  const schemaPath = `./${SCHEMA_FILE}`;
  const text = scaffoldEvidence(rubric, { company, date, schemaPath, lang: opts.lang, ...(industry ? { industry } : {}) });
  // What init writes, validate must accept: checked as validate would read it, before anything is written.
  loadEvidenceSource({ file: target, text, bytes: Buffer.from(text) }, rubric);
  const parent = statSync(dirname(resolve(dir)), { throwIfNoEntry: false });
  if (!existing && !parent?.isDirectory()) throw new UsageError('init-parent-missing', { dir: dirname(dir) });
  try {
    mkdirSync(join(dir, 'docs'), { recursive: true });
  } catch (e) {
    throw new UsageError('init-cannot-create', { path: join(dir, 'docs'), why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  // The editor schema lives beside the evidence file, in the user's repository: the modeline resolves on any
  // machine, whatever npx cache or global prefix ran `init`.
  const schemaFile = join(dir, SCHEMA_FILE);
  const schemaNote = writeSchema(schemaFile, rubric);
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (e) {
    throw new UsageError('init-cannot-write', { target, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  process.stdout.write(`${ui('initCreated', opts.lang, { target, docs: join(dir, 'docs') })}\n`);
  process.stdout.write(`${ui(schemaNote, opts.lang, { schema: schemaFile })}\n`);
  return EXIT.ok;
}

/** `init --xlsx`: the same checks as the YAML scaffold, then the workbook made from the rubric. */
async function initWorkbook(dir: string, opts: InitOptions, rubric: Rubric, industry: IndustryProfile | undefined): Promise<ExitCode> {
  const { target, date, company, existing } = initTarget(dir, opts);
  const { writeWorkbook } = await loadWorkbookWriter();
  // With --industry: company.industry set, the industry's guidance in a locked column, its commitments and KPIs on 说明.
  const guidance = industry ? industryWorkbookText(industry) : undefined;
  const bytes = await writeWorkbook(
    rubric,
    { schemaVersion: 1, company: { name: company, ...(industry ? { industry: industry.id } : {}) }, assessment: { date } },
    opts.lang,
    { instructions: withIndustryInstructions(guidance?.instructions), ...(guidance ? { industryColumn: guidance.industryColumn } : {}) },
  );
  // What init writes, validate must accept: read back as validate reads it, before anything is written.
  loadEvidenceSource(await evidenceSource(sourceFromBytes(target, bytes, bytes.length)), rubric);
  const parent = statSync(dirname(resolve(dir)), { throwIfNoEntry: false });
  if (!existing && !parent?.isDirectory()) throw new UsageError('init-parent-missing', { dir: dirname(dir) });
  try {
    mkdirSync(join(dir, 'docs'), { recursive: true });
  } catch (e) {
    throw new UsageError('init-cannot-create', { path: join(dir, 'docs'), why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    writeFileSync(target, bytes, { flag: 'wx' });
  } catch (e) {
    throw new UsageError('init-cannot-write', { target, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  process.stdout.write(`${interpolate(WORKBOOK_UI.initCreated[opts.lang], { target, docs: join(dir, 'docs') })}\n`);
  return EXIT.ok;
}

/**
 * The name as it will stand in the file, surrounding spaces dropped. A blank name is one validate rejects
 * (or a placeholder nobody filled in); control and bidirectional-override characters would be stripped on
 * reading or would disguise the name in every report.
 */
function companyName(given: string | undefined): string {
  if (given === undefined) return '公司名称';
  const name = given.trim();
  const shown = JSON.stringify(given).replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  if (name === '') throw new UsageError('init-bad-company', { value: shown, problem: 'blank' });
  if (/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name)) throw new UsageError('init-bad-company', { value: shown, problem: 'control' });
  // U+FFFD is what Node makes of argument bytes that are not UTF-8 (a GBK terminal): the name is already lost.
  if (name.includes('\uFFFD')) throw new UsageError('init-bad-company', { value: shown, problem: 'not-utf8' });
  return name;
}

export const SCHEMA_FILE = 'evidence.schema.json';

/** Writes the schema unless a file of someone else's is there; ours (by its $id) is refreshed. */
function writeSchema(file: string, rubric: Rubric): 'initSchemaWritten' | 'initSchemaKept' {
  const existing = lstatSync(file, { throwIfNoEntry: false });
  if (existing) {
    let ours = false;
    try {
      ours = existing.isFile() && String(JSON.parse(readGuarded(file, { maxBytes: 4 * 1024 * 1024 }).toString('utf8')).$id).startsWith(SCHEMA_ID_PREFIX);
    } catch {
      ours = false;
    }
    if (!ours) return 'initSchemaKept';
  }
  writeOutput(schemaText(rubric), file, []);
  return 'initSchemaWritten';
}

/** The checks every scaffold makes before writing (YAML or workbook): where, for whom, dated when. */
function initTarget(dir: string, opts: InitOptions): { target: string; date: string; company: string; existing: boolean } {
  const target = join(dir, opts.file);
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new UsageError('init-dir-is-file', { dir });
  // Never overwrite what the user wrote (a dangling symlink counts: writing through it would create a file elsewhere).
  if (lstatSync(target, { throwIfNoEntry: false })) throw new UsageError('init-exists', { target });
  // The clock only as a default the user sees and can change in the file: scoring never reads it.
  const date = parseDate('--date', opts.date) ?? new Date().toISOString().slice(0, 10);
  const company = companyName(opts.company);
  // Blank or with control characters, a name nobody can type back (or see) in the next command.
  if (/[\\/\p{Cc}]/u.test(opts.file) || opts.file.trim() === '' || opts.file === '.' || opts.file === '..')
    throw new UsageError('init-bad-file', { file: JSON.stringify(opts.file) });
  return { target, date, company, existing: existing !== undefined };
}
