import { FINDING_SEVERITY, type Finding } from '../model/finding.js';
import type { CriterionResult, Gap, GapFix, SectionResult } from '../model/report.js';
import { roundTo, type Points } from '../model/units.js';

/** Every applicable criterion that lost points, ranked by what fixing it adds to the final score. */
export function collectGaps(sections: readonly SectionResult[], applicableTotal: Points): Gap[] {
  const gaps: Gap[] = [];
  for (const section of sections) {
    for (const clause of section.clauses) {
      for (const c of clause.criteria) {
        if (!c.applicable || c.earned >= c.points) continue;
        const lost = roundTo(c.points - c.earned, 2);
        gaps.push({
          criterion: c.id,
          clause: clause.id,
          title: c.title,
          outcome: c.outcome,
          lost,
          recoverable: applicableTotal > 0 ? roundTo((lost / applicableTotal) * 100, 2) : 0,
          reasons: reasonsFor(c),
          fix: fixFor(c),
          expects: c.expects,
          owner: c.owner,
          due: c.due,
          action: c.action,
          effort: c.effort,
        });
      }
    }
  }
  // Stable sort keeps rubric order among equal gaps.
  return gaps.sort((a, b) => b.recoverable - a.recoverable);
}

/** The findings that explain the loss. */
function reasonsFor(c: CriterionResult) {
  return c.findings.filter((f) => FINDING_SEVERITY[f.code] === 'error' && !isRedundant(f, c));
}

/** `no-valid-evidence` only summarises the per-item evidence findings; shown next to them it repeats them. */
export function isRedundant(f: Finding, c: Pick<CriterionResult, 'findings'>): boolean {
  return f.code === 'no-valid-evidence' && c.findings.some((x) => x.code.startsWith('evidence-') && FINDING_SEVERITY[x.code] === 'error');
}

function fixFor(c: CriterionResult): GapFix {
  if (c.outcome === 'unsupported') return 'upgrade';
  if (c.outcome === 'not-assessed') return 'assess';
  if (c.findings.some((f) => f.code === 'no-evidence' || f.code === 'no-valid-evidence')) return 'evidence';
  return 'practice';
}
