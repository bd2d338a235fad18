import { percent, points, signedPoints } from '../messages/numbers.js';
import { safeText } from '../shared/safeText.js';
import { gateMessage } from '../messages/gate.js';
import { CAUSE_LABELS, COMPARISON_LABELS, diffLabel, sidesLabel } from '../messages/changes.js';
import { PDF } from '../messages/pdf.js';
import { COLON, UI, ui } from '../messages/ui.js';
import { type OverviewRow, readReport } from './reading.js';
import type { ReportDiff } from '../model/diff.js';
import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { ScoredFile } from './scoredFile.js';

/** A summary for $GITHUB_STEP_SUMMARY or a pull-request comment (GitHub-flavoured Markdown). */
export function renderMarkdown(files: readonly ScoredFile[], lang: Lang, topGaps = 10): string {
  if (files.length === 1) return single(files[0]!, topGaps);
  const t = (k: keyof typeof UI) => UI[k][lang];
  const rows = files.map(
    ({ file, report, failures }) =>
      `| ${cell(report.company.name)} | ${code(file, true)} | ${report.score.final} | ${cell(levelText(report))} | ${cell(report.gaps[0] ? `${report.gaps[0].criterion} ${report.gaps[0].title[lang]}` : '—')} | ${failures.length ? '❌' : '✅'} |`,
  );
  return [
    `## ${t('title')} — ${t('summary')}`,
    '',
    `| ${t('company')} | ${t('fileCol')} | ${t('score')} | ${t('level')} | ${t('topGap')} | ${t('gateCol')} |`,
    '|---|---|---:|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function single({ file, report, failures }: ScoredFile, topGaps: number): string {
  const lang = report.lang;
  const t = (k: keyof typeof UI) => UI[k][lang];
  const s = report.score;
  const out: string[] = [];
  out.push(`## ${t('title')}${COLON[lang]}${cell(report.company.name)}`);
  out.push('');
  out.push(
    `**${t('score')}${COLON[lang]}${s.final} / 100 · ${t('level')}${COLON[lang]}${cell(levelText(report))}** · ${t('date')} ${report.assessmentDate} · ${code(file)}`,
  );
  out.push('');
  const reading = readReport(report, lang);
  out.push(cell(reading.arithmetic.join(' ')));
  out.push('');
  out.push(`**${cell(reading.nextLevelLine)}**${reading.reachNext ? ` · ${cell(reading.reachNext)}` : ''}`);
  for (const line of reading.decisionLines) out.push('', cell(line));
  for (const caveat of reading.caveats) out.push('', `> ※ ${cell(caveat)}`);
  if (failures.length) {
    out.push('');
    out.push(`### ❌ ${t('thresholds')}`);
    for (const f of failures) out.push(`- ${cell(gateMessage(f, report, report.lang))}`);
  }
  if (report.comparison) out.push('', ...diffMarkdown(report.comparison.diff, report.comparison.kind, lang));
  out.push('');
  const excluded = PDF.excludedCol[lang];
  const overviewRow = (o: OverviewRow) =>
    `${o.points} | ${o.excluded > 0 ? o.excluded : ''} | ${o.earned === null ? '—' : points(o.earned)} | ${pct(o.ratio)} |`;
  out.push(`| ${t('sections')} | ${t('points')} | ${excluded} | ${t('earned')} | ${t('percent')} |`);
  out.push('|---|---:|---:|---:|---:|');
  for (const o of reading.overview) if (o.kind === 'section') out.push(`| ${o.id} ${cell(o.title)} | ${overviewRow(o)}`);
  out.push('');
  out.push(`<details><summary>${t('clauses')}</summary>`);
  out.push('');
  out.push(`| ${t('clause')} | ${t('name')} | ${t('points')} | ${excluded} | ${t('earned')} | ${t('percent')} |`);
  out.push('|---|---|---:|---:|---:|---:|');
  for (const o of reading.overview) if (o.kind === 'clause') out.push(`| ${o.id} | ${cell(o.title)} | ${overviewRow(o)}`);
  out.push('');
  out.push('</details>');
  if (reading.actions.length) {
    out.push('');
    out.push(`### ${t('topGaps')}`);
    out.push('');
    out.push(`| # | ${t('criterion')} | ${t('recoverable')} | ${t('reason')} | ${t('action')} | ${t('ownerDueCol')} |`);
    out.push('|---:|---|---:|---|---|---|');
    reading.actions.slice(0, topGaps).forEach((a) => {
      out.push(
        `| ${a.kind === 'gap' ? a.rank : '!'} | ${cell(a.label)} | +${points(a.recoverable)} | ${cell(a.reasons.join('; '))} | ${cell(a.action)} | ${a.kind === 'gap' ? cell(a.ownerDue) : ''} |`,
      );
    });
    if (reading.actions.length > topGaps) out.push('', `… ${reading.actions.length - topGaps} ${t('moreGaps')}`);
  }
  if (reading.warnings.length) {
    out.push('', `### ${t('warnings')}`, '');
    for (const w of reading.warnings) out.push(`- ${cell(w)}`);
  }
  out.push('', `${t('notAssessed')}${COLON[lang]}${report.counts['not-assessed']} · ${t('warnings')}${COLON[lang]}${report.counts.warnings}`);
  out.push('');
  out.push(
    `<sub>${t('selfAssessment')} ${report.tool.name} ${report.tool.version} · ${report.rubric.standard} (${report.rubric.id} ${report.rubric.version})</sub>`,
  );
  return out.join('\n') + '\n';
}

export function diffMarkdown(diff: ReportDiff, kind: 'as-of' | 'baseline', lang: Lang): string[] {
  const out = [`### ${COMPARISON_LABELS[kind][lang]}${COLON[lang]}${sidesLabel(diff, lang)}`, ''];
  out.push(
    `${points(diff.base.final)} → ${points(diff.head.final)} (${signed(diff.scoreDelta)}), ${diff.base.levelName[lang]} → ${diff.head.levelName[lang]}${diff.levelChange === 'down' ? ' ▼' : diff.levelChange === 'up' ? ' ▲' : ''}`,
  );
  if (diff.companyChanged) out.push('', `> ⚠ ${cell(diffLabel('companies', lang, { base: diff.base.company, head: diff.head.company }))}`);
  const p = diff.parts;
  if (p.deductions.before !== p.deductions.after) out.push('', `- ${diffLabel('deductions', lang, p.deductions)}`);
  if (p.bonus.before !== p.bonus.after) out.push('', `- ${diffLabel('bonus', lang, p.bonus)}`);
  if (p.applicable.before !== p.applicable.after) out.push('', `- ${diffLabel('applicable', lang, p.applicable)}`);
  if (diff.criteria.length === 0) return [...out, '', COMPARISON_LABELS.noChange[lang]];
  out.push('', '| Δ | ' + ui('diffCols', lang) + ' |', '|---:|---|---|');
  for (const c of diff.criteria) {
    out.push(
      `| ${signed(c.delta)} | ${c.id} ${cell(c.title[lang])} | ${c.causes.map((x) => CAUSE_LABELS[x][lang]).join(', ')}${c.refs.length ? `: ${cell(c.refs.join(', '))}` : ''} |`,
    );
  }
  return out;
}

function levelText(r: Report): string {
  return r.level.name[r.lang] + (r.level.stars ? ' ' + '★'.repeat(r.level.stars) : '');
}
function pct(r: number | null): string {
  return percent(r);
}
const signed = signedPoints;
/**
 * Text from the rubric or the evidence file as literal Markdown text: inline syntax and HTML escaped (a `|`
 * in a custom rubric's title would shift a table's columns, `<img>` would render), line breaks joined, control and bidi characters removed.
 */
export function cell(s: string): string {
  return safeText(s)
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A code span that holds any text: the fence is one backtick longer than the longest run inside. */
function code(s: string, inTable = false): string {
  // In a GFM table a pipe ends the cell even inside a code span, unless escaped.
  const text = safeText(s).replace(/\|/g, inTable ? '\\|' : '|');
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return fence.length > 1 || /^`|`$/.test(text) ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
