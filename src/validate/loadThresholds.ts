import { criteriaOf } from '../model/criteriaOf.js';
import thresholdsSchema from '../../schema/thresholds.schema.json' with { type: 'json' };
import { validateThresholds } from '../generated/thresholds-validator.cjs';
import { InputError, type Diagnostic, diag } from '../model/diagnostic.js';
import type { Rubric } from '../model/rubric.js';
import type { Thresholds } from '../model/thresholds.js';
import { didYouMean } from '../shared/didYouMean.js';
import { schemaDiagnostics } from './schemaErrors.js';
import { locate } from '../load/locate.js';
import { parseYaml } from '../load/parseYaml.js';
import { readSource } from '../load/readSource.js';

/** --thresholds FILE: YAML, schema, and every id checked against the rubric. */
export function loadThresholdsFile(file: string, rubric: Rubric): Thresholds {
  const parsed = parseYaml(readSource(file));
  if (!validateThresholds(parsed.value)) throw new InputError(schemaDiagnostics(validateThresholds.errors ?? [], parsed, thresholdsSchema));
  const t = parsed.value as Thresholds;
  const sections = rubric.sections.map((s) => s.id);
  const clauses = rubric.sections.flatMap((s) => s.clauses.map((c) => c.id));
  const criteria = criteriaOf(rubric).map((k) => k.id);
  const out: Diagnostic[] = [];
  const check = (segs: string[], id: string, known: string[], what: 'section' | 'clause' | 'criterion', at: 'key' | 'value') => {
    if (known.includes(id)) return;
    out.push(diag('unknown-threshold-id', { what, id, guess: didYouMean(id, known), known }, { file, ...locate(parsed, segs, at) }));
  };
  for (const id of Object.keys(t.sections ?? {})) check(['sections', id], id, sections, 'section', 'key');
  for (const id of Object.keys(t.clauses ?? {})) check(['clauses', id], id, clauses, 'clause', 'key');
  for (const [i, id] of (t.mustPass ?? []).entries()) check(['mustPass', String(i)], id, criteria, 'criterion', 'value');
  if (out.length) throw new InputError(out);
  return t;
}
