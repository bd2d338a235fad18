import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedYaml } from '../load/parseYaml.js';
import { pointer } from '../model/finding.js';

/**
 * Where a workbook's values were typed, for its diagnostics and findings. Small and loaded with every
 * evidence file; the reader itself (fflate, the layout) is loaded only for a workbook.
 */

/** The sheet!cell of a pointer, or of its nearest ancestor that has one. */
export function cellOf(cells: ReadonlyMap<string, string>, ptr: string): string | undefined {
  for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const c = cells.get(p);
    if (c !== undefined) return c;
    if (p === '') return undefined;
  }
}

/** `line:column` (and `line`) of every key, value and list item → its JSON pointer. */
export function pointersByPosition(parsed: ParsedYaml): Map<string, string> {
  const out = new Map<string, string>();
  const mark = (node: Node | null | undefined, ptr: string) => {
    if (!node?.range) return;
    const { line, col } = parsed.lineCounter.linePos(node.range[0]);
    // The deepest node at a position wins (a list item and its first key start at the same place).
    out.set(`${line}:${col}`, ptr);
    if (!out.has(`${line}`)) out.set(`${line}`, ptr);
  };
  const walk = (node: unknown, ptr: string) => {
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const child = `${ptr}${pointer(String(p.key.value))}`;
        mark(p.key as Node, child);
        walk(p.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${ptr}${pointer(i)}`;
        mark(item as Node, child);
        walk(item, child);
      });
    } else if (node) mark(node as Node, ptr);
  };
  walk(parsed.doc.contents, '');
  return out;
}
