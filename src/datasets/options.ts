import type { ThemeDictionary } from './themes.js';
import type { CalendarFile } from './workCalendar.js';
import { isIsoDate } from '../shared/dates.js';
import { parseYaml } from '../load/parseYaml.js';
import { readSource } from '../load/readSource.js';
import { locate } from '../load/locate.js';
import { InputError, diag } from '../model/diagnostic.js';
import type { Commitments, EvidenceFile } from '../model/evidence.js';

/** --mapping FILE: `columns: { field: "header in the export" }`. */
export function loadMapping(file: string | undefined): Record<string, string> | undefined {
  return file ? loadMappingSource(file, file) : undefined;
}

/** A column mapping read from `path`, named `label` in messages (the path the evidence file wrote). */
export function loadMappingSource(path: string, label: string): Record<string, string> {
  const source = readSource(path);
  const file = label;
  const parsed = parseYaml({ ...source, file });
  const v = parsed.value as { columns?: unknown } | null;
  const columns = v?.columns;
  if (!columns || typeof columns !== 'object' || Array.isArray(columns) || Object.values(columns).some((x) => typeof x !== 'string')) {
    throw new InputError([diag('mapping-shape', {}, { file, ...locate(parsed, ['columns']) })]);
  }
  return columns as Record<string, string>;
}

/** --themes FILE: the shape of reference/survey-themes.yaml; every pattern must compile. */
export function loadThemes(file: string | undefined): ThemeDictionary | undefined {
  if (!file) return undefined;
  const parsed = parseYaml(readSource(file));
  const v = parsed.value as { themes?: unknown } | null;
  const themes = v?.themes;
  const ok =
    Array.isArray(themes) &&
    themes.every((t, i) => {
      const x = t as Record<string, unknown>;
      const label = x?.label as Record<string, unknown> | undefined;
      const lists = [x?.complaint, x?.praise ?? [], x?.topics ?? []];
      const good =
        typeof x?.id === 'string' &&
        typeof label?.['zh-CN'] === 'string' &&
        typeof label?.en === 'string' &&
        lists.every((l) => Array.isArray(l) && l.every((p) => typeof p === 'string' && compiles(p)));
      if (!good) throw new InputError([diag('themes-shape', { index: i }, { file, ...locate(parsed, ['themes', String(i)]) })]);
      return good;
    });
  if (!ok) throw new InputError([diag('themes-shape', { index: -1 }, { file, ...locate(parsed, ['themes']) })]);
  return parsed.value as ThemeDictionary;
}

function compiles(p: string): boolean {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}

/** --holidays FILE: the shape of reference/cn-work-calendar.yaml; every day a real date of its year. */
export function loadHolidays(file: string | undefined): CalendarFile | null {
  if (!file) return null;
  const parsed = parseYaml(readSource(file));
  const years = (parsed.value as { years?: unknown } | null)?.years;
  if (!years || typeof years !== 'object' || Array.isArray(years))
    throw new InputError([diag('holidays-shape', { year: '' }, { file, ...locate(parsed, ['years']) })]);
  for (const [year, y] of Object.entries(years as Record<string, unknown>)) {
    const entry = y as { holidays?: unknown; workdays?: unknown } | null;
    const days = [entry?.holidays ?? [], entry?.workdays ?? []];
    if (!/^\d{4}$/.test(year) || !days.every((d) => Array.isArray(d) && d.every((x) => typeof x === 'string' && isIsoDate(x) && x.startsWith(`${year}-`)))) {
      throw new InputError([diag('holidays-shape', { year }, { file, ...locate(parsed, ['years', year]) })]);
    }
  }
  return parsed.value as CalendarFile;
}

export function commitmentsOf(evidence: EvidenceFile | undefined): Commitments {
  const { holidays: _h, extraWorkdays: _e, ...c } = evidence?.commitments ?? {};
  return c;
}
