import type { ChangeCause, ClauseChange, CriterionChange, ReportDiff, ReportSide } from '../model/diff.js';
import type { FindingCode } from '../model/finding.js';
import type { CriterionResult, Report } from '../model/report.js';
import { LEVEL_IDS } from '../model/rubric.js';
import { roundTo } from '../model/units.js';

/** Finding codes that explain a change by themselves; anything else is an edit of the evidence file. */
const CAUSE_OF: Partial<Record<FindingCode, ChangeCause>> = {
  'evidence-expired': 'evidence-expired',
  'evidence-too-old': 'evidence-aged',
  'evidence-undated': 'evidence-aged',
  'evidence-file-missing': 'file-missing',
  'evidence-file-outside-root': 'file-missing',
  'evidence-not-a-file': 'file-missing',
  'evidence-hash-mismatch': 'evidence-changed',
  'data-meets': 'data-changed',
  'data-below': 'data-changed',
  'data-survey-conducted': 'data-changed',
  'data-not-covered': 'data-changed',
  'data-unavailable': 'data-changed',
  'data-too-old': 'data-changed',
  'data-undated': 'data-changed',
  'data-sample-too-small': 'data-changed',
};

/** Pure comparison of two reports: score, level, clause and criterion changes, each with its causes. */
export function diffReports(base: Report, head: Report, labels: { base: string; head: string }): ReportDiff {
  const baseCriteria = index(base);
  const headCriteria = index(head);
  const rubricChanged = base.rubric.sha256 !== head.rubric.sha256;

  const criteria: CriterionChange[] = [];
  const ids = [...new Set([...headCriteria.keys(), ...baseCriteria.keys()])];
  for (const id of ids) {
    const b = baseCriteria.get(id);
    const h = headCriteria.get(id);
    const before = b ? contribution(b.c, base) : 0;
    const after = h ? contribution(h.c, head) : 0;
    const delta = roundTo(after - before, 2);
    if (delta === 0 && b?.c.outcome === h?.c.outcome) continue;
    const sameResult = b !== undefined && h !== undefined && b.c.earned === h.c.earned && b.c.outcome === h.c.outcome && b.c.applicable === h.c.applicable;
    // Same points earned, a different share of the score: only the applicable total moved.
    const { causes, refs } = sameResult ? { causes: ['applicable-total' as const], refs: [] } : attribute(b?.c, h?.c, rubricChanged);
    criteria.push({
      id,
      clause: (h ?? b)!.clause,
      title: (h ?? b)!.c.title,
      before: b ? { earned: b.c.earned, outcome: b.c.outcome } : null,
      after: h ? { earned: h.c.earned, outcome: h.c.outcome } : null,
      delta,
      causes,
      refs,
    });
  }
  criteria.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.delta - y.delta || x.id.localeCompare(y.id));

  const clauseEarned = (r: Report) => new Map(r.sections.flatMap((s) => s.clauses.map((c) => [c.id, c] as const)));
  const bc = clauseEarned(base);
  const hc = clauseEarned(head);
  const clauses: ClauseChange[] = [...new Set([...hc.keys(), ...bc.keys()])]
    .map((id) => {
      const before = bc.get(id)?.earned ?? null;
      const after = hc.get(id)?.earned ?? null;
      return { id, title: (hc.get(id) ?? bc.get(id))!.title, before, after, delta: roundTo((after ?? 0) - (before ?? 0), 2) };
    })
    .filter((c) => c.delta !== 0);

  const rank = (r: Report) => LEVEL_IDS.indexOf(r.level.id);
  const scoreDelta = roundTo(head.score.final - base.score.final, 1);
  const levelChange = rank(head) > rank(base) ? 'up' : rank(head) < rank(base) ? 'down' : 'same';
  return {
    base: side(base, labels.base),
    head: side(head, labels.head),
    scoreDelta,
    levelChange,
    regression: levelChange === 'down' || scoreDelta < 0,
    clauses,
    criteria,
    parts: {
      applicable: { before: base.score.applicable, after: head.score.applicable },
      deductions: {
        before: base.score.specialDeductions.points,
        after: head.score.specialDeductions.points,
        countBefore: base.score.specialDeductions.count,
        countAfter: head.score.specialDeductions.count,
      },
      bonus: { before: base.score.bonus, after: head.score.bonus },
    },
    companyChanged: base.company.name.trim() !== head.company.name.trim(),
  };
}

function index(r: Report) {
  return new Map(r.sections.flatMap((s) => s.clauses.flatMap((cl) => cl.criteria.map((c) => [c.id, { c, clause: cl.id }] as const))));
}

/** A criterion's share of the final score (100-point scale), so changes add up across criteria. */
function contribution(c: CriterionResult, r: Report): number {
  return c.applicable && r.score.applicable > 0 ? (c.earned / r.score.applicable) * 100 : 0;
}

function attribute(b: CriterionResult | undefined, h: CriterionResult | undefined, rubricChanged: boolean) {
  const codesOf = (c: CriterionResult | undefined) => new Map((c?.findings ?? []).map((f) => [`${f.code}|${JSON.stringify(f.args)}`, f]));
  const bf = codesOf(b);
  const hf = codesOf(h);
  // Findings that appeared explain a drop; findings that went away explain a gain.
  const changed = [...[...hf].filter(([k]) => !bf.has(k)), ...[...bf].filter(([k]) => !hf.has(k))].map(([, f]) => f);
  const causes = new Set<ChangeCause>();
  const refs = new Set<string>();
  for (const f of changed) {
    const cause = CAUSE_OF[f.code];
    if (!cause) continue;
    causes.add(cause);
    const args = f.args as { ref?: string; file?: string };
    const ref = args.ref ?? args.file;
    if (ref) refs.add(ref);
  }
  if (rubricChanged && (!b || !h || b.points !== h.points || b.applicable !== h.applicable)) causes.add('rubric-changed');
  if (causes.size === 0) causes.add(rubricChanged && sameClaim(b, h) ? 'rubric-changed' : 'evidence-edited');
  return { causes: [...causes], refs: [...refs] };
}

function sameClaim(b: CriterionResult | undefined, h: CriterionResult | undefined): boolean {
  return !!b && !!h && b.status === h.status && JSON.stringify(b.evidence.map((e) => e.ref)) === JSON.stringify(h.evidence.map((e) => e.ref));
}

function side(r: Report, label: string): ReportSide {
  return {
    label,
    assessmentDate: r.assessmentDate,
    final: r.score.final,
    level: r.level.id,
    levelName: r.level.name,
    rubricSha256: r.rubric.sha256,
    company: r.company.name,
  };
}
