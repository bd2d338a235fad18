import evidenceSchema from '../../schema/evidence.schema.json' with { type: 'json' };
import { validateEvidence } from '../generated/evidence-validator.cjs';
import { InputError, type Diagnostic, diag } from '../model/diagnostic.js';
import type { EvidenceFile } from '../model/evidence.js';
import type { Rubric } from '../model/rubric.js';
import { evidenceSemanticDiagnostics } from './evidenceSemantics.js';
import { schemaDiagnostics } from './schemaErrors.js';
import { MAX_ERRORS, parseYaml, type ParsedYaml } from '../load/parseYaml.js';
import { readSource, type Source } from '../load/readSource.js';
import { wellFormed } from '../shared/href.js';
import { cleanStrings, safeLines } from '../shared/safeText.js';

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
  if (diagnostics.some((d) => d.severity === 'error')) throw new InputError(capDiagnostics(diagnostics, source.file));
  return { evidence: withoutControlCharacters(parsed.value) as EvidenceFile, parsed, warnings: diagnostics };
}

/** The first MAX_ERRORS problems, then one line saying there are more. */
export function capDiagnostics(ds: Diagnostic[], file: string): Diagnostic[] {
  const limited = ds.filter((d) => d.code !== 'too-many-errors');
  if (limited.length <= MAX_ERRORS) return ds;
  return [...limited.slice(0, MAX_ERRORS), diag('too-many-errors', { shown: MAX_ERRORS }, { file, line: 0, column: 0 })];
}

/**
 * Every string of the evidence, keys included, without control or bidi characters (line breaks and tabs
 * kept): a company name or note carrying an escape sequence or a right-to-left override must not drive the
 * terminal or reorder what a report shows. Diagnostics were made from the raw text, so they can show it.
 * Lone surrogates (a `\uD800` escape) become U+FFFD, as the file system and every UTF-8 output would make them.
 */
function withoutControlCharacters(value: unknown): unknown {
  return cleanStrings(value, (s) => wellFormed(safeLines(s)));
}
