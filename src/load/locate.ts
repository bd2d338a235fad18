import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedYaml } from './parseYaml.js';

export interface Position {
  line: number;
  column: number;
  /** Where the node ends (exclusive column), for tools that underline a range (SARIF regions). */
  endLine?: number;
  endColumn?: number;
}

/** Splits a JSON pointer or an ajv instancePath ("/criteria/5.1.1.1/evidence/0") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The position of the node at `segments`, or of its deepest existing ancestor when part of the path
 * does not exist (so a missing property points at the mapping where it should be added).
 * `at: 'key'` points at the key of the last mapping entry instead of its value.
 */
export function locate(parsed: ParsedYaml, segments: readonly string[], at: 'key' | 'value' = 'value'): Position {
  let node: unknown = parsed.doc.contents;
  let keyNode: Node | null = null;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(segment);
      if (!pair) {
        // Missing: point at the key of the mapping it belongs in (e.g. `criteria:`), where it is to be added.
        if (keyNode) return position(parsed, keyNode);
        break;
      }
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = null;
      node = item;
    } else {
      break;
    }
  }
  return position(parsed, at === 'key' && keyNode ? keyNode : (node as Node | null));
}

/** Key -> entry of a mapping, built once per mapping: locating many problems in a big mapping stays linear. */
const indexes = new WeakMap<object, Map<string, Pair>>();
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    indexes.set(map, index);
  }
  return index;
}

function position(parsed: ParsedYaml, node: Node | null): Position {
  const { line, col } = parsed.lineCounter.linePos(node?.range?.[0] ?? 0);
  const end = parsed.lineCounter.linePos(node?.range?.[1] ?? node?.range?.[0] ?? 0);
  // A node that runs over lines (a mapping) is underlined on its first line only.
  return end.line === line && end.col > col ? { line, column: col, endLine: line, endColumn: end.col } : { line, column: col };
}

/** A locator for findings: JSON pointer -> position, pointing at keys where there is one. */
export function findingLocator(parsed: ParsedYaml): (pointer: string) => Position {
  return (pointer) => locate(parsed, pointerSegments(pointer), 'key');
}

/** The source text of a scalar at `segments`, as the user typed it (used to suggest quoting 5.10). */
export function sourceTextAt(parsed: ParsedYaml, segments: readonly string[]): string | null {
  let node: unknown = parsed.doc.contents;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(segment);
      node = pair?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return null;
    }
  }
  if (!isScalar(node) || !node.range) return null;
  return parsed.source.text.slice(node.range[0], node.range[1]);
}
