import { distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, for "did you mean …?" hints. */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(input.length / 3));
  return best !== null && bestDistance <= allowed ? best : null;
}
