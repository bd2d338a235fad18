/**
 * Compact storage for per-row numbers and identifiers, so that analysing a 10-million-row export
 * holds numbers in typed arrays (8 bytes a value) rather than row objects (hundreds of bytes a row).
 */
export class Float64List {
  private buf = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  get(i: number): number {
    return this.buf[i]!;
  }
  /** The values, sorted ascending (a copy; typed-array sort is numeric and native). */
  sorted(): Float64Array {
    return this.buf.slice(0, this.length).sort();
  }
}

/**
 * String -> small integer (its first occurrence's payload), keyed by a 64-bit FNV-1a hash: 16 bytes a
 * distinct key instead of the string itself. Two different strings share a hash with probability
 * about n²/2⁶⁵ (≈ 3·10⁻⁶ for 10 million keys); such a pair would be reported as a duplicate.
 */
export class HashIndex {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private val = new Int32Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  size = 0;

  /** The payload stored for `key`, or `insert` stored as its payload when the key is new (returns -1 then). */
  getOrInsert(key: string, insert: number): number {
    if (this.size * 2 >= this.used.length) this.grow();
    const [h, l] = fnv(key);
    const mask = this.used.length - 1;
    for (let i = (l ^ (h >>> 7)) & mask; ; i = (i + 1) & mask) {
      if (!this.used[i]) {
        this.used[i] = 1;
        this.hi[i] = h;
        this.lo[i] = l;
        this.val[i] = insert;
        this.size++;
        return -1;
      }
      if (this.hi[i] === h && this.lo[i] === l) return this.val[i]!;
    }
  }

  private grow(): void {
    const { hi, lo, val, used } = this;
    const n = used.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.val = new Int32Array(n);
    this.used = new Uint8Array(n);
    const mask = n - 1;
    for (let j = 0; j < used.length; j++) {
      if (!used[j]) continue;
      let i = (lo[j]! ^ (hi[j]! >>> 7)) & mask;
      while (this.used[i]) i = (i + 1) & mask;
      this.used[i] = 1;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.val[i] = val[j]!;
    }
  }
}

/** Two independent 32-bit FNV-1a hashes (different offset bases) make one 64-bit key. */
function fnv(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}

/** Linear-interpolated percentile of sorted values (as Excel PERCENTILE.INC). */
export function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hiV = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return sorted[lo]! + (h - lo) * (hiV - sorted[lo]!);
}
