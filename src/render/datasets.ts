import stringWidth from 'string-width';
import { DIMENSIONS, type SurveyAnalysis } from '../datasets/survey.js';
import type { RecordsAnalysis, Within } from '../datasets/records.js';
import { THEMES } from '../datasets/themes.js';
import { DIMENSION_LABELS, DS, RECORD_TYPE_LABELS, recordInvalidMessage, surveyInvalidMessage } from '../messages/datasets.js';
import type { Lang } from '../model/localized.js';

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - stringWidth(s)));
const t = (k: keyof typeof DS, lang: Lang, n?: number) => DS[k][lang].replace('{n}', String(n ?? ''));

function header(kind: 'survey' | 'records', d: SurveyAnalysis['dataset'], lang: Lang): string {
  return `${t(kind, lang)} · ${d.file} (${d.format}${d.encoding ? ', ' + d.encoding : ''}, ${d.rows} ${t('rows', lang)}, sha256 ${d.sha256.slice(0, 12)})`;
}

function invalidLines(rows: Array<{ line: number; message: string }>, lang: Lang): string[] {
  if (rows.length === 0) return [];
  const out = ['', `${t('invalid', lang)}: ${rows.length}`];
  for (const r of rows.slice(0, 20)) out.push(`  ${t('line', lang, r.line)}: ${r.message}`);
  if (rows.length > 20) out.push(`  … +${rows.length - 20}`);
  return out;
}

/** `survey`: rates, means, distributions, themes, groups, invalid rows; and the change from a previous period. */
export function renderSurveyTerminal(a: SurveyAnalysis, lang: Lang, previous?: SurveyAnalysis): string {
  const out = [header('survey', a.dataset, lang)];
  out.push(`${t('valid', lang)}: ${a.responses}${a.period ? `  (${a.period.from} – ${a.period.to})` : ''}`);
  out.push('');
  const delta = (now: number | null, before: number | null | undefined) => (previous && now !== null && before != null ? `  (${now >= before ? '+' : ''}${(Math.round((now - before) * 1000) / 10).toFixed(1)} pp)` : '');
  out.push(`${pad(t('satisfaction', lang), 48)} ${pct(a.satisfactionRate)}${delta(a.satisfactionRate, previous?.satisfactionRate)}`);
  out.push(`${pad(t('fcr', lang), 48)} ${pct(a.firstContactResolutionRate)}${delta(a.firstContactResolutionRate, previous?.firstContactResolutionRate)}`);
  out.push(`${pad(t('recommendRate', lang), 48)} ${pct(a.recommendRate)}${delta(a.recommendRate, previous?.recommendRate)}`);
  out.push('');
  out.push(`${pad(t('dimension', lang), 36)} ${t('mean', lang).padStart(5)}    1     2     3     4     5`);
  for (const d of DIMENSIONS) {
    const x = a.dimensions[d];
    if (!x) continue;
    const before = previous?.dimensions[d]?.mean;
    const change = previous && x.mean !== null && before != null ? `  (${x.mean >= before ? '+' : ''}${(x.mean - before).toFixed(2)})` : '';
    out.push(`${pad(DIMENSION_LABELS[d][lang], 36)} ${(x.mean?.toFixed(2) ?? '—').padStart(5)} ${x.distribution.map((n) => String(n).padStart(5)).join(' ')}${change}`);
  }
  out.push('');
  out.push(t('themes', lang));
  if (a.themes.length === 0) out.push(`  ${t('none', lang)}`);
  for (const th of a.themes) {
    const label = THEMES.find((x) => x.id === th.id)!.label[lang];
    out.push(`  ${pad(label, 30)} ${String(th.mentions).padStart(4)}  ${pct(th.share).padStart(6)}${th.common ? `  ⚠ ${t('common', lang)}` : ''}`);
    for (const e of th.examples.slice(0, 2)) out.push(`      “${e}”`);
  }
  if (a.groups.length) {
    out.push('');
    out.push(t('groups', lang));
    for (const g of a.groups) out.push(`  ${pad(g.group, 20)} n=${String(g.responses).padEnd(5)} ${g.meanOverall.toFixed(2)}${g.shortfall > 0 ? `  −${pct(g.shortfall)}` : ''}${g.belowMean ? `  ⚠ ${t('review', lang)}` : ''}`);
  }
  if (previous) out.push('', `${t('previous', lang)}: ${previous.dataset.file} (${previous.responses})`);
  out.push(...invalidLines(a.invalid.map((i) => ({ line: i.line, message: surveyInvalidMessage(i.reason, lang) })), lang));
  return out.join('\n') + '\n';
}

/** `records`: per type response and resolution times, commitments and benchmarks met, first-time fix, overdue. */
export function renderRecordsTerminal(a: RecordsAnalysis, lang: Lang, hasCommitments: boolean): string {
  const out = [header('records', a.dataset, lang), `${t('valid', lang)}: ${a.valid} · ${t('asOf', lang)} ${a.asOf}`];
  if (!hasCommitments) out.push(t('noCommitments', lang));
  const unit = (x: Within) => (x.unit === 'hours' ? 'h' : lang === 'en' ? 'working days' : '个工作日');
  const remote = (x: Within) => (x.remoteLimit !== undefined ? (lang === 'en' ? `; remote ≤ ${x.remoteLimit} h` : `；偏远地区 ≤ ${x.remoteLimit} h`) : '');
  const w = (x: Within | undefined) => (x ? `${pct(x.share)} (${x.within}/${x.n}, ≤ ${x.limit} ${unit(x)}${remote(x)})` : '—');
  for (const s of a.types) {
    out.push('');
    out.push(`${RECORD_TYPE_LABELS[s.type][lang]} · ${t('count', lang)} ${s.count}`);
    out.push(`  ${pad(t('response', lang), 30)} ${s.responseHours.median ?? '—'} / ${s.responseHours.p90 ?? '—'}  (n=${s.responseHours.n})`);
    out.push(`  ${pad(t('resolution', lang), 30)} ${s.resolutionHours.median ?? '—'} / ${s.resolutionHours.p90 ?? '—'}  (n=${s.resolutionHours.n})`);
    for (const [k, x] of Object.entries(s.commitment)) out.push(`  ${pad(`${t('commitment', lang)} · ${k}`, 30)} ${w(x)}`);
    for (const [k, x] of Object.entries(s.benchmark)) out.push(`  ${pad(`${t('benchmark', lang)} · ${k}`, 30)} ${w(x)}`);
    if (s.firstTimeFix) out.push(`  ${pad(t('ftf', lang), 30)} ${pct(s.firstTimeFix.share)} (n=${s.firstTimeFix.n})`);
    if (s.overdueOpen.count) out.push(`  ${pad(t('overdue', lang), 30)} ${s.overdueOpen.count}: ${s.overdueOpen.ids.join(', ')}${s.overdueOpen.count > s.overdueOpen.ids.length ? ', …' : ''}`);
  }
  out.push(...invalidLines(a.invalid.map((i) => ({ line: i.line, message: recordInvalidMessage(i.reason, lang) })), lang));
  return out.join('\n') + '\n';
}
