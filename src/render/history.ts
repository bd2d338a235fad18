import { Chalk } from 'chalk';
import { CAUSE_LABELS } from '../messages/changes.js';
import { diagnosticText } from '../messages/diagnostics.js';
import { historyText } from '../messages/history.js';
import type { History, HistoryPoint, PointChange, ProjectionPoint } from '../model/history.js';
import type { Lang } from '../model/localized.js';
import { safeJson, safeText } from '../shared/safeText.js';
import { displayWidth } from '../shared/width.js';
import { cell } from './markdown.js';

/**
 * `history` laid out: one row per commit (date, commit, score, level, change) and under it the largest
 * criterion changes with their causes. The rows, their order and every number come from the History model.
 */
export function renderHistoryTerminal(h: History, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const t = (k: Parameters<typeof historyText>[0], v: Record<string, string | number> = {}) => historyText(k, lang, v);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const levelWidth = Math.max(displayWidth(t('level')), ...h.points.map((p) => (p.kind === 'scored' ? displayWidth(p.levelName[lang]) : 0)));
  const out = [c.bold(t('title', { file: safeText(h.file), n: h.points.length })), ''];
  out.push(c.dim(`${pad(t('date'), 10)}  ${pad(t('commit'), 12)}  ${pad(t('score'), 5)}  ${pad(t('level'), levelWidth)}  ${t('change')}`));
  for (const p of h.points) {
    if (p.kind === 'gap') {
      out.push(`${p.date}  ${p.short}  ${c.yellow(`${t('gap')}: ${t(p.reason)}`)}  ${safeText(p.subject)}`);
      for (const d of p.diagnostics) {
        const { message } = diagnosticText(d, lang);
        out.push(c.dim(`    ${safeText(d.file)}:${d.line}:${d.column}: ${safeText(message)}`));
      }
      continue;
    }
    const delta = p.delta === null ? '      ' : signedColored(p.delta, c, 1, 6);
    out.push(`${p.date}  ${p.short}  ${pad(p.final.toFixed(1), 5)}  ${pad(p.levelName[lang], levelWidth)}  ${delta}  ${safeText(p.subject)}`);
    for (const ch of p.changes) out.push(`    ${signedColored(ch.delta, c, 2, 6)}  ${changeText(ch, lang)}`);
    if (p.moreChanges > 0) out.push(c.dim(`    ${t('more', { n: p.moreChanges })}`));
  }
  const pr = h.projection;
  if (pr) {
    const delta = pr.delta === null ? '      ' : signedColored(pr.delta, c, 1, 6);
    out.push(
      c.italic(`${pr.asOf}  ${pr.short}  ${pad(pr.final.toFixed(1), 5)}  ${pad(pr.levelName[lang], levelWidth)}  `) +
        delta +
        c.italic(`  ${t('projectionRow', { date: pr.asOf })}`),
    );
    for (const ch of pr.changes) out.push(`    ${signedColored(ch.delta, c, 2, 6)}  ${changeText(ch, lang)}`);
    if (pr.moreChanges > 0) out.push(c.dim(`    ${t('more', { n: pr.moreChanges })}`));
  }
  const s = summary(h, lang);
  if (s) out.push('', s);
  if (pr) out.push(t('projectionNote', { short: pr.short, date: pr.asOf }));
  return out.join('\n') + '\n';
}

export function renderHistoryMarkdown(h: History, lang: Lang): string {
  const t = (k: Parameters<typeof historyText>[0], v: Record<string, string | number> = {}) => historyText(k, lang, v);
  const out = [`## ${cell(t('title', { file: h.file, n: h.points.length }))}`, ''];
  out.push(`| ${t('date')} | ${t('commit')} | ${t('score')} | ${t('level')} | ${t('change')} | ${t('changes')} |`, '|---|---|---:|---|---:|---|');
  for (const p of h.points) {
    if (p.kind === 'gap') {
      const why = p.diagnostics.map((d) => cell(`${d.file}:${d.line}:${d.column}: ${diagnosticText(d, lang).message}`)).join('<br>');
      out.push(`| ${p.date} | \`${p.short}\` | — | ${t('gap')} | | ${cell(t(p.reason))}${why ? `<br>${why}` : ''} |`);
      continue;
    }
    const changes = [
      ...p.changes.map((ch) => `${signed(ch.delta, 2)} ${cell(changeText(ch, lang))}`),
      ...(p.moreChanges ? [t('more', { n: p.moreChanges })] : []),
    ];
    out.push(
      `| ${p.date} | \`${p.short}\` | ${p.final.toFixed(1)} | ${cell(p.levelName[lang])} | ${p.delta === null ? '' : signed(p.delta)} | ${changes.join('<br>')} |`,
    );
  }
  const pr = h.projection;
  if (pr) {
    const changes = [
      ...pr.changes.map((ch) => `${signed(ch.delta, 2)} ${cell(changeText(ch, lang))}`),
      ...(pr.moreChanges ? [t('more', { n: pr.moreChanges })] : []),
    ];
    out.push(
      `| *${pr.asOf}* | \`${pr.short}\` | *${pr.final.toFixed(1)}* | *${cell(pr.levelName[lang])}* | ${pr.delta === null ? '' : signed(pr.delta)} | **${cell(t('projectionRow', { date: pr.asOf }))}**${changes.length ? `<br>${changes.join('<br>')}` : ''} |`,
    );
  }
  const s = summary(h, lang);
  if (s) out.push('', cell(s));
  if (pr) out.push('', cell(t('projectionNote', { short: pr.short, date: pr.asOf })));
  return out.join('\n') + '\n';
}

/** The JSON contract (README "history JSON"): the History model as it is. */
export function renderHistoryJson(h: History): string {
  return safeJson(h, undefined, 2) + '\n';
}

/** One point per line, each with the file and rubric it belongs to, for streaming into a time-series store; the projection (`kind: "projection"`) last. */
export function renderHistoryJsonl(h: History): string {
  const points: Array<HistoryPoint | ProjectionPoint> = [...h.points, ...(h.projection ? [h.projection] : [])];
  return points.map((p) => safeJson({ file: h.file, rubric: h.rubric, ...p })).join('\n') + (points.length ? '\n' : '');
}

function changeText(ch: PointChange, lang: Lang): string {
  const causes = ch.causes.map((x) => CAUSE_LABELS[x][lang]).join(', ');
  return safeText(`${ch.id} ${ch.title[lang]} — ${causes}${ch.refs.length ? `: ${ch.refs.join(', ')}` : ''}`);
}

/** The model's span in words. */
function summary(h: History, lang: Lang): string | null {
  const s = h.span;
  return s ? historyText('summary', lang, { ...s, before: s.before.toFixed(1), after: s.after.toFixed(1), delta: signed(s.delta) }) : null;
}

export function signed(n: number, digits = 1): string {
  return n > 0 ? `+${n.toFixed(digits)}` : n < 0 ? n.toFixed(digits) : '±0';
}

/** Padded before it is coloured, so escape codes never count as columns. */
function signedColored(n: number, c: InstanceType<typeof Chalk>, digits = 1, width = 0): string {
  const s = signed(n, digits).padStart(width);
  return n > 0 ? c.green(s) : n < 0 ? c.red(s) : s;
}
