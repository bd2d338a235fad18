import { statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES } from '../load/readSource.js';
import { assess, type Assessment } from '../assess/assess.js';
import { streamTree, workingTree } from '../load/workingTree.js';
import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { LoadedRubric } from '../model/rubric.js';
import { baselineReport as baselineOf, checkedReport, MAX_REPORT_BYTES, readJsonReport } from '../assess/baseline.js';
import { TOOL } from './version.js';

/** How a command-line file argument is assessed: the assessment's options less the tool, plus the evidence root. */
export interface FileAssessOptions {
  rubric: LoadedRubric;
  lang: Lang;
  asOf?: string | undefined;
  root?: string | undefined;
  maxBytes?: number | undefined;
}

/** An evidence file in the working tree, or read from standard input or a pipe. */
export async function assessFile(file: string, opts: FileAssessOptions): Promise<Assessment> {
  if (isStream(file)) return assessStream(file, await readStream(file, opts), opts);
  return assess(workingTree(file, opts.root), { ...opts, tool: TOOL });
}

async function readStream(file: string, opts: { maxBytes?: number | undefined }): Promise<Buffer> {
  const { readStreamInput } = await import('./streamInput.js');
  return readStreamInput(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
}

function assessStream(file: string, bytes: Buffer, opts: FileAssessOptions): Promise<Assessment> {
  return assess(streamTree(streamLabel(file), bytes, opts.root), { ...opts, tool: TOOL });
}

/** How a stream is named in messages: `<stdin>` for standard input, else the path given. */
export function streamLabel(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** `validate FILE`: the evidence file as loaded and checked, and the tree its cited files are looked up in. */
export async function loadForValidation(file: string, rubric: LoadedRubric, root: string | undefined, maxBytes?: number) {
  const [{ loadEvidenceSource, evidenceSource }, { readSource, sourceFromBytes }] = await Promise.all([
    import('../validate/loadEvidence.js'),
    import('../load/readSource.js'),
  ]);
  if (isStream(file)) {
    const bytes = await readStream(file, { maxBytes });
    return {
      load: loadEvidenceSource(await evidenceSource(sourceFromBytes(streamLabel(file), bytes)), rubric.rubric),
      tree: streamTree(streamLabel(file), bytes, root),
    };
  }
  return { load: loadEvidenceSource(await evidenceSource(readSource(file, maxBytes)), rubric.rubric), tree: workingTree(file, root) };
}

/** --baseline REF, assessed with this tool's name and version. */
export function baselineReport(ref: string, file: string, opts: FileAssessOptions): Promise<Report> {
  return baselineOf(ref, file, { ...opts, tool: TOOL });
}

/**
 * `diff BASE HEAD`: each side an evidence file (scored now) or a JSON report. A side read from standard input
 * or a pipe is a JSON report when it is a JSON object with the report's `schemaVersion` and `tool`
 * (`score --format json | aftersales-assess diff base.json -`), else an evidence file.
 */
export async function reportFor(path: string, opts: FileAssessOptions): Promise<Report> {
  if (isStream(path)) {
    const bytes = await readStream(path, { maxBytes: opts.maxBytes ?? MAX_REPORT_BYTES });
    const report = jsonReportOrNull(bytes);
    if (report) return checkedReport(report, streamLabel(path));
    return (await assessStream(path, bytes, opts)).report;
  }
  return path.endsWith('.json') ? await readJsonReport(path) : (await assessFile(path, opts)).report;
}

function jsonReportOrNull(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').trimStart();
  if (!text.startsWith('{')) return null;
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    return data && typeof data === 'object' && 'schemaVersion' in data && 'tool' in data ? data : null;
  } catch {
    return null;
  }
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
