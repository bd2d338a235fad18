import type { Lang } from '../../model/localized.js';
import { LEVEL_IDS, type LevelId, type LoadedRubric } from '../../model/rubric.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { gatherFileFacts } from '../../load/gatherFileFacts.js';
import { loadEvidenceFile } from '../../load/loadEvidence.js';
import { buildReport } from '../../report/buildReport.js';
import { isIsoDate } from '../../evaluate/dates.js';
import { renderJson } from '../../render/json.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { detectTerminal, writeOutput } from '../io.js';
import { TOOL } from '../version.js';

export interface ScoreOptions {
  format: 'terminal' | 'json';
  lang: Lang;
  failUnder?: string;
  minLevel?: string;
  asOf?: string;
  root?: string;
  out?: string;
  color?: boolean;
  ascii?: boolean;
  top: string;
  maxBytes?: string;
}

/** The thin shell around the core: load, gather file facts, build the Report, render, decide the exit code. */
export async function scoreCommand(
  file: string,
  opts: ScoreOptions,
  rubric: LoadedRubric,
  reportWarnings: (d: Diagnostic[]) => void,
): Promise<ExitCode> {
  const failUnder = opts.failUnder === undefined ? undefined : parseScore(opts.failUnder);
  const minLevel = opts.minLevel === undefined ? undefined : parseLevel(opts.minLevel);
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got ${opts.asOf}`);
  const top = Number(opts.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top must be a whole number, got ${opts.top}`);
  const maxBytes = opts.maxBytes === undefined ? undefined : Number(opts.maxBytes);
  if (maxBytes !== undefined && !(maxBytes > 0)) throw new UsageError(`--max-bytes must be a positive number, got ${opts.maxBytes}`);

  const { evidence, warnings } = loadEvidenceFile(file, rubric.rubric, maxBytes);
  reportWarnings(warnings);
  const facts = gatherFileFacts(evidence, file, opts.root);
  const report = buildReport(rubric, evidence, facts, { lang: opts.lang, tool: TOOL, ...(opts.asOf ? { asOf: opts.asOf } : {}) });

  const term = detectTerminal(opts.color);
  const toFile = opts.out !== undefined && opts.out !== '-';
  const content = opts.format === 'json'
    ? renderJson(report)
    : (await import('../../render/terminal.js')).renderTerminal(report, { color: term.color && !toFile, ascii: Boolean(opts.ascii), width: term.columns, topGaps: top });
  writeOutput(content, opts.out, [file]);

  const levels = rubric.rubric.levels.list.map((l) => l.id);
  if (failUnder !== undefined && report.score.final < failUnder) {
    process.stderr.write(`aftersales-assess: score ${report.score.final} is below --fail-under ${failUnder}\n`);
    return EXIT.belowThreshold;
  }
  if (minLevel !== undefined && levels.indexOf(report.level.id) < levels.indexOf(minLevel)) {
    process.stderr.write(`aftersales-assess: level ${report.level.id} is below --min-level ${minLevel}\n`);
    return EXIT.belowThreshold;
  }
  return EXIT.ok;
}

function parseScore(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--fail-under must be a score from 0 to 100, got ${text}`);
  return n;
}

function parseLevel(text: string): LevelId {
  if (!(LEVEL_IDS as readonly string[]).includes(text)) throw new UsageError(`--min-level must be one of ${LEVEL_IDS.join(', ')}, got ${text}`);
  return text as LevelId;
}
