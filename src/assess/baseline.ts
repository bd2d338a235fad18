import { existsSync } from 'node:fs';
import { ReadRefused, readGuarded } from '../load/guardedRead.js';
import type { Report } from '../model/report.js';
import { UsageError } from '../model/usage.js';
import { assess, type AssessmentOptions } from './assess.js';

/** JSON reports are a few hundred kilobytes; a batch of them a few megabytes. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

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
  return checkedReport(data, file);
}

export async function checkedReport(data: unknown, file: string): Promise<Report> {
  const { validateReport } = await import('../validate/reportSchema.js');
  if (!validateReport(data)) {
    const err = validateReport.errors?.[0];
    throw new UsageError('report-invalid', { file, detail: err ? `${err.instancePath || '/'} ${err.message}` : 'invalid' });
  }
  return data as Report;
}

/** --baseline REF: a JSON report file, or else the same evidence file at a git revision, assessed the same way. */
export async function baselineReport(ref: string, file: string, opts: AssessmentOptions & { root?: string | undefined }): Promise<Report> {
  if (ref.endsWith('.json') && existsSync(ref)) return await readJsonReport(ref);
  // git is spawned only here, so its module loads only for --baseline REV.
  const { gitTree } = await import('../load/gitTree.js');
  return (await assess(gitTree(file, ref, opts.root), opts)).report;
}
