import { type Diagnostic, diag, type DiagnosticArgs, type DiagnosticCode } from '../model/diagnostic.js';
import { CRITERION_KINDS, type Rubric } from '../model/rubric.js';
import { DATA_METRICS } from '../model/data.js';
import { roundTo } from '../model/units.js';
import { locate } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';

/** Consistency a schema cannot check: sums, id shapes and uniqueness, level order, references. */
export function rubricSemanticDiagnostics(parsed: ParsedYaml, rubric: Rubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = <C extends DiagnosticCode>(segs: Array<string | number>, code: C, args: DiagnosticArgs[C], severity: Diagnostic['severity'] = 'error') =>
    out.push(diag(code, args, { file: parsed.source.file, ...locate(parsed, segs.map(String)) }, severity));

  const seen = new Map<string, string>();
  const unique = (id: string, segs: Array<string | number>) => {
    if (seen.has(id)) push([...segs, 'id'], 'duplicate-id', { id, first: seen.get(id)! });
    else seen.set(id, segs.join('.'));
  };
  const provenance = (segs: Array<string | number>, source: string | undefined) => {
    if (source !== undefined && !(source in rubric.sources)) {
      push([...segs, 'provenance', 'source'], 'undeclared-source', { source, declared: Object.keys(rubric.sources) });
    }
  };
  provenance([], rubric.provenance.source);
  provenance(['scoring'], rubric.scoring.provenance.source);
  provenance(['levels'], rubric.levels.provenance.source);

  const total = roundTo(
    rubric.sections.reduce((a, s) => a + s.points, 0),
    4,
  );
  if (total !== 100) push(['sections'], 'sections-sum', { total });

  rubric.sections.forEach((section, si) => {
    const sSegs = ['sections', si];
    unique(section.id, sSegs);
    provenance(sSegs, section.provenance.source);
    const clauseSum = roundTo(
      section.clauses.reduce((a, c) => a + c.points, 0),
      4,
    );
    if (clauseSum !== section.points) push([...sSegs, 'points'], 'children-sum', { kind: 'section', id: section.id, points: section.points, sum: clauseSum });
    section.clauses.forEach((clause, ci) => {
      const cSegs = [...sSegs, 'clauses', ci];
      unique(clause.id, cSegs);
      provenance(cSegs, clause.provenance.source);
      if (!clause.id.startsWith(section.id + '.') || clause.id.split('.').length !== section.id.split('.').length + 1) {
        push([...cSegs, 'id'], 'not-a-child', { kind: 'clause', id: clause.id, parent: section.id });
      }
      const critSum = roundTo(
        clause.criteria.reduce((a, c) => a + c.points, 0),
        4,
      );
      if (critSum !== clause.points) push([...cSegs, 'points'], 'children-sum', { kind: 'clause', id: clause.id, points: clause.points, sum: critSum });
      clause.criteria.forEach((criterion, ki) => {
        const kSegs = [...cSegs, 'criteria', ki];
        unique(criterion.id, kSegs);
        provenance(kSegs, criterion.provenance.source);
        if (!criterion.id.startsWith(clause.id + '.') || criterion.id.split('.').length !== clause.id.split('.').length + 1) {
          push([...kSegs, 'id'], 'not-a-child', { kind: 'criterion', id: criterion.id, parent: clause.id });
        }
        if (criterion.data) {
          if (!(DATA_METRICS as readonly string[]).includes(criterion.data.metric)) {
            push([...kSegs, 'data', 'metric'], 'unknown-data-metric', {
              subject: `criterion ${criterion.id}`,
              metric: criterion.data.metric,
              known: [...DATA_METRICS],
            });
          }
          if (criterion.data.rule === 'at-least' && criterion.data.atLeast === undefined) push([...kSegs, 'data'], 'at-least-missing', { id: criterion.id });
        }
        const kind = criterion.kind ?? 'claim';
        if (!(CRITERION_KINDS as readonly string[]).includes(kind)) {
          push([...kSegs, 'kind'], 'unknown-kind', { kind, id: criterion.id, known: [...CRITERION_KINDS] }, 'warning');
        }
        if (kind === 'ratio-threshold') {
          if (!criterion.measure) push(kSegs, 'measure-missing', { id: criterion.id });
          for (const m of [criterion.measure?.numerator, criterion.measure?.denominator]) {
            if (m !== undefined && !(m in rubric.metrics)) push([...kSegs, 'measure'], 'undeclared-metric', { id: criterion.id, metric: m });
          }
        } else if (criterion.measure) {
          push([...kSegs, 'measure'], 'measure-ignored', { id: criterion.id, kind }, 'warning');
        }
      });
    });
  });

  // A rubric that estimates effort estimates it everywhere: one criterion left at the 1-day default would
  // look cheapest to the path solver. A rubric with no estimates at all is consistent (every path says so).
  const withEffort = rubric.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).filter((k) => k.effort !== undefined).length;
  if (withEffort > 0) {
    for (const [si, section] of rubric.sections.entries())
      for (const [ci, clause] of section.clauses.entries())
        for (const [ki, k] of clause.criteria.entries())
          if (k.effort === undefined) push(['sections', si, 'clauses', ci, 'criteria', ki], 'effort-missing', { id: k.id, given: withEffort }, 'warning');
  }

  for (const [id, m] of Object.entries(rubric.metrics)) {
    if (m.computedFrom !== undefined && !(DATA_METRICS as readonly string[]).includes(m.computedFrom)) {
      push(['metrics', id, 'computedFrom'], 'unknown-data-metric', { subject: `metric ${id}`, metric: m.computedFrom, known: [...DATA_METRICS] });
    }
  }
  const levels = rubric.levels.list;
  levels.forEach((level, i) => {
    if (i > 0 && level.minScore <= levels[i - 1]!.minScore) {
      push(['levels', 'list', i, 'minScore'], 'levels-unordered', {
        id: level.id,
        min: level.minScore,
        prevId: levels[i - 1]!.id,
        prevMin: levels[i - 1]!.minScore,
      });
    }
  });
  if (levels[0] && levels[0].id !== 'fail') push(['levels', 'list', 0, 'id'], 'first-level-not-fail', {});
  const ids = levels.map((l) => l.id);
  if (new Set(ids).size !== ids.length) push(['levels', 'list'], 'level-ids-duplicate', {});
  return out;
}
