import { criteriaOf } from '../model/criteriaOf.js';
import { evaluateCriterion } from '../evaluate/evaluateCriterion.js';
import { looserCommitments } from '../model/benchmarks.js';
import type { Bonus, EvidenceFile } from '../model/evidence.js';
import type { DataInput, DataMetricId } from '../model/data.js';
import type { FileFacts } from '../model/facts.js';
import { FINDING_SEVERITY, finding, pointer, type Finding } from '../model/finding.js';
import type { ClauseResult, Gap, Report, SectionResult } from '../model/report.js';
import type { IndustryProfile } from '../model/industry.js';
import { OUTCOMES, type Outcome } from '../model/outcome.js';
import type { LoadedRubric } from '../model/rubric.js';
import { roundTo, type IsoDate, type Points } from '../model/units.js';
import { evaluateEvidenceItems } from '../evaluate/evidenceItems.js';
import { collectGaps } from '../score/gaps.js';
import { determineLevel } from '../score/levels.js';
import { finalScore } from '../score/finalScore.js';
import { scoreBounds } from '../score/bounds.js';
import { cheapestPaths } from '../score/cheapestPath.js';

export interface BuildOptions {
  tool: { name: string; version: string };
  /** Overrides the evidence file's assessment date (the core never reads the clock). */
  asOf?: IsoDate;
  /** Metrics computed from the datasets the evidence file references (read by the CLI). */
  data?: DataInput;
  /** The industry profile `company.industry` selected, whose guidance goes beside the generic. */
  industry?: IndustryProfile;
  /** Maps a finding's JSON pointer to its line and column in the evidence file, when the source is at hand. */
  locate?: (pointer: string) => { line?: number; column?: number; cell?: string };
}

/**
 * The scoring core: validated evidence + rubric + file facts -> one Report that every renderer reads.
 * Pure: no file system, no clock, same input gives the same object.
 */
/** The Report as the core makes it: everything but the language it will be read in, which the application adds. */
export type CoreReport = Omit<Report, 'lang'>;

export function buildReport(loaded: LoadedRubric, evidence: EvidenceFile, facts: FileFacts, options: BuildOptions): CoreReport {
  const { rubric } = loaded;
  const asOf = options.asOf ?? evidence.assessment.date;
  const place = (f: Finding): Finding => (options.locate ? { ...f, ...options.locate(f.path) } : f);

  const sections: SectionResult[] = rubric.sections.map((section) => {
    const clauses: ClauseResult[] = section.clauses.map((clause) => {
      const criteria = clause.criteria
        .map((c) => evaluateCriterion(c, evidence, rubric, facts, asOf, options.data))
        .map((c) => ({ ...c, findings: c.findings.map(place) }));
      const applicablePoints = sum(criteria.filter((c) => c.applicable).map((c) => c.points));
      const earned = sum(criteria.map((c) => c.earned));
      return { id: clause.id, title: clause.title, points: clause.points, applicablePoints, earned, ratio: ratio(earned, applicablePoints), criteria };
    });
    const applicablePoints = sum(clauses.map((c) => c.applicablePoints));
    const earned = sum(clauses.map((c) => c.earned));
    return { id: section.id, title: section.title, points: section.points, applicablePoints, earned, ratio: ratio(earned, applicablePoints), clauses };
  });

  const earned = sum(sections.map((s) => s.earned));
  const applicable = sum(sections.map((s) => s.applicablePoints));
  const normalized = applicable > 0 ? (earned / applicable) * 100 : 0;

  const findings: Finding[] = [];
  const deductions = evidence.specialDeductions ?? [];
  for (const [i, d] of deductions.entries())
    findings.push(finding('special-deduction', { clause: d.clause, reason: d.reason }, pointer('specialDeductions', i)));
  const deductionPoints = deductions.length * rubric.scoring.specialDeductionPoints;

  const bonusApplied = evaluateBonus(evidence, facts, asOf, findings);
  findings.push(...dataFindings(rubric, evidence, options.data));
  for (const l of looserCommitments(evidence.commitments ?? {}))
    findings.push(finding('commitment-looser-than-benchmark', l, pointer('commitments', l.commitment)));
  const bonusPoints = bonusApplied ? rubric.scoring.bonusPoints : 0;

  const final = finalScore(earned, applicable, deductionPoints, bonusPoints);
  findings.splice(0, findings.length, ...findings.map(place));
  const gaps = withIndustry(collectGaps(sections, applicable), options.industry);
  const level = determineLevel(rubric, final, deductions.length, gaps);

  const limit = rubric.levels.failWhenSpecialDeductionsAtLeast;
  if (deductions.length >= limit) {
    findings.push(place(finding('fail-special-deductions', { count: deductions.length, limit }, pointer('specialDeductions'))));
  }
  if (level.stars > 0) findings.push(place(finding('stars-need-one-year', {}, '')));

  const allCriteria = criteriaOf({ sections });
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, allCriteria.filter((c) => c.outcome === o).length])) as Record<Outcome, number>;
  const warnings = [...allCriteria.flatMap((c) => c.findings), ...findings].filter((f) => FINDING_SEVERITY[f.code] === 'warning').length;

  return {
    schemaVersion: 1,
    tool: options.tool,
    rubric: {
      id: rubric.id,
      version: rubric.version,
      title: rubric.title,
      standard: rubric.standard.code,
      sha256: loaded.sha256,
      origin: loaded.origin,
    },
    company: evidence.company,
    assessmentDate: asOf,
    assessor: evidence.assessment.assessor ?? null,
    score: {
      earned: roundTo(earned, 2),
      applicable: roundTo(applicable, 2),
      normalized: roundTo(normalized, 2),
      specialDeductions: { count: deductions.length, points: deductionPoints },
      bonus: bonusPoints,
      final,
    },
    level,
    ...(options.industry
      ? {
          industry: {
            id: options.industry.id,
            name: options.industry.name,
            sources: options.industry.sources,
            commitments: options.industry.commitments,
            kpis: options.industry.kpis,
          },
        }
      : {}),
    bounds: scoreBounds(rubric, sections, { earned, applicable, deductionPoints, bonusPoints, deductionCount: deductions.length }),
    paths: cheapestPaths(
      rubric,
      gaps,
      allCriteria.map((c) => c.id),
      { earned, applicable, deductionPoints, bonusPoints, deductionCount: deductions.length },
    ),
    counts: { ...counts, warnings },
    sections,
    gaps,
    findings,
    datasets: options.data?.datasets ?? [],
    method: {
      partialCredit: rubric.scoring.partialCredit,
      specialDeductionPoints: rubric.scoring.specialDeductionPoints,
      bonusPoints: rubric.scoring.bonusPoints,
      maxBonuses: rubric.scoring.maxBonuses,
      failWhenSpecialDeductionsAtLeast: rubric.levels.failWhenSpecialDeductionsAtLeast,
      levels: rubric.levels.list.map((l) => ({ id: l.id, name: l.name, minScore: l.minScore, stars: l.stars })),
      provenance: rubric.sections
        .flatMap((s) => [s, ...s.clauses])
        .map((n) => ({
          id: n.id,
          points: n.points,
          source: n.provenance.source,
          confidence: n.provenance.confidence,
          note: n.provenance.note ?? null,
        })),
      sources: rubric.sources,
      pointsBasis: rubric.pointsBasis ?? null,
      // Every number a data rule uses, with where it comes from: a minimum sample or an age limit that no
      // seed gives is marked derived in the criterion's provenance note.
      measures: criteriaOf(rubric).flatMap((c) =>
        c.measure
          ? [
              {
                criterion: c.id,
                numerator: rubric.metrics[c.measure.numerator]?.title ?? { 'zh-CN': c.measure.numerator, en: c.measure.numerator },
                denominator: rubric.metrics[c.measure.denominator]?.title ?? { 'zh-CN': c.measure.denominator, en: c.measure.denominator },
                atLeast: c.measure.atLeast,
              },
            ]
          : [],
      ),
      dataRules: criteriaOf(rubric).flatMap((c) =>
        c.data
          ? [
              {
                criterion: c.id,
                metric: c.data.metric,
                rule: c.data.rule,
                atLeast: c.data.atLeast ?? null,
                minSample: c.data.minSample ?? null,
                maxAgeMonths: c.data.maxAgeMonths ?? c.maxAgeMonths ?? null,
                source: c.provenance.source,
                confidence: c.provenance.confidence,
                note: c.provenance.note ?? null,
              },
            ]
          : [],
      ),
    },
  };
}

/** Each gap the profile speaks to gets the industry's guidance beside the rubric's. */
function withIndustry(gaps: Gap[], profile: IndustryProfile | undefined): Gap[] {
  if (!profile) return gaps;
  return gaps.map((g) => {
    const p = profile.criteria[g.criterion];
    return p ? { ...g, industry: { profile: profile.id, name: profile.name, expects: p.expects, evidence: p.evidence, source: p.source } } : g;
  });
}

/** Standard §6.3 rule 4: at most one bonus, and only with evidence an auditor can check. */
function evaluateBonus(evidence: EvidenceFile, facts: FileFacts, asOf: IsoDate, findings: Finding[]): boolean {
  // `bonus: []` claims nothing.
  if (!evidence.bonus || (Array.isArray(evidence.bonus) && evidence.bonus.length === 0)) return false;
  // Validation refuses a second bonus; a list here has exactly one item.
  const [bonus, path]: [Bonus, string] = Array.isArray(evidence.bonus) ? [evidence.bonus[0]!, pointer('bonus', 0)] : [evidence.bonus, pointer('bonus')];
  const items = evaluateEvidenceItems(bonus.evidence, path, facts, asOf);
  findings.push(...items.findings);
  if (items.counting === 0) {
    findings.push(finding('bonus-without-evidence', { reason: bonus.reason }, path));
    return false;
  }
  findings.push(finding('bonus-applied', { reason: bonus.reason }, path));
  return true;
}

/** Datasets that could not be read, and typed figures that disagree with what the data says. */
function dataFindings(rubric: LoadedRubric['rubric'], evidence: EvidenceFile, data: DataInput | undefined): Finding[] {
  if (!data) return [];
  const out: Finding[] = data.unavailable.map((u) =>
    finding('dataset-unavailable', { dataset: u.name, file: u.file, reason: u.reason }, pointer('datasets', u.name)),
  );
  for (const [id, typed] of Object.entries(evidence.metrics ?? {})) {
    const source = rubric.metrics[id]?.computedFrom;
    if (!source) continue;
    for (const d of data.datasets) {
      const m = d.metrics[source as DataMetricId];
      // Half a percentage point covers the rounding of a typed-in figure.
      if (m && Math.abs(m.value - typed) > 0.005)
        out.push(
          finding(
            'metric-disagrees-with-data',
            { metric: id, metricTitle: rubric.metrics[id]!.title, typed, computed: m.value, dataset: d.name },
            pointer('metrics', id),
          ),
        );
    }
  }
  return out;
}

function sum(values: readonly Points[]): Points {
  return roundTo(
    values.reduce((a, b) => a + b, 0),
    2,
  );
}

function ratio(earned: Points, of: Points): number | null {
  return of > 0 ? roundTo(earned / of, 4) : null;
}
