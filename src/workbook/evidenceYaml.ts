import { isMap, isPair, isScalar, isSeq, type Node, stringify } from 'yaml';
import type { ParsedYaml } from '../load/parseYaml.js';
import { pointer } from '../model/finding.js';

/**
 * The evidence object as YAML text: what `convert --to yaml` writes, and what a workbook is checked as.
 * Long strings are never folded, so every value keeps one line and each line names one place.
 */
export function evidenceYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, defaultKeyType: 'PLAIN', indentSeq: true });
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
