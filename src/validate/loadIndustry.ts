import industrySchema from '../../schema/industry.schema.json' with { type: 'json' };
import { validateIndustry } from '../generated/industry-validator.cjs';
import { criteriaOf } from '../model/criteriaOf.js';
import { InputError, type Diagnostic, diag } from '../model/diagnostic.js';
import type { IndustryProfile } from '../model/industry.js';
import type { Rubric } from '../model/rubric.js';
import { didYouMean } from '../shared/didYouMean.js';
import { locate } from '../load/locate.js';
import { parseYaml } from '../load/parseYaml.js';
import { readSource } from '../load/readSource.js';
import { schemaDiagnostics } from './schemaErrors.js';

/**
 * `industry lint FILE`: reads an industry profile, checks it against its schema, then what a schema cannot say —
 * every criterion id is the rubric's, every source cited is declared. Throws InputError listing every problem.
 */
export function loadIndustryFile(file: string, rubric: Rubric): IndustryProfile {
  const parsed = parseYaml(readSource(file));
  if (!validateIndustry(parsed.value)) throw new InputError(schemaDiagnostics(validateIndustry.errors ?? [], parsed, industrySchema));
  const profile = parsed.value as IndustryProfile;
  const out: Diagnostic[] = [];
  const at = (segs: string[], where: 'key' | 'value' = 'value') => ({ file: parsed.source.file, ...locate(parsed, segs, where) });
  const ids = criteriaOf(rubric).map((k) => k.id);
  const declared = Object.keys(profile.sources);
  const cite = (segs: string[], source: string) => {
    const key = source.split(' ')[0]!;
    if (!declared.includes(key)) out.push(diag('industry-undeclared-source', { source: key, declared }, at(segs)));
  };
  for (const [id, g] of Object.entries(profile.criteria)) {
    if (!ids.includes(id)) out.push(diag('industry-unknown-criterion', { id, rubric: rubric.id, guess: didYouMean(id, ids) }, at(['criteria', id], 'key')));
    cite(['criteria', id, 'source'], g.source);
  }
  for (const [i, c] of profile.commitments.entries()) cite(['commitments', String(i), 'source'], c.source);
  for (const [i, k] of profile.kpis.entries()) cite(['kpis', String(i), 'source'], k.source);
  if (out.length > 0) throw new InputError(out);
  return profile;
}
