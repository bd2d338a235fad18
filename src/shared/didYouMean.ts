import { distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, for "did you mean …?" hints. */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = transposed(input.toLowerCase(), c.toLowerCase()) ? 1 : distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(input.length / 3));
  return best !== null && bestDistance <= allowed ? best : null;
}

/** Two adjacent letters swapped ("titel" for "title"): one slip of the fingers, not two edits. */
function transposed(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
