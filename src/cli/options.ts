import type { Encoding } from '../datasets/readTable.js';
import { isIsoDate } from '../shared/dates.js';
import { LEVEL_IDS, type LevelId } from '../model/rubric.js';
import { UsageError } from '../model/usage.js';

/**
 * Every command-line value is checked here, once, the same way for every command that takes it.
 */

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function parseDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError('bad-date', { option, value: JSON.stringify(value.slice(0, 40)) });
  return value;
}

export function parseScore(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError('bad-score', { option, value: JSON.stringify(value.slice(0, 40)) });
  return n;
}

export function parseLevel(option: string, value: string | undefined): LevelId | undefined {
  if (value === undefined) return undefined;
  if (!(LEVEL_IDS as readonly string[]).includes(value))
    throw new UsageError('bad-level', { option, value: JSON.stringify(value.slice(0, 40)), levels: [...LEVEL_IDS] });
  return value as LevelId;
}

/** A whole number within [min, max]. */
/** The most --max-bytes accepts: a limit there cannot be raised, and a refusal at it does not suggest it. */
export const MAX_BYTES_CEILING = 64 * 1024 * 1024;

export function parseCount(option: string, value: string | undefined, min = 1, max = 999_999): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError('bad-count', { option, value: JSON.stringify(value.slice(0, 40)), min, max });
  return Number(value);
}

export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const v = value
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8')
    .replace(/^utf16le$/, 'utf-16le');
  if (v !== 'utf-8' && v !== 'gb18030' && v !== 'gbk' && v !== 'utf-16le' && v !== 'utf-16be')
    throw new UsageError('bad-encoding', { value: JSON.stringify(value.slice(0, 40)) });
  return v;
}
