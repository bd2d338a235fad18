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
import { cellOf, pointersByPosition } from '../workbook/cells.js';

export interface EvidenceLoad {
  evidence: EvidenceFile;
  parsed: ParsedYaml;
  warnings: Diagnostic[];
  /** A workbook's findings are placed by sheet and cell, not by the line of the YAML made from it. */
  locate?: (pointer: string) => { cell?: string };
}

/** load -> validate: YAML syntax, then schema and rubric-dependent rules together, all errors at once. */
export function loadEvidenceFile(file: string, rubric: Rubric, maxBytes?: number): EvidenceLoad {
  return loadEvidenceSource(readSource(file, maxBytes), rubric);
}

/** The same for a file that may be a workbook. */
export async function loadAnyEvidenceFile(file: string, rubric: Rubric, maxBytes?: number): Promise<EvidenceLoad> {
  return loadEvidenceSource(await evidenceSource(readSource(file, maxBytes)), rubric);
}

/**
 * A source ready to load: a workbook's cells read into the YAML they stand for (the reader, with fflate, is
 * loaded only then, so the YAML path never evaluates it); any other source as it is.
 */
export async function evidenceSource(source: Source): Promise<Source> {
  if (source.workbook !== 'unread') return source;
  const { workbookSource } = await import('../workbook/readWorkbook.js');
  return workbookSource(source);
}

export function loadEvidenceSource(source: Source, rubric: Rubric, o: { past?: boolean | undefined } = {}): EvidenceLoad {
  if (source.workbook === 'unread') throw new Error(`${source.file}: a workbook must be read with evidenceSource() first`);
  if (source.workbook) return loadWorkbookSource(source, source.workbook, rubric, o);
  const parsed = parseYaml(source);
  const diagnostics = contractDiagnostics(parsed, rubric, o).sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((d) => d.severity === 'error')) throw new InputError(capDiagnostics(diagnostics, source.file));
  return { evidence: withoutControlCharacters(parsed.value) as EvidenceFile, parsed, warnings: diagnostics };
}

/** The contract: the schema, then the rules that need the rubric. The same for YAML and a workbook. */
function contractDiagnostics(parsed: ParsedYaml, rubric: Rubric, o: { past?: boolean | undefined } = {}): Diagnostic[] {
  const schemaOk = validateEvidence(parsed.value);
  return [...(schemaOk ? [] : schemaDiagnostics(validateEvidence.errors ?? [], parsed, evidenceSchema)), ...evidenceSemanticDiagnostics(parsed, rubric, o)];
}

/**
 * company.xlsx: its cells read into the evidence object, written as the YAML it stands for, and that YAML
 * checked exactly as an evidence file is; each diagnostic is then moved from its line to the cell the
 * value came from (the sheet and cell the person can find).
 */
function loadWorkbookSource(
  source: Source,
  book: { cells: ReadonlyMap<string, string>; problems: Diagnostic[] },
  rubric: Rubric,
  o: { past?: boolean | undefined } = {},
): EvidenceLoad {
  const parsed = parseYaml(source);
  const pointerAt = pointersByPosition(parsed);
  const diagnostics = [
    ...book.problems,
    ...contractDiagnostics(parsed, rubric, o).map((d): Diagnostic => {
      const ptr = d.line > 0 ? (pointerAt.get(`${d.line}:${d.column}`) ?? pointerAt.get(`${d.line}`)) : undefined;
      const cell = ptr === undefined ? undefined : cellOf(book.cells, ptr);
      return { ...d, line: 0, column: 0, ...(cell ? { cell } : {}) };
    }),
  ];
  if (diagnostics.some((d) => d.severity === 'error')) throw new InputError(capDiagnostics(diagnostics, source.file));
  const locate = (ptr: string) => {
    const cell = cellOf(book.cells, ptr);
    return cell ? { cell } : {};
  };
  return { evidence: withoutControlCharacters(parsed.value) as EvidenceFile, parsed, warnings: diagnostics, locate };
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
