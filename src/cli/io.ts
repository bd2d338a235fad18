import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exitCodes.js';

export interface Terminal {
  isTTY: boolean;
  columns: number;
  color: boolean;
}

/** Colour only for a person at a terminal: never when piped, with NO_COLOR, or with --no-color. */
export function detectTerminal(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): Terminal {
  const isTTY = Boolean(stream.isTTY);
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const color = colorFlag !== false && !noColor && (isTTY || forced);
  return { isTTY, columns: stream.columns || 100, color };
}

/**
 * Writes the report to `out` ('-' or undefined: stdout). A file is written to a temporary name
 * and renamed, so an interrupted run never leaves half a report, and never over an input file.
 */
export function writeOutput(content: string | Uint8Array, out: string | undefined, inputs: readonly string[]): void {
  if (out === undefined || out === '-') {
    process.stdout.write(content);
    return;
  }
  const target = resolve(out);
  if (inputs.some((i) => resolve(i) === target)) {
    throw new UsageError(`refusing to write the report over the input file ${out}; choose another --out`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* nothing to clean */ }
    throw new UsageError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
