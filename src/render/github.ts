import { points } from '../messages/numbers.js';
import { gateMessage } from '../messages/gate.js';
import { findingMessage } from '../messages/findings.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Lang } from '../model/localized.js';
import { diagnosticParts } from './diagnostics.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import { allFindings, type ScoredFile } from './scoredFile.js';
import { COLON, UI, ui } from '../messages/ui.js';
import { readReport } from './reading.js';
import { safeLines, safeText } from '../shared/safeText.js';

/** GitHub shows at most this many annotations of each kind per step; the rest are dropped silently. */
export const ANNOTATION_CAP = 10;

interface Annotation {
  kind: 'error' | 'warning';
  props: Record<string, string | number | undefined>;
  message: string;
  /** Larger first: gate failures (the reason the job fails) above every finding, then points lost. */
  weight: number;
}

/**
 * GitHub Actions workflow commands: annotations at the line of the evidence file, so a pull request shows
 * the problem on the exact YAML line. GitHub keeps 10 errors and 10 warnings per step, so the ones that
 * matter come first (the reasons the run fails, then findings by points lost) and the rest are counted in
 * one notice and listed in the step summary (`renderGithubSummary`). Info findings are left out.
 */
export function renderGithub(files: readonly ScoredFile[], lang: Lang): string {
  const all: Annotation[] = [];
  for (const { file, report, failures } of files) {
    const { actionFor } = readReport(report, lang);
    for (const f of failures)
      all.push({ kind: 'error', props: { file, title: ui('ghThreshold', lang) }, message: gateMessage(f, report, lang), weight: Infinity });
    for (const { criterion, finding } of allFindings(report)) {
      const severity = FINDING_SEVERITY[finding.code];
      if (severity === 'info') continue;
      const title = criterion ? `${criterion.id} ${criterion.title[lang]}` : 'aftersales-assess';
      const lostPoints = criterion && severity === 'error' ? criterion.points - criterion.earned : 0;
      const deduction = finding.code === 'special-deduction' ? report.method.specialDeductionPoints : 0;
      all.push({
        kind: severity === 'error' ? 'error' : 'warning',
        props: { file, line: finding.line, col: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, title },
        // The gap's one action under its reason, as every other format gives it.
        message:
          findingMessage(finding, lang) +
          (lostPoints > 0 ? ` (−${points(lostPoints)})` : '') +
          (lostPoints > 0 && actionFor.has(criterion!.id) ? `\n${UI.action[lang]}${COLON[lang]}${actionFor.get(criterion!.id)}` : ''),
        weight: Math.max(lostPoints, deduction * 100),
      });
    }
  }
  // Stable: equal weights keep file and rubric order.
  const ranked = all.map((a, i) => ({ a, i })).sort((x, y) => y.a.weight - x.a.weight || x.i - y.i);
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  const out: string[] = [];
  for (const { a } of ranked) {
    if (shown[a.kind] < ANNOTATION_CAP) {
      shown[a.kind]++;
      out.push(command(a.kind, a.props, a.message));
    } else hidden[a.kind]++;
  }
  // Notices are capped too: one per company for a few, one line for a batch.
  if (files.length <= ANNOTATION_CAP - 1)
    for (const { file, report } of files)
      out.push(
        command('notice', { file, title: 'aftersales-assess' }, `${report.company.name}: ${report.score.final} / 100, ${report.level.name[report.lang]}`),
      );
  else out.push(command('notice', { title: 'aftersales-assess' }, ui('ghBatch', lang, { n: files.length })));
  if (hidden.error + hidden.warning > 0)
    out.push(command('notice', { title: 'aftersales-assess' }, ui('ghHidden', lang, { errors: hidden.error, warnings: hidden.warning, cap: ANNOTATION_CAP })));
  return out.join('\n') + '\n';
}

/** For the job summary (GITHUB_STEP_SUMMARY): every annotation, including those over the cap. */
export function renderGithubSummary(files: readonly ScoredFile[], lang: Lang): string {
  const cell = (s: string) => safeText(s).replace(/\|/g, '\\|');
  const rows: string[] = [];
  for (const { file, report, failures } of files) {
    for (const f of failures) rows.push(`| error | ${cell(file)} | | ${cell(gateMessage(f, report, lang))} |`);
    for (const { criterion, finding } of allFindings(report)) {
      const severity = FINDING_SEVERITY[finding.code];
      if (severity === 'info') continue;
      rows.push(
        `| ${severity} | ${cell(file)}${finding.line ? `:${finding.line}` : ''} | ${criterion ? criterion.id : ''} | ${cell(findingMessage(finding, lang))} |`,
      );
    }
  }
  if (rows.length === 0) return '';
  return [
    '',
    `### ${ui('ghAll', lang)}`,
    '',
    `| | ${ui('ghWhere', lang)} | ${ui('criterion', lang)} | ${ui('ghFinding', lang)} |`,
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function renderGithubDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return (
    diagnostics
      .map((d) => {
        const text = diagnosticParts(d, lang);
        return command(
          d.severity,
          { file: text.file, line: d.line || undefined, col: d.column || undefined, title: 'aftersales-assess' },
          text.message + (text.hint ? ` — ${text.hint}` : ''),
        );
      })
      .join('\n') + '\n'
  );
}

function command(kind: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

// Escaping as the Actions runner expects (toolkit/core command.ts), after removing what would act on the
// log viewer or reorder it: every annotation's text and properties pass here.
function escapeData(s: string): string {
  return safeLines(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
