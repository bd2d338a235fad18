import { COLON, ui } from '../../messages/ui.js';
import { dataRuleText, metricLabel } from '../../messages/datasets.js';
import type { Lang } from '../../model/localized.js';
import type { LoadedRubric } from '../../model/rubric.js';
import type { IndustryProfile } from '../../model/industry.js';

/** `aftersales-assess rubric`: the rubric as an indented tree with points, so a user can find ids. */
export function renderRubricTree({ rubric, sha256, origin }: LoadedRubric, lang: Lang, o: { expects?: boolean; industry?: IndustryProfile } = {}): string {
  const out: string[] = [];
  out.push(
    `${rubric.title[lang]}  (${rubric.id} ${rubric.version}, ${origin === 'bundled' ? ui('rubricBundledOrigin', lang) : origin}, sha256 ${sha256.slice(0, 12)})`,
  );
  for (const s of rubric.sections) {
    out.push(`${s.id} ${s.title[lang]}  ${s.points}`);
    for (const c of s.clauses) {
      out.push(`  ${c.id} ${c.title[lang]}  ${c.points}`);
      for (const k of c.criteria) {
        const tags: string[] = [];
        if (k.notApplicable) tags.push(ui('naAllowed', lang));
        if (k.sampling) tags.push(ui('sampledTag', lang) + k.sampling[lang]);
        if (k.measure) tags.push(`${k.measure.numerator}/${k.measure.denominator} ≥ ${k.measure.atLeast * 100}%`);
        if (k.data)
          tags.push(
            `${ui('fromData', lang)}: ${metricLabel(k.data.metric, lang)} — ${dataRuleText({ ...k.data, atLeast: k.data.atLeast ?? null, minSample: k.data.minSample ?? null, maxAgeMonths: k.data.maxAgeMonths ?? k.maxAgeMonths ?? null }, lang)}`,
          );
        out.push(`    ${k.id} ${k.title[lang]}  ${k.points}${tags.length ? `  [${tags.join('; ')}]` : ''}`);
        if (o.expects) {
          out.push(`        ${ui('auditorExpects', lang)}${COLON[lang]}${k.expects[lang]}`);
          out.push(`        ${ui('actionLabel', lang)}: ${k.action[lang]}`);
          const g = o.industry?.criteria[k.id];
          if (o.industry && g) {
            out.push(`        ${o.industry.name[lang]}${COLON[lang]}${g.expects[lang]}`);
            out.push(`        ${ui('typicalEvidence', lang)}${COLON[lang]}${g.evidence[lang]} [${g.source}]`);
          }
        }
      }
    }
  }
  const levels = rubric.levels.list.map((l) => `${l.name[lang]} ≥ ${l.minScore}`).join(' · ');
  out.push('');
  out.push(ui('levelsLine', lang, { levels, failAt: rubric.levels.failWhenSpecialDeductionsAtLeast }));
  return out.join('\n') + '\n';
}
