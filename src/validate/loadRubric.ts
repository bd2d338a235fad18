import { createHash } from 'node:crypto';
import rubricSchema from '../../schema/rubric.schema.json' with { type: 'json' };
import { validateRubric } from '../generated/rubric-validator.cjs';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { LoadedRubric, Rubric } from '../model/rubric.js';
import { rubricSemanticDiagnostics } from './rubricSemantics.js';
import { schemaDiagnostics } from './schemaErrors.js';
import { parseYaml } from '../load/parseYaml.js';
import { readSource } from '../load/readSource.js';

export interface RubricLoad {
  loaded: LoadedRubric;
  warnings: Diagnostic[];
}

/** Reads, validates and checks a rubric YAML file; throws InputError listing every problem. */
export function loadRubricFile(file: string, origin = file): RubricLoad {
  const source = readSource(file);
  const parsed = parseYaml(source);
  const diagnostics = validateRubric(parsed.value)
    ? rubricSemanticDiagnostics(parsed, parsed.value as Rubric)
    : schemaDiagnostics(validateRubric.errors ?? [], parsed, rubricSchema);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InputError(diagnostics);
  return {
    loaded: { rubric: parsed.value as Rubric, sha256: createHash('sha256').update(source.bytes).digest('hex'), origin },
    warnings: diagnostics,
  };
}
