import type { Diagnostic } from '../model/diagnostic.js';
import { CRITERION_KINDS, LEVEL_IDS, type Rubric } from '../model/rubric.js';
import { DATA_METRICS } from '../model/data.js';
import { roundTo } from '../model/units.js';
import { locate } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';

/** Consistency a schema cannot check: sums, id shapes and uniqueness, level order, references. */
export function rubricSemanticDiagnostics(parsed: ParsedYaml, rubric: Rubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (segs: Array<string | number>, severity: Diagnostic['severity'], message: string, hint?: string) =>
    out.push({ file: parsed.source.file, ...locate(parsed, segs.map(String)), severity, message, ...(hint ? { hint } : {}) });

  const seen = new Map<string, string>();
  const unique = (id: string, segs: Array<string | number>) => {
    if (seen.has(id)) push([...segs, 'id'], 'error', `duplicate id ${id} (first at ${seen.get(id)})`);
    else seen.set(id, segs.join('.'));
  };
  const provenance = (segs: Array<string | number>, source: string | undefined) => {
    if (source !== undefined && !(source in rubric.sources)) {
      push([...segs, 'provenance', 'source'], 'error', `provenance source \`${source}\` is not declared under \`sources\``, `Declared: ${Object.keys(rubric.sources).join(', ')}.`);
    }
  };
  provenance([], rubric.provenance.source);
  provenance(['scoring'], rubric.scoring.provenance.source);
  provenance(['levels'], rubric.levels.provenance.source);

  const total = roundTo(rubric.sections.reduce((a, s) => a + s.points, 0), 4);
  if (total !== 100) push(['sections'], 'error', `sections add up to ${total}, not 100`);

  rubric.sections.forEach((section, si) => {
    const sSegs = ['sections', si];
    unique(section.id, sSegs);
    provenance(sSegs, section.provenance.source);
    const clauseSum = roundTo(section.clauses.reduce((a, c) => a + c.points, 0), 4);
    if (clauseSum !== section.points) push([...sSegs, 'points'], 'error', `section ${section.id} is worth ${section.points} but its clauses add up to ${clauseSum}`);
    section.clauses.forEach((clause, ci) => {
      const cSegs = [...sSegs, 'clauses', ci];
      unique(clause.id, cSegs);
      provenance(cSegs, clause.provenance.source);
      if (!clause.id.startsWith(section.id + '.') || clause.id.split('.').length !== section.id.split('.').length + 1) {
        push([...cSegs, 'id'], 'error', `clause id ${clause.id} is not a child of section ${section.id}`, `Number it ${section.id}.N.`);
      }
      const critSum = roundTo(clause.criteria.reduce((a, c) => a + c.points, 0), 4);
      if (critSum !== clause.points) push([...cSegs, 'points'], 'error', `clause ${clause.id} is worth ${clause.points} but its criteria add up to ${critSum}`);
      clause.criteria.forEach((criterion, ki) => {
        const kSegs = [...cSegs, 'criteria', ki];
        unique(criterion.id, kSegs);
        provenance(kSegs, criterion.provenance.source);
        if (!criterion.id.startsWith(clause.id + '.') || criterion.id.split('.').length !== clause.id.split('.').length + 1) {
          push([...kSegs, 'id'], 'error', `criterion id ${criterion.id} is not a child of clause ${clause.id}`, `Number it ${clause.id}.N.`);
        }
        if (criterion.data) {
          if (!(DATA_METRICS as readonly string[]).includes(criterion.data.metric)) {
            push([...kSegs, 'data', 'metric'], 'error', `criterion ${criterion.id} uses unknown data metric \`${criterion.data.metric}\``, `Known: ${DATA_METRICS.join(', ')}.`);
          }
          if (criterion.data.rule === 'at-least' && criterion.data.atLeast === undefined) push([...kSegs, 'data'], 'error', `criterion ${criterion.id}: rule at-least needs \`atLeast\``);
        }
        const kind = criterion.kind ?? 'claim';
        if (!(CRITERION_KINDS as readonly string[]).includes(kind)) {
          push([...kSegs, 'kind'], 'warning', `criterion kind \`${kind}\` is not known to this version; ${criterion.id} will be scored as unsupported`, `Known kinds: ${CRITERION_KINDS.join(', ')}.`);
        }
        if (kind === 'ratio-threshold') {
          if (!criterion.measure) push(kSegs, 'error', `criterion ${criterion.id} has kind ratio-threshold but no \`measure\``);
          for (const m of [criterion.measure?.numerator, criterion.measure?.denominator]) {
            if (m !== undefined && !(m in rubric.metrics)) push([...kSegs, 'measure'], 'error', `criterion ${criterion.id} measures undeclared metric \`${m}\``, 'Declare it under `metrics`.');
          }
        } else if (criterion.measure) {
          push([...kSegs, 'measure'], 'warning', `criterion ${criterion.id} has a \`measure\` but kind \`${kind}\` ignores it`);
        }
      });
    });
  });

  for (const [id, m] of Object.entries(rubric.metrics)) {
    if (m.computedFrom !== undefined && !(DATA_METRICS as readonly string[]).includes(m.computedFrom)) {
      push(['metrics', id, 'computedFrom'], 'error', `metric ${id} is computed from unknown data metric \`${m.computedFrom}\``, `Known: ${DATA_METRICS.join(', ')}.`);
    }
  }
  const levels = rubric.levels.list;
  levels.forEach((level, i) => {
    if (i > 0 && level.minScore <= levels[i - 1]!.minScore) {
      push(['levels', 'list', i, 'minScore'], 'error', `level ${level.id} (${level.minScore}) must have a higher minScore than ${levels[i - 1]!.id} (${levels[i - 1]!.minScore})`);
    }
  });
  if (levels[0] && levels[0].id !== 'fail') push(['levels', 'list', 0, 'id'], 'error', 'the first level must be `fail`');
  const ids = levels.map((l) => l.id);
  if (new Set(ids).size !== ids.length) push(['levels', 'list'], 'error', 'level ids must be unique');
  void LEVEL_IDS;
  return out;
}
