import evidenceSchema from '../../schema/evidence.schema.json' with { type: 'json' };
import { validateEvidence } from '../generated/evidence-validator.cjs';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { Rubric } from '../model/rubric.js';
import { evidenceSemanticDiagnostics } from '../validate/evidenceSemantics.js';
import { schemaDiagnostics } from '../validate/schemaErrors.js';
import { parseYaml, type ParsedYaml } from './parseYaml.js';
import { readSource, type Source } from './readSource.js';

export interface EvidenceLoad {
  evidence: EvidenceFile;
  parsed: ParsedYaml;
  warnings: Diagnostic[];
}

/** load -> validate: YAML syntax, then schema and rubric-dependent rules together, all errors at once. */
export function loadEvidenceFile(file: string, rubric: Rubric, maxBytes?: number): EvidenceLoad {
  return loadEvidenceSource(readSource(file, maxBytes), rubric);
}

export function loadEvidenceSource(source: Source, rubric: Rubric): EvidenceLoad {
  const parsed = parseYaml(source);
  const schemaOk = validateEvidence(parsed.value);
  const diagnostics = [
    ...(schemaOk ? [] : schemaDiagnostics(validateEvidence.errors ?? [], parsed, evidenceSchema)),
    ...evidenceSemanticDiagnostics(parsed, rubric),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((d) => d.severity === 'error')) throw new InputError(diagnostics);
  return { evidence: parsed.value as EvidenceFile, parsed, warnings: diagnostics };
}
