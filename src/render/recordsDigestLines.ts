import { ds, followUpLines } from '../messages/datasets.js';
import { kpiRows, kpiText } from '../messages/industryKpis.js';
import { COLON } from '../messages/ui.js';
import type { IndustryKpis, RecordsDigest } from '../model/data.js';
import type { FollowUp } from '../model/followUp.js';
import type { Lang } from '../model/localized.js';
import { safeText } from '../shared/safeText.js';

/**
 * What the score report's terminal says of a records dataset beyond its metrics: models to feed back to the
 * product team, the follow-up of closed tickets, the industry's KPIs — the lines the PDF and HTML data
 * chapters lay out as tables. Kept apart from render/datasets.ts so the terminal report does not load the
 * dataset readers.
 */
export function recordsDigestLines(d: RecordsDigest, lang: Lang): string[] {
  const out: string[] = [];
  const flagged = (d.repairs?.byModel ?? []).filter((g) => g.farAboveMean);
  if (flagged.length > 0 && d.repairs) {
    out.push(ds('byModel', lang, { ratio: d.repairs.rule.flagRatio, min: d.repairs.rule.flagMin }));
    for (const g of flagged)
      out.push(
        `  ⚠ ${safeText(g.group)}${COLON[lang]}${g.repairs} ${ds('repairsCol', lang)} · ${ds('farAboveMean', lang, { ratio: g.countToMean.toFixed(1) })}`,
      );
  }
  if (d.followUp) out.push(...followUpBlock(d.followUp, lang));
  if (d.industryKpis) out.push(...industryKpiLines(d.industryKpis, lang));
  return out;
}

/** The follow-up of closed tickets: a heading line and its figures (terminal; also `records --survey`). */
export function followUpBlock(f: FollowUp, lang: Lang): string[] {
  return [ds('followUp', lang, { on: ds(f.joinedOn === 'id' ? 'followUpOnId' : 'followUpOnOrder', lang) }), ...followUpLines(f, lang).map((l) => `  ${l}`)];
}

/** The industry profile's KPIs, one line each with its breakdown or what it needs (terminal). */
export function industryKpiLines(k: IndustryKpis, lang: Lang): string[] {
  return [
    kpiText('title', lang, { name: k.name[lang] }),
    ...kpiRows(k, lang).map((r) => `  · ${safeText(r.title)}${COLON[lang]}${safeText(r.value)}${r.detail ? ` — ${safeText(r.detail)}` : ''}  [${r.source}]`),
  ];
}
