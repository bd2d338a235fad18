import { hours, percent } from '../messages/numbers.js';
import { followUpBlock, industryKpiLines } from './recordsDigestLines.js';
import { ui } from '../messages/ui.js';
import { displayWidth as stringWidth } from '../shared/width.js';
import { DIMENSIONS, GROUPINGS, type SurveyAnalysis, type SurveyComparison } from '../datasets/survey.js';
import type { RecordsAnalysis, Within } from '../datasets/records.js';
import {
  CHECK_LABELS,
  DIMENSION_LABELS,
  GROUPING_LABELS,
  RECORD_TYPE_LABELS,
  deadlineText,
  ds,
  metricLabel,
  excludedMessage,
  recordProblemMessage,
  valueIssueMessage,
} from '../messages/datasets.js';
import type { Lang } from '../model/localized.js';
import { safeText } from '../shared/safeText.js';

const pct = (r: number | null | undefined) => percent(r);
const pp = (r: number | null) => (r === null ? '' : `${r >= 0 ? '+' : '−'}${Math.abs(Math.round(r * 1000) / 10).toFixed(1)} ${'pp'}`);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - stringWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - stringWidth(s))) + s;

function datasetLine(kind: 'survey' | 'records', d: SurveyAnalysis['dataset'], lang: Lang): string[] {
  const out = [
    `${ds(kind, lang)} · ${safeText(d.file)} (${d.format}${d.encoding ? ', ' + d.encoding : ''}, ${d.rows} ${ds('rows', lang)}, sha256 ${d.sha256.slice(0, 12)})`,
  ];
  if (d.titleRowsSkipped > 0) out.push(ds('titleRows', lang, { n: d.titleRowsSkipped }));
  return out;
}

function listed<T>(title: string, count: number, items: T[], line: (x: T) => string, lang: Lang): string[] {
  if (count === 0) return [];
  const out = ['', `${title}: ${count}`];
  for (const x of items.slice(0, 20)) out.push(`  ${safeText(line(x))}`);
  if (count > Math.min(items.length, 20)) out.push(`  ${ds('more', lang, { n: count - Math.min(items.length, 20) })}`);
  return out;
}

/** `survey`: rates, means, distributions, themes, groups, months, problems; and the change from a previous period. */
export function renderSurveyTerminal(a: SurveyAnalysis, lang: Lang, cmp?: SurveyComparison): string {
  const out = datasetLine('survey', a.dataset, lang);
  out.push(`${ds('responses', lang)}: ${a.responses}${a.period ? `  (${a.period.from} – ${a.period.to})` : ''}`);
  if (a.columns.missingDimensions.length) {
    out.push(
      `⚠ ${ds('missingDimensions', lang, { list: a.columns.missingDimensions.map((d) => DIMENSION_LABELS[d][lang]).join(ui('listSep', lang)), found: safeText(Object.values(a.columns.used).join(', ')) })}`,
    );
  }
  out.push('');
  const rates: Array<[string, number | null, number | null | undefined]> = [
    ['survey.satisfactionRate', a.satisfactionRate, cmp?.changes.satisfactionRate],
    ['survey.resolutionRate', a.resolutionRate, cmp?.changes.resolutionRate],
    ['survey.recommendRate', a.recommendRate, cmp?.changes.recommendRate],
  ];
  for (const [id, v, ch] of rates) out.push(`${pad(metricLabel(id, lang), 44)} ${padStart(pct(v), 6)}${ch != null ? `  ${pp(ch)}` : ''}`);
  out.push('');
  out.push(`${pad(ds('dimension', lang), 28)} ${padStart(ds('mean', lang), 5)} ${padStart(ds('answered', lang), 6)}     1     2     3     4     5`);
  for (const d of DIMENSIONS) {
    const x = a.dimensions[d];
    if (!x) continue;
    const ch = cmp?.changes.means[d];
    out.push(
      `${pad(DIMENSION_LABELS[d][lang], 28)} ${padStart(x.mean?.toFixed(2) ?? '—', 5)} ${padStart(String(x.answered), 6)} ${x.distribution.map((n) => padStart(String(n), 5)).join(' ')}${ch != null ? `  ${ch >= 0 ? '+' : '−'}${Math.abs(ch).toFixed(2)}` : ''}`,
    );
  }
  if (a.months.length) {
    out.push('', ds('months', lang));
    for (const m of a.months)
      out.push(`  ${m.month}  n=${padStart(String(m.responses), 5)}  ${padStart(pct(m.satisfactionRate), 6)}  ${m.meanOverall?.toFixed(2) ?? '—'}`);
  }
  out.push('', ds('themes', lang, { n: a.themes.answersWithText, share: pct(a.rules.commonThemeShare) }));
  out.push(`  ${a.themes.classes.map((c) => `${c.label[lang]} ${c.mentions} (${pct(c.share)})`).join(ui('listSep', lang))}`);
  if (a.themes.unmatched) out.push(`  ${ds('unmatched', lang, { n: a.themes.unmatched })}`);
  if (a.themes.list.length === 0) out.push(`  ${ds('none', lang)}`);
  for (const th of a.themes.list) {
    out.push(
      `  ${pad(th.label[lang], 26)} ${padStart(String(th.mentions), 5)} ${padStart(pct(th.share), 7)}${th.praise ? `  (${ds('praise', lang)} ${th.praise})` : ''}${th.common ? `  ⚠ ${ds('common', lang)}` : ''}`,
    );
    for (const e of th.examples.slice(0, 2)) out.push(`      “${safeText(e)}”`);
  }
  for (const g of GROUPINGS) {
    const review = a.groups[g];
    if (!review) continue;
    out.push('', ds('groups', lang, { g: GROUPING_LABELS[g][lang], share: pct(a.rules.groupShortfall), min: a.rules.minGroupResponses }));
    out.push(`  ${ds('groupMean', lang)}: ${pct(review.meanRate)}`);
    if (review.filledDown) out.push(`  ${ds('filledDown', lang, { n: review.filledDown })}`);
    for (const x of review.groups.slice(0, 40)) {
      const small = x.tooFew ? ds('smallSample', lang, { n: x.responses }) : '';
      const note = x.belowMean ? `−${pct(x.shortfall)}  ⚠ ${ds('review', lang)}${small ? ` · ${small}` : ''}` : x.tooFew ? ds('tooFew', lang) : '';
      out.push(`  ${pad(safeText(x.group), 20)} n=${pad(String(x.responses), 6)} ${padStart(pct(x.satisfactionRate), 6)}  ${note}`);
    }
  }
  if (a.anomalies.allFive.count || a.anomalies.allOne.count) {
    out.push('', ds('anomalies', lang, { five: a.anomalies.allFive.count, one: a.anomalies.allOne.count }));
    const lines = [...a.anomalies.allFive.lines, ...a.anomalies.allOne.lines].sort((x, y) => x - y).slice(0, 20);
    out.push(`  ${lines.map((n) => ds('line', lang, { n })).join(ui('listSep', lang))}`);
  }
  if (cmp) {
    out.push(
      '',
      `${ds(cmp.kind === 'year-on-year' ? 'yoy' : cmp.kind === 'period-on-period' ? 'mom' : 'earlier', lang)}: n ${cmp.responses.before} → ${cmp.responses.now}`,
    );
    if (cmp.previousIsLater) out.push(`⚠ ${ds('previousLater', lang)}`);
  }
  if (a.columns.unused.length) out.push('', `${ds('unusedColumns', lang)}: ${safeText(a.columns.unused.join(', '))}`);
  out.push(
    ...listed(ds('excluded', lang), a.excluded.count, a.excluded.rows, (r) => `${ds('line', lang, { n: r.line })}: ${excludedMessage(r.reason, lang)}`, lang),
  );
  out.push(
    ...listed(
      ds('valueIssues', lang),
      a.valueIssues.count,
      a.valueIssues.items,
      (v) => `${ds('line', lang, { n: v.line })}: ${valueIssueMessage(v, lang)}`,
      lang,
    ),
  );
  return out.join('\n') + '\n';
}

/** `records`: per type times, deadlines met (open items counted), first-time fix, repeat repairs, overdue. */
export function renderRecordsTerminal(a: RecordsAnalysis, lang: Lang, hasCommitments: boolean): string {
  const out = [...datasetLine('records', a.dataset, lang), `${ds('valid', lang)}: ${a.valid} · ${ds('asOf', lang)} ${a.asOf}`];
  if (!hasCommitments) out.push(ds('noCommitments', lang));
  if (a.calendar.complaintsOutside > 0)
    out.push(`⚠ ${ds('calendarOutside', lang, { n: a.calendar.complaintsOutside, from: a.calendar.years?.from ?? '—', to: a.calendar.years?.to ?? '—' })}`);
  const share = (w: Within) =>
    ds('withinShare', lang, { share: pct(w.share), within: w.within, late: w.late, overdue: w.overdueOpen, pending: w.pending, nm: w.notMeasured });
  const dist = (d: { median: number | null; p90: number | null; n: number }) => `${hours(d.median)} / ${hours(d.p90)}  (n=${d.n})`;
  for (const s of a.types) {
    out.push('', `${RECORD_TYPE_LABELS[s.type][lang]} · ${ds('count', lang)} ${s.count} · ${ds('open', lang)} ${s.open}`);
    out.push(`  ${pad(ds('firstContact', lang), 30)} ${dist(s.firstContactHours)}`);
    if (s.onSiteHours) out.push(`  ${pad(ds('onSite', lang), 30)} ${dist(s.onSiteHours)}`);
    out.push(`  ${pad(ds('resolution', lang), 30)} ${dist(s.resolutionHours)}`);
    for (const [k, w] of Object.entries(s.commitment) as Array<[keyof typeof CHECK_LABELS, Within]>) {
      out.push(`  ${ds('commitment', lang)} · ${CHECK_LABELS[k][lang]} ${deadlineText(w, lang)}`, `    ${share(w)}`);
    }
    for (const [k, w] of Object.entries(s.benchmark) as Array<[keyof typeof CHECK_LABELS, Within]>) {
      out.push(`  ${ds('benchmark', lang)} · ${CHECK_LABELS[k][lang]} ${deadlineText(w, lang)}`, `    ${share(w)}`);
    }
    if (s.firstTimeFix) out.push(`  ${pad(ds('ftf', lang), 30)} ${pct(s.firstTimeFix.share)} (n=${s.firstTimeFix.n})`);
    if (s.repeatRepair)
      out.push(`  ${ds('repeat', lang, { days: s.repeatRepair.windowDays })}: ${pct(s.repeatRepair.share)} (${s.repeatRepair.repeated}/${s.repeatRepair.n})`);
    if (s.overdueOpen.count)
      out.push(
        `  ${pad(ds('overdue', lang), 30)} ${s.overdueOpen.count}: ${safeText(s.overdueOpen.ids.join(', '))}${s.overdueOpen.count > s.overdueOpen.ids.length ? ', …' : ''}`,
      );
  }
  for (const [key, list] of [
    ['byModel', a.repairs?.byModel],
    ['byFaultClass', a.repairs?.byFaultClass],
  ] as const) {
    if (!list?.length) continue;
    out.push('', ds(key, lang, { ratio: a.repairs!.rule.flagRatio, min: a.repairs!.rule.flagMin }));
    for (const g of list.slice(0, 40)) {
      out.push(
        `  ${pad(safeText(g.group), 20)} n=${pad(String(g.repairs), 6)} ${ds('repeatShort', lang)} ${padStart(pct(g.repeatRate), 6)}  ${ds('resolutionShort', lang)} ${padStart(hours(g.resolutionMedianHours), 7)}${g.farAboveMean ? `  ⚠ ${ds('farAboveMean', lang, { ratio: g.countToMean.toFixed(1) })}` : ''}`,
      );
    }
  }
  if (a.industryKpis) out.push('', ...industryKpiLines(a.industryKpis, lang));
  if (a.followUp) out.push('', ...followUpBlock(a.followUp, lang));
  if (a.columns.unused.length) out.push('', `${ds('unusedColumns', lang)}: ${safeText(a.columns.unused.join(', '))}`);
  out.push(
    ...listed(
      `${ds('invalidRecords', lang)} ${a.invalid.rows}`,
      a.invalid.problems,
      a.invalid.items,
      (p) => `${ds('line', lang, { n: p.line })}: ${recordProblemMessage(p, lang)}`,
      lang,
    ),
  );
  return out.join('\n') + '\n';
}

export { industryKpiLines };
