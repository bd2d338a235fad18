import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import rubricSchema from '../../schema/rubric.schema.json' with { type: 'json' };
import { validateRubric } from '../generated/validators.cjs';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { LoadedRubric, Rubric } from '../model/rubric.js';
import { rubricSemanticDiagnostics } from '../validate/rubricSemantics.js';
import { schemaDiagnostics } from '../validate/schemaErrors.js';
import { parseYaml } from './parseYaml.js';
import { readSource } from './readSource.js';

export const BUNDLED_RUBRIC_ID = 'gbt27922-2011';

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

/**
 * The rubric that ships with the tool. The build lints it and stores it as JSON next to the bundle,
 * which saves parsing YAML on every start; running from source falls back to the YAML.
 */
export function loadBundledRubric(): LoadedRubric {
  const compiled = new URL(`./rubrics/${BUNDLED_RUBRIC_ID}.json`, import.meta.url);
  if (existsSync(compiled)) {
    const { rubric, sha256 } = JSON.parse(readFileSync(compiled, 'utf8')) as { rubric: Rubric; sha256: string };
    return { rubric, sha256, origin: 'bundled' };
  }
  for (const rel of ['../rubrics/', '../../rubrics/']) {
    const yaml = new URL(`${rel}${BUNDLED_RUBRIC_ID}.yaml`, import.meta.url);
    if (existsSync(yaml)) return loadRubricFile(fileURLToPath(yaml), 'bundled').loaded;
  }
  throw new Error(`bundled rubric ${BUNDLED_RUBRIC_ID} not found; reinstall aftersales-assess`);
}
