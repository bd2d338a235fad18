import type { CST } from 'yaml';

/** Real evidence files nest about 6 levels; the composer's stack overflows near 800 and can take Node down. */
export const MAX_DEPTH = 64;
/**
 * Entries in one mapping or list. An evidence file has some 40 criteria and a handful of items each;
 * the YAML composer checks duplicate keys pairwise, so 30 000 keys in one mapping take minutes.
 */
export const MAX_COLLECTION_ITEMS = 2000;
/** Anchors and aliases together; evidence files rarely need any. */
export const MAX_ALIASES = 200;
/** Entries in all collections together: a full evidence file has about 1 000; composing costs ~4 µs each. */
export const MAX_TOTAL_ITEMS = 50_000;

export type CstViolation =
  | { kind: 'too-deep'; offset: number; depth: number }
  | { kind: 'too-many-items'; offset: number; limit: number }
  | { kind: 'too-many-values'; offset: number; limit: number }
  | { kind: 'too-many-aliases'; offset: number; limit: number };

/**
 * Walks yaml's CST with an explicit stack (no recursion), before the document is composed, so that a
 * maliciously deep, wide or alias-heavy file is refused quickly instead of hanging or crashing.
 */
export function checkCst(tokens: readonly CST.Token[], maxDepth = MAX_DEPTH): CstViolation | null {
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  let aliases = 0;
  let total = 0;
  const countProps = (props: readonly CST.SourceToken[] | undefined, offset: number): CstViolation | null => {
    for (const p of props ?? []) if (p.type === 'anchor' && ++aliases > MAX_ALIASES) return { kind: 'too-many-aliases', offset, limit: MAX_ALIASES };
    return null;
  };
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'alias':
        if (++aliases > MAX_ALIASES) return { kind: 'too-many-aliases', offset: token.offset, limit: MAX_ALIASES };
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > maxDepth) return { kind: 'too-deep', offset: token.offset, depth: d };
        if (token.items.length > MAX_COLLECTION_ITEMS) return { kind: 'too-many-items', offset: token.offset, limit: MAX_COLLECTION_ITEMS };
        total += token.items.length;
        if (total > MAX_TOTAL_ITEMS) return { kind: 'too-many-values', offset: token.offset, limit: MAX_TOTAL_ITEMS };
        for (const item of token.items) {
          const it = item as { start?: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };
          const bad = countProps(it.start, token.offset) ?? countProps(it.sep, token.offset);
          if (bad) return bad;
          if (it.key) stack.push([it.key, d]);
          if (it.value) stack.push([it.value, d]);
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}
