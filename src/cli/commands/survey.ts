import type { Lang } from '../../model/localized.js';
import { safeJson } from '../../shared/safeText.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { parseCount, parseEncoding } from '../options.js';

export interface SurveyOptions {
  format: string;
  lang: Lang;
  mapping?: string;
  themes?: string;
  minGroup?: string;
  encoding?: string;
}

/** `survey FILE [PREVIOUS]`: a satisfaction survey export analysed, compared with an earlier period when given. */
export async function surveyCommand(file: string, previous: string | undefined, opts: SurveyOptions): Promise<ExitCode> {
  const ds = await import('../../datasets/options.js');
  const { analyzeSurveyFile } = await import('../../datasets/analyze.js');
  const { compareSurveys } = await import('../../datasets/survey.js');
  const o = {
    mapping: ds.loadMapping(opts.mapping),
    themes: ds.loadThemes(opts.themes),
    encoding: parseEncoding(opts.encoding),
    rules: { minGroupResponses: parseCount('--min-group', opts.minGroup) ?? 10 },
  };
  const now = await analyzeSurveyFile(file, o);
  const before = previous ? await analyzeSurveyFile(previous, o) : undefined;
  const comparison = before ? compareSurveys(now, before) : undefined;
  if (opts.format === 'json') process.stdout.write(safeJson(before ? { ...now, previous: before, comparison } : now, undefined, 2) + '\n');
  else process.stdout.write((await import('../../render/datasets.js')).renderSurveyTerminal(now, opts.lang, comparison));
  return EXIT.ok;
}
