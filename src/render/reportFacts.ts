import { criteriaOf } from '../model/criteriaOf.js';
import { interpolate } from '../shared/interpolate.js';
import { findingMessage } from '../messages/findings.js';
import { percent } from '../messages/numbers.js';
import { METHOD_RULES, PDF } from '../messages/pdf.js';
import { ui } from '../messages/ui.js';
import { FINDING_SEVERITY, type Finding } from '../model/finding.js';
import type { Lang } from '../model/localized.js';
import type { CriterionResult, EvidenceResult, Report, ReportMethod } from '../model/report.js';
import { isRedundant } from '../score/gaps.js';
import type { Score100 } from '../model/units.js';

/**
 * Smaller derivations from a Report that the reading (reading.ts) and the document renderers share: the path
 * to the next level, expiring evidence, disagreements, the evidence index, the method's rules.
 */

export function allCriteria(r: Report): CriterionResult[] {
  return criteriaOf(r);
}

/** The score after closing the gaps the next level needs; null when no set of gaps reaches it. */
export function nextLevelPath(r: Report): { ids: string[]; after: Score100 } | null {
  const next = r.level.next;
  if (!next || next.blockedBySpecialDeductions || next.closingGaps.length === 0) return null;
  const gain = r.gaps.filter((g) => next.closingGaps.includes(g.criterion)).reduce((a, g) => a + g.recoverable, 0);
  return { ids: next.closingGaps, after: Math.min(100, Math.round((r.score.final + gain) * 10) / 10) };
}

/** Evidence that is valid today but expires before the audit window the rubric sets. */
export function expiringEvidence(r: Report): Array<{ ref: string; expires: string; id: string }> {
  return allCriteria(r).flatMap((c) =>
    c.findings.flatMap((f) => (f.code === 'evidence-expires-soon' ? [{ ref: String(f.args.ref), expires: String(f.args.expires), id: c.id }] : [])),
  );
}

/** Claims the data or a measurement contradicts, each named: the reader decides which figure to trust. */
export function disagreements(r: Report, lang: Lang): Array<{ id: string | null; title: string | null; text: string }> {
  return [
    ...allCriteria(r).flatMap((c) =>
      c.findings.flatMap((f) => (f.code === 'status-contradicts-measure' ? [{ id: c.id, title: c.title[lang], text: findingMessage(f, lang) }] : [])),
    ),
    ...r.findings.flatMap((f) => (f.code === 'metric-disagrees-with-data' ? [{ id: null, title: null, text: findingMessage(f, lang) }] : [])),
  ];
}

export function specialDeductions(r: Report): Array<{ clause: string; reason: string }> {
  return r.findings.flatMap((f) => (f.code === 'special-deduction' ? [{ clause: String(f.args.clause), reason: String(f.args.reason) }] : []));
}

/** The bonus lines: the reason alone (the label already says it is the bonus), or why it was not granted. */
export function bonusLines(r: Report, lang: Lang): string[] {
  return r.findings.flatMap((f) =>
    f.code === 'bonus-applied' ? [String(f.args.reason)] : f.code === 'bonus-without-evidence' ? [findingMessage(f, lang)] : [],
  );
}

/** Special deductions filed under a clause (or one of its criteria). */
export function deductionsUnder(r: Report, clauseId: string): Array<{ clause: string; reason: string }> {
  return specialDeductions(r).filter((d) => d.clause === clauseId || d.clause.startsWith(`${clauseId}.`));
}

/** The findings a reader needs on a criterion: problems and the informative ones that explain a score. */
export function shownFindings(c: CriterionResult): Finding[] {
  return c.findings.filter(
    (f) => !isRedundant(f, c) && (FINDING_SEVERITY[f.code] !== 'info' || f.code === 'not-applicable' || f.code === 'ratio-meets-threshold'),
  );
}

/** Every evidence item once, with the criteria that cite it, in the order first cited. */
export function evidenceIndex(r: Report): Array<{ e: EvidenceResult; by: string[] }> {
  const byRef = new Map<string, { e: EvidenceResult; by: string[] }>();
  for (const c of allCriteria(r)) {
    for (const e of c.evidence) {
      const entry = byRef.get(e.ref);
      if (entry) entry.by.push(c.id);
      else byRef.set(e.ref, { e, by: [c.id] });
    }
  }
  return [...byRef.values()];
}

/** The scoring rules as the method chapter states them, with the rubric's values filled in. */
export function methodRules(m: ReportMethod, lang: Lang): string[] {
  const vars: Record<string, string> = {
    partial: `${m.partialCredit * 100}%`,
    deduction: String(m.specialDeductionPoints),
    bonus: String(m.bonusPoints),
    maxBonus: String(m.maxBonuses),
    failAt: String(m.failWhenSpecialDeductionsAtLeast),
    measures: m.measures.map((x) => `${x.criterion} ${x.numerator[lang]} ÷ ${x.denominator[lang]} ≥ ${percent(x.atLeast)}`).join(ui('clauseSep', lang)),
  };
  return METHOD_RULES[lang].filter((rule) => !(rule.includes('{measures}') && m.measures.length === 0)).map((rule) => interpolate(rule, vars));
}

/** "四星级（≥ 90）：还差 8.6 分" / "Four-star (≥ 90): 8.6 points needed", or that the top level is reached. */
export function nextLevelText(r: Report, lang: Lang): string {
  const next = r.level.next;
  if (!next) return PDF.highestLevel[lang];
  const fill = (k: keyof typeof PDF, vars: Record<string, string | number>) => interpolate(PDF[k][lang], vars);
  return fill('nextLevelLine', {
    level: next.name[lang],
    threshold: next.threshold,
    needed: fill('pointsNeededN', { n: next.pointsNeeded.toFixed(1) }),
    blocked: next.blockedBySpecialDeductions ? fill('blockedSuffix', { note: PDF.blockedNote[lang] }) : '',
  });
}
