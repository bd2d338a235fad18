import { existsSync, statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';
import { assess, type Assessment } from '../assess/assess.js';
import { streamTree, workingTree } from '../assess/workingTree.js';
import { ReadRefused, readGuarded } from '../load/guardedRead.js';
import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { LoadedRubric } from '../model/rubric.js';
import { UsageError } from './exitCodes.js';
import { TOOL } from './version.js';

export interface AssessOptions {
  rubric: LoadedRubric;
  lang: Lang;
  asOf?: string | undefined;
  root?: string | undefined;
  maxBytes?: number | undefined;
}

/** An evidence file in the working tree. */
export async function assessFile(file: string, opts: AssessOptions): Promise<Assessment> {
  if (isStream(file)) {
    const { readStreamInput } = await import('./streamInput.js');
    const bytes = await readStreamInput(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return assess(streamTree(file === '-' ? '<stdin>' : file, bytes, opts.root), { ...opts, tool: TOOL });
  }
  return assess(workingTree(file, opts.root), { ...opts, tool: TOOL });
}

/** JSON reports are a few hundred kilobytes; a batch of them a few megabytes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** A JSON report written earlier by `score --format json`, checked against the published report schema. */
export async function readJsonReport(file: string): Promise<Report> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readGuarded(file, { maxBytes: MAX_REPORT_BYTES })));
  } catch (e) {
    const why =
      e instanceof ReadRefused
        ? {
            missing: 'not found',
            'not-a-file': 'not a regular file',
            'too-large': `over ${MAX_REPORT_BYTES / 1048576} MB`,
            'outside-root': 'outside the root',
            unreadable: e.detail.code ?? 'unreadable',
          }[e.reason]
        : (e as Error).message;
    throw new UsageError('report-unreadable', { file, why });
  }
  const { validateReport } = await import('../validate/reportSchema.js');
  if (!validateReport(data)) {
    const err = validateReport.errors?.[0];
    throw new UsageError('report-invalid', { file, detail: err ? `${err.instancePath || '/'} ${err.message}` : 'invalid' });
  }
  return data as Report;
}

/** --baseline REF: a JSON report file, or else the same evidence file at a git revision, assessed the same way. */
export async function baselineReport(ref: string, file: string, opts: AssessOptions): Promise<Report> {
  if (ref.endsWith('.json') && existsSync(ref)) return await readJsonReport(ref);
  // git is spawned only here, so its module loads only for --baseline REV.
  const { gitTree } = await import('../assess/gitTree.js');
  return (await assess(gitTree(file, ref, opts.root), { ...opts, tool: TOOL })).report;
}

/** `diff BASE HEAD`: each side an evidence file (scored now) or a JSON report. */
export async function reportFor(path: string, opts: AssessOptions): Promise<Report> {
  return path.endsWith('.json') ? await readJsonReport(path) : (await assessFile(path, opts)).report;
}

/** `-` (standard input) or a pipe named by path (`/dev/stdin`, bash's `<(…)`): read as a stream. */
export function isStream(file: string): boolean {
  if (file === '-') return true;
  // Standard input by name: whatever it is redirected from, cited files are looked up from here, not /dev.
  if (/^\/(dev\/(stdin|fd\/\d+)|proc\/self\/fd\/\d+)$/.test(file)) return true;
  try {
    return statSync(file).isFIFO();
  } catch {
    return false;
  }
}
