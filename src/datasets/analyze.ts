import calendarData from '../generated/cn-work-calendar.json' with { type: 'json' };
import themeData from '../generated/survey-themes.json' with { type: 'json' };
import type { KpiRequest } from '../model/data.js';
import type { Commitments } from '../model/evidence.js';
import { loadChineseText } from './chineseText.js';
import { RECORD_COLUMNS, SURVEY_COLUMNS, headerScorer } from './columns.js';
import { streamTable, type Encoding } from './readTable.js';
import { RecordsAccumulator, type RecordsAnalysis, type RecordType } from './records.js';
import { SurveyAccumulator, SURVEY_RULES, type SurveyAnalysis, type SurveyRules } from './survey.js';
import { compileThemes, type ThemeDictionary } from './themes.js';
import { buildCalendar, type CalendarFile, type WorkCalendar } from './workCalendar.js';

export const BUNDLED_THEMES = themeData as unknown as ThemeDictionary;
export const BUNDLED_CALENDAR = calendarData as unknown as CalendarFile;

export interface SurveyOptions {
  encoding?: Encoding | undefined;
  mapping?: Partial<Record<string, string>> | undefined;
  /** User themes merged over the bundled dictionary (`--themes FILE`). */
  themes?: ThemeDictionary | undefined;
  rules?: Partial<SurveyRules> | undefined;
  /** The name reported for the file (defaults to the path). */
  label?: string | undefined;
}

/** Streams a survey export through the analysis: memory does not grow with the number of rows. */
export async function analyzeSurveyFile(file: string, o: SurveyOptions = {}): Promise<SurveyAnalysis> {
  await loadChineseText();
  const acc = new SurveyAccumulator(o.label ?? file, compileThemes(BUNDLED_THEMES, o.themes), { ...SURVEY_RULES, ...o.rules }, o.mapping);
  const info = await streamTable(file, acc.sink, { encoding: o.encoding, headerScore: headerScorer(SURVEY_COLUMNS, o.mapping) });
  return acc.finish({ ...info, file: o.label ?? file });
}

export interface RecordsOptions {
  encoding?: Encoding | undefined;
  mapping?: Partial<Record<string, string>> | undefined;
  commitments: Commitments;
  calendar: WorkCalendar;
  /** The analysis date (YYYY-MM-DD): `--as-of` or the evidence file's assessment date, never the clock. */
  asOf: string;
  repeatWindowDays?: number | undefined;
  label?: string | undefined;
  /** The KPIs of the industry profile `company.industry` selected (none without one). */
  industry?: KpiRequest | undefined;
  /** Called for each valid ticket, in the export's order (the mock audit's draws). */
  onValid?: ((type: RecordType, id: string, line: number) => void) | undefined;
}

export async function analyzeRecordsFile(file: string, o: RecordsOptions): Promise<RecordsAnalysis> {
  await loadChineseText();
  const acc = new RecordsAccumulator(o.label ?? file, o);
  const info = await streamTable(file, acc.sink, { encoding: o.encoding, headerScore: headerScorer(RECORD_COLUMNS, o.mapping) });
  return acc.finish({ ...info, file: o.label ?? file });
}

/** The bundled State Council calendar (or a `--holidays FILE`), plus a company's own days from its evidence file. */
export function workCalendar(
  file: CalendarFile | null,
  commitments?: { holidays?: readonly string[] | undefined; extraWorkdays?: readonly string[] | undefined },
): WorkCalendar {
  return buildCalendar(file ?? BUNDLED_CALENDAR, { holidays: commitments?.holidays ?? [], extraWorkdays: commitments?.extraWorkdays ?? [] });
}
