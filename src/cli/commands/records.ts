import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { safeJson } from '../../shared/safeText.js';
import { loadBundledRubric } from '../../validate/bundledRubric.js';
import { findIndustry } from '../../validate/industries.js';
import { loadAnyEvidenceFile } from '../../validate/loadEvidence.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { parseCount, parseDate, parseEncoding } from '../options.js';

export interface RecordsOptions {
  format: string;
  lang: Lang;
  evidence?: string;
  asOf?: string;
  holidays?: string;
  repeatWindow?: string;
  mapping?: string;
  encoding?: string;
}

/** `records FILE`: service and complaint records analysed against the evidence file's commitments. */
export async function recordsCommand(file: string, opts: RecordsOptions): Promise<ExitCode> {
  const ds = await import('../../datasets/options.js');
  const { analyzeRecordsFile, workCalendar } = await import('../../datasets/analyze.js');
  const { kpiRequest } = await import('../../datasets/industryKpis.js');
  const evidence = opts.evidence ? (await loadAnyEvidenceFile(opts.evidence, (await loadBundledRubric()).rubric)).evidence : undefined;
  // Never the clock: a report must come out the same tomorrow.
  const asOf = parseDate('--as-of', opts.asOf) ?? evidence?.assessment.date;
  if (asOf === undefined) throw new UsageError('records-needs-date', {});
  const commitments = ds.commitmentsOf(evidence);
  const a = await analyzeRecordsFile(file, {
    commitments,
    calendar: workCalendar(ds.loadHolidays(opts.holidays), evidence?.commitments),
    asOf,
    mapping: ds.loadMapping(opts.mapping),
    encoding: parseEncoding(opts.encoding),
    repeatWindowDays: parseCount('--repeat-window', opts.repeatWindow, 1, 3650),
    industry: kpiRequest(typeof evidence?.company.industry === 'string' ? findIndustry(evidence.company.industry) : undefined),
  });
  if (opts.format === 'json') process.stdout.write(safeJson(a, undefined, 2) + '\n');
  else process.stdout.write((await import('../../render/datasets.js')).renderRecordsTerminal(a, opts.lang, Object.keys(commitments).length > 0));
  return EXIT.ok;
}
