import { COLON, ui } from '../messages/ui.js';
import type { Lang } from '../model/localized.js';
import type { Rubric } from '../model/rubric.js';
import type { IndustryProfile } from '../model/industry.js';

export interface ScaffoldOptions {
  company: string;
  date: string;
  /** Path from the new file to the evidence JSON Schema, for the YAML language server modeline. */
  schemaPath: string;
  lang: Lang;
  /** An industry profile: `company.industry` set, and its guidance as comments beside the generic. */
  industry?: IndustryProfile;
}

/**
 * `init`: an evidence file listing every criterion with its title and what an auditor expects, as
 * comments, the status left unanswered (scored as not assessed until someone answers it).
 */
export function scaffoldEvidence(rubric: Rubric, o: ScaffoldOptions): string {
  const other: Lang = o.lang === 'en' ? 'zh-CN' : 'en';
  const L: string[] = [];
  L.push(`# yaml-language-server: $schema=${o.schemaPath}`);
  L.push(`# ${ui('scaffoldTitle', o.lang, { title: rubric.title[o.lang] })}`);
  L.push(`# ${ui('scaffoldHelp1', o.lang)}`);
  L.push(`# ${ui('scaffoldHelp2', o.lang)}`);
  L.push(`# ${ui('scaffoldHelp3', o.lang)}`);
  L.push('schemaVersion: 1');
  L.push('company:');
  L.push(`  name: ${yamlString(o.company)}`);
  const ind = o.industry;
  if (ind) {
    L.push(`  industry: ${ind.id}   # ${ind.name[o.lang]}`);
    L.push(`  # ${ui('industryCommitments', o.lang)}${COLON[o.lang]}${ind.commitments.map((c) => c.text[o.lang]).join(ui('listSep', o.lang))}`);
    L.push(`  # ${ui('industryKpis', o.lang)}${COLON[o.lang]}${ind.kpis.map((k) => k.title[o.lang]).join(ui('listSep', o.lang))}`);
  }
  L.push('assessment:');
  L.push(`  date: ${o.date}   # ${ui('scaffoldAsOf', o.lang)}`);
  L.push('criteria:');
  for (const s of rubric.sections) {
    L.push('');
    L.push(`  # ══ ${s.id} ${s.title[o.lang]} / ${s.title[other]} — ${s.points}`);
    for (const c of s.clauses) {
      L.push(`  # ── ${c.id} ${c.title[o.lang]} / ${c.title[other]} — ${c.points}`);
      for (const k of c.criteria) {
        L.push(`  # ${k.id} ${k.title[o.lang]} (${k.points})`);
        L.push(`  #   ${ui('auditorExpects', o.lang)}${COLON[o.lang]}${k.expects[o.lang]}`);
        const g = ind?.criteria[k.id];
        if (ind && g) {
          L.push(`  #   ${ind.name[o.lang]}${COLON[o.lang]}${g.expects[o.lang]}`);
          L.push(`  #   ${ui('typicalEvidence', o.lang)}${COLON[o.lang]}${g.evidence[o.lang]}${inParensText(g.source, o.lang)}`);
        }
        if (k.sampling) L.push(`  #   ${ui('sampledLabel', o.lang)}: ${k.sampling[o.lang]} — sample: { checked: N, conforming: M }`);
        if (k.notApplicable) L.push(`  #   n/a: ${k.notApplicable[o.lang]}`);
        if (k.maxAgeMonths) L.push(`  #   ${ui('datedWithin', o.lang, { months: k.maxAgeMonths })}`);
        if (k.measure) L.push(`  #   ${ui('measuredFrom', o.lang)}: ${k.measure.numerator} / ${k.measure.denominator} ≥ ${k.measure.atLeast * 100}%`);
        L.push(`  ${k.id}:`);
        if (!k.measure) L.push('    status:');
        L.push('    evidence: []');
      }
    }
  }
  const metrics = Object.entries(rubric.metrics);
  if (metrics.length) {
    L.push('');
    L.push(`# ${ui('scaffoldMetrics', o.lang)}`);
    L.push('# metrics:');
    for (const [id, m] of metrics) L.push(`#   ${id}:    # ${m.title[o.lang]} (${m.unit})`);
  }
  L.push('');
  L.push(
    `# specialDeductions:   # ${ui('scaffoldDeductions', o.lang, { points: rubric.scoring.specialDeductionPoints, failAt: rubric.levels.failWhenSpecialDeductionsAtLeast })}`,
  );
  L.push('#   - { clause: 5.3.2, reason: … }');
  L.push(`# bonus:               # ${ui('scaffoldBonus', o.lang, { points: rubric.scoring.bonusPoints, max: rubric.scoring.maxBonuses })}`);
  L.push('#   reason: …');
  L.push('#   evidence: [ { url: https://… } ]');
  return L.join('\n') + '\n';
}

function inParensText(s: string, lang: Lang): string {
  return lang === 'en' ? ` (${s})` : `（${s}）`;
}

function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ()（）·._-]*$/u.test(s) && !/^(true|false|null|yes|no|~)$/i.test(s) ? s : JSON.stringify(s);
}
