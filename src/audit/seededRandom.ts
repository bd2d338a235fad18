/**
 * Seeded draws for the mock audit: the same seed gives the same items on every machine and Node version
 * (integer arithmetic only; Math.random is never used), so a plan can be repeated from its printed seed.
 */

/** A 32-bit generator: mulberry32 (Tommy Ettinger), small, fast and well mixed for sampling. Returns [0, 2^32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** FNV-1a over the UTF-16 code units: one stream per criterion, so one criterion's draws never shift another's. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A uniform integer in [0, m), m ≤ 2^32, without modulo bias (values past the last whole multiple are redrawn). */
export function below(next: () => number, m: number): number {
  const limit = 2 ** 32 - (2 ** 32 % m);
  for (;;) {
    const x = next();
    if (x < limit) return x % m;
  }
}

/**
 * k distinct positions of 1..n, in ascending order (the order of the population, so items are easy to find):
 * a partial Fisher–Yates shuffle over a sparse map, O(k) memory whatever n is.
 */
export function drawDistinct(n: number, k: number, next: () => number): number[] {
  const take = Math.min(k, n);
  const moved = new Map<number, number>();
  const at = (i: number) => moved.get(i) ?? i;
  const out: number[] = [];
  for (let i = 0; i < take; i++) {
    const j = i + below(next, n - i);
    const picked = at(j);
    moved.set(j, at(i));
    out.push(picked + 1);
  }
  return out.sort((a, b) => a - b);
}
