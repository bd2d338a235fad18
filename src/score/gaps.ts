import { FINDING_SEVERITY } from '../model/finding.js';
import type { Gap, SectionResult } from '../model/report.js';
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
          reasons: c.findings.filter((f) => FINDING_SEVERITY[f.code] === 'error'),
          action: c.action,
        });
      }
    }
  }
  // Stable sort keeps rubric order among equal gaps.
  return gaps.sort((a, b) => b.recoverable - a.recoverable);
}
