import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffReports } from '../compare/diffReports.js';
import { WORKING_TREE_LABEL } from '../messages/changes.js';
import { gateMessage } from '../messages/gate.js';
import { usageMessage } from '../messages/usage.js';
import { UsageError } from '../model/usage.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { Report } from '../model/report.js';
import { checkGate, type Gate, type GateFailure } from '../score/gate.js';
import { noteReads, takeNewReads } from '../load/guardedRead.js';
import { assessFile, baselineReport, isStream, type FileAssessOptions } from './assessFile.js';

/** What every file of a run is assessed with; plain data, so a worker thread receives it as it is. */
export interface BatchJob {
  assess: FileAssessOptions;
  gate: Gate;
  /** JSONL to standard output: the line is rendered where the file is assessed, and the report dropped. */
  streaming: boolean;
  batch: boolean;
  baseline?: string | undefined;
}

export type FileResult =
  | {
      kind: 'scored';
      report?: Report;
      failures: GateFailure[];
      line?: string;
      gateLines?: string[];
      warnings: Diagnostic[];
      paths: EvidencePaths;
    }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

/** One evidence file, start to finish: assess, compare with the baseline, check the gate (and render, when streaming). */
export async function assessOne(file: string, job: BatchJob): Promise<FileResult> {
  const { report: assessed, warnings } = await assessFile(file, job.assess);
  const paths = evidencePaths(file, job.assess.root);
  let report = assessed.evidenceFile ? { ...assessed, evidenceFile: { ...assessed.evidenceFile, path: paths.contract } } : assessed;
  if (job.baseline) {
    const base = await baselineReport(job.baseline, file, { ...job.assess, asOf: undefined });
    report = { ...report, comparison: { kind: 'baseline', diff: diffReports(base, report, { base: job.baseline, head: WORKING_TREE_LABEL }) } };
  }
  const failures = checkGate(report, job.gate);
  if (!job.streaming) return { kind: 'scored', report, failures, warnings, paths };
  const { renderJson } = await import('../render/json.js');
  const prefix = job.batch ? `${paths.shown}: ` : '';
  return {
    kind: 'scored',
    failures,
    line: renderJson(report, 0),
    gateLines: failures.map((f) => `${prefix}${gateMessage(f, report, job.assess.lang)}`),
    warnings,
    paths,
  };
}

/** In a batch one bad file is reported and skipped; a single file's input error ends the run. */
async function settle(file: string, job: BatchJob): Promise<FileResult> {
  try {
    return await assessOne(file, job);
  } catch (e) {
    if (e instanceof InputError && job.batch) return { kind: 'invalid', diagnostics: e.diagnostics };
    throw e;
  }
}

/**
 * Below this, starting the workers (each loads the bundle and warms up) costs more than it saves: on two
 * cores, 100 files took 0.97 s with two workers against 0.80 s without, 1 000 files 3.9 s against 4.8 s.
 */
const MIN_FILES_FOR_WORKERS = 256;

/**
 * Worker threads for a batch: AFTERSALES_WORKERS=N (0 or 1: none), else one per core up to 8 when the batch
 * is large enough and the CLI runs from its bundle (the worker loads the same bundle through the bin).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.AFTERSALES_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), 64);
  if (files < MIN_FILES_FOR_WORKERS || !workerEntry()) return 0;
  return Math.min(availableParallelism(), 8);
}

/** The bin beside the bundle; absent when running from source (tests), where the batch stays in one thread. */
function workerEntry(): string | null {
  const bin = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'bin', 'aftersales-assess.cjs');
  return existsSync(bin) ? bin : null;
}

/**
 * Every file's result in the order given, whichever thread finishes first. Workers pull one file at a time,
 * so at most one result per worker waits for its turn: memory stays flat for a batch of any size.
 */
export async function* assessAll(files: readonly string[], job: BatchJob, workers: number): AsyncGenerator<{ file: string; result: FileResult }> {
  const entry = workers > 1 ? workerEntry() : null;
  if (!entry) {
    for (const file of files) yield { file, result: await settle(file, job) };
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const done = new Map<number, FileResult>();
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, files.length) }, () => {
    const w = new Worker(entry, { workerData: { kind: BATCH_WORKER, job }, stdout: true, stderr: false });
    const feed = () => {
      if (next < files.length) {
        w.postMessage({ index: next, file: files[next] });
        next++;
      } else w.postMessage(null);
    };
    w.on('message', (m: { index: number; result?: FileResult; fatal?: string; stack?: string; reads: string[] }) => {
      noteReads(m.reads);
      // The worker's message and stack kept apart, so that the stack is shown only as the main thread's are (AFTERSALES_DEBUG).
      if (m.fatal !== undefined) failed ??= Object.assign(new Error(m.fatal), m.stack ? { stack: m.stack } : {});
      else done.set(m.index, m.result!);
      feed();
      notify();
    });
    w.on('error', (e) => {
      failed ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0) failed ??= new Error(`batch worker exited with code ${code}`);
      notify();
    });
    feed();
    return w;
  });
  try {
    for (let i = 0; i < files.length; i++) {
      while (!done.has(i)) {
        if (failed) throw failed;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
      const result = done.get(i)!;
      done.delete(i);
      yield { file: files[i]!, result };
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

export const BATCH_WORKER = 'aftersales-assess batch worker';

/** The worker's side: assess each file it is sent, answer with its result, end on null. */
export async function runBatchWorker(): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const job = (workerData as { job: BatchJob }).job;
  parentPort!.on('message', async (m: { index: number; file: string } | null) => {
    if (m === null) {
      parentPort!.close();
      return;
    }
    try {
      const result = await settle(m.file, job);
      parentPort!.postMessage({ index: m.index, result, reads: takeNewReads() });
    } catch (e) {
      // A UsageError carries only its code; the parent shows a worker's failure by its English text, as before.
      const fatal = e instanceof UsageError ? usageMessage(e.code, e.args, 'en') : ((e as Error)?.message ?? String(e));
      parentPort!.postMessage({ index: m.index, fatal, stack: (e as Error)?.stack, reads: takeNewReads() });
    }
  });
}

/**
 * The evidence file's three names, decided once per file: in the JSON contract (relative to the working
 * directory, whatever form the argument had: no absolute paths in a report), shown to the user and to CI
 * (relative when below the working directory, so annotations point at repository paths), and the folder its
 * cited files are looked up in (the working directory or --root for standard input), for links.
 */
export interface EvidencePaths {
  contract: string;
  shown: string;
  citedFrom: string;
}

export function evidencePaths(file: string, root?: string): EvidencePaths {
  return {
    contract: relative(process.cwd(), resolve(file)).split('\\').join('/'),
    shown: displayPath(file),
    citedFrom: isStream(file) ? resolve(root ?? '.') : dirname(resolve(file)),
  };
}

function displayPath(file: string): string {
  if (!isAbsolute(file)) return file.split('\\').join('/');
  const rel = relative(process.cwd(), resolve(file));
  return rel.startsWith('..') ? file : rel.split('\\').join('/');
}
