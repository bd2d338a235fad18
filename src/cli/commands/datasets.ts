import { dirname, resolve } from 'node:path';
import { readTable, type Encoding } from '../../datasets/readTable.js';
import type { Commitments } from '../../datasets/records.js';
import type { WorkCalendar } from '../../datasets/workingDays.js';
import { parseYaml } from '../../load/parseYaml.js';
import { readSource } from '../../load/readSource.js';
import { locate } from '../../load/locate.js';
import { InputError } from '../../model/diagnostic.js';
import { diag } from '../../messages/diagnostics.js';
import type { EvidenceFile } from '../../model/evidence.js';
import { UsageError } from '../exitCodes.js';

/** --mapping FILE: `columns: { field: "header in the export" }`. */
export function loadMapping(file: string | undefined): Record<string, string> | undefined {
  if (!file) return undefined;
  const parsed = parseYaml(readSource(file));
  const v = parsed.value as { columns?: unknown } | null;
  const columns = v?.columns;
  if (!columns || typeof columns !== 'object' || Array.isArray(columns) || Object.values(columns).some((x) => typeof x !== 'string')) {
    throw new InputError([diag('mapping-shape', {}, { file, ...locate(parsed, ['columns']) })]);
  }
  return columns as Record<string, string>;
}

export function parseEncoding(e: string | undefined): Encoding | undefined {
  if (e === undefined) return undefined;
  const v = e.toLowerCase().replace(/^utf8$/, 'utf-8');
  if (v !== 'utf-8' && v !== 'gb18030' && v !== 'gbk') throw new UsageError(`--encoding must be utf-8, gb18030 or gbk, got ${e}`);
  return v;
}

export function calendarOf(evidence: EvidenceFile | undefined): WorkCalendar {
  return { holidays: new Set(evidence?.commitments?.holidays ?? []), extraWorkdays: new Set(evidence?.commitments?.extraWorkdays ?? []) };
}

export function commitmentsOf(evidence: EvidenceFile | undefined): Commitments {
  const { holidays: _h, extraWorkdays: _e, ...c } = evidence?.commitments ?? {};
  return c;
}

/** A dataset path from the evidence file, relative to it. */
export function datasetPath(evidenceFile: string, path: string): string {
  return resolve(dirname(evidenceFile), path);
}

export { readTable };
