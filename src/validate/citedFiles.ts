import { dirname, resolve } from 'node:path';
import type { FileTree } from '../load/fileTree.js';
import { locate, type Position } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { diag, type Diagnostic } from '../model/diagnostic.js';
import type { EvidenceFile, EvidenceItem } from '../model/evidence.js';
import { didYouMean } from '../shared/didYouMean.js';
import { pointer } from '../model/finding.js';

/** Every cited path with where it is written: evidence items, deductions, the bonus, datasets. */
function citations(e: EvidenceFile): Array<{ file: string; path: string[] }> {
  const out: Array<{ file: string; path: string[] }> = [];
  const items = (list: EvidenceItem[] | undefined, base: string[]) => {
    for (const [i, item] of (list ?? []).entries()) if (item.file !== undefined) out.push({ file: item.file, path: [...base, String(i), 'file'] });
  };
  for (const [id, c] of Object.entries(e.criteria ?? {})) items(c?.evidence, ['criteria', id, 'evidence']);
  for (const [i, d] of (e.specialDeductions ?? []).entries()) items(d.evidence, ['specialDeductions', String(i), 'evidence']);
  if (Array.isArray(e.bonus)) for (const [i, b] of e.bonus.entries()) items(b.evidence, ['bonus', String(i), 'evidence']);
  else if (e.bonus) items(e.bonus.evidence, ['bonus', 'evidence']);
  for (const k of ['survey', 'records', 'mapping'] as const) if (e.datasets?.[k]) out.push({ file: e.datasets[k]!, path: ['datasets', k] });
  return out;
}

/**
 * `validate`: a cited file that is missing, outside the root or not a file is an error at its line, with
 * the closest existing file as a suggestion and a hint for Windows separators.
 */
export async function citedFileDiagnostics(
  evidence: EvidenceFile,
  parsed: ParsedYaml,
  tree: FileTree,
  evidencePath: string,
  /** A workbook's: the sheet and cell of a pointer (the YAML made from it has no lines a person saw). */
  cellAt?: (pointer: string) => { cell?: string },
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  let existing: string[] | null = null;
  for (const { file, path } of citations(evidence)) {
    const fact = tree.fact(file, false);
    if (fact.state === 'found') continue;
    if (fact.state === 'missing' && existing === null) {
      const { globSync } = await import('tinyglobby');
      existing = globSync(['**/*'], { cwd: dirname(resolve(evidencePath)), onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] }).slice(0, 5000);
    }
    const pos: Position = cellAt ? { line: 0, column: 0 } : locate(parsed, path);
    const d = diag(
      'cited-file',
      { file, state: fact.state, guess: fact.state === 'missing' && existing ? didYouMean(file, existing) : null, backslash: file.includes('\\') },
      { file: parsed.source.file, ...pos },
    );
    out.push(cellAt ? { ...d, ...cellAt(pointer(...path)) } : d);
  }
  return out;
}
