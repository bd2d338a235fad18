import type { CST } from 'yaml';

/** Real evidence files nest about 6 levels; the composer's stack overflows near 800 and can take Node down. */
export const MAX_DEPTH = 64;

export interface DepthViolation {
  /** Character offset of the first collection past the limit. */
  offset: number;
  depth: number;
}

/**
 * Walks yaml's CST with an explicit stack (no recursion), before the document is composed,
 * so that a maliciously deep file is refused instead of crashing the process.
 */
export function findExcessiveNesting(tokens: readonly CST.Token[], maxDepth = MAX_DEPTH): DepthViolation | null {
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > maxDepth) return { offset: token.offset, depth: d };
        for (const item of token.items) {
          const it = item as { key?: CST.Token | null; value?: CST.Token };
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
