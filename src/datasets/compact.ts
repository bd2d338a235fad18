/**
 * Compact storage for per-row numbers and identifiers, so that analysing a 10-million-row export
 * holds numbers in typed arrays or counts rather than row objects (hundreds of bytes a row).
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

type TypedArray = Int32Array | Uint32Array | Int16Array | Uint8Array;
type TypedCtor<T extends TypedArray> = new (n: number) => T;
/** 65 536 values a chunk: growing never copies what is stored (no doubling peak at ten million rows). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** An append-only list of integers in fixed-size typed chunks; the element type says what is exact. */
export class ChunkedList<T extends TypedArray> {
  private chunks: T[] = [];
  length = 0;
  constructor(private ctor: TypedCtor<T>) {}
  push(v: number): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(new this.ctor(CHUNK));
    this.chunks[c]![this.length & (CHUNK - 1)] = v;
    this.length++;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }
}

/**
 * Counts of whole minutes 0 … 2¹⁷−1 (91 days) in a table grown by doubling, other values (longer,
 * or not whole minutes) in a sorted-at-the-end list. Timestamps are read as whole minutes
 * (values.ts), so a duration is one, and percentiles come out exactly as from the sorted values while
 * memory stays at most 512 KB a distribution whatever the number of rows.
 */
export class MinuteHistogram {
  static readonly DENSE = 1 << 17;
  private counts = new Uint32Array(256);
  private rest = new Float64List();
  private restSorted: Float64Array | null = null;
  n = 0;
  push(minutes: number): void {
    this.n++;
    if (minutes >= 0 && minutes < MinuteHistogram.DENSE && Number.isInteger(minutes)) {
      if (minutes >= this.counts.length) {
        let size = this.counts.length * 2;
        while (size <= minutes) size *= 2;
        const next = new Uint32Array(size);
        next.set(this.counts);
        this.counts = next;
      }
      this.counts[minutes]!++;
    } else {
      this.rest.push(minutes);
      this.restSorted = null;
    }
  }
  /** The k-th smallest value (0-based), as `sorted[k]` of all values pushed. */
  at(k: number): number {
    if (this.restSorted === null) this.restSorted = this.rest.sorted();
    const rest = this.restSorted;
    let r = 0;
    let seen = 0;
    for (let b = 0; b < this.counts.length; b++) {
      const c = this.counts[b]!;
      if (c === 0) continue;
      while (r < rest.length && rest[r]! < b) {
        if (seen === k) return rest[r]!;
        seen++;
        r++;
      }
      if (k < seen + c) return b;
      seen += c;
    }
    return rest[r + (k - seen)]!;
  }
  /** `percentile(sorted values / divisor, p)`, exactly: the same two values and the same interpolation. */
  percentile(p: number, divisor = 1): number | null {
    if (this.n === 0) return null;
    const h = (this.n - 1) * p;
    const lo = Math.floor(h);
    const a = this.at(lo) / divisor;
    const b = this.at(Math.min(lo + 1, this.n - 1)) / divisor;
    return a + (h - lo) * (b - a);
  }
}

/** Set by `hash64`: the two halves of the last key hashed (no array allocated per row). */
export const HASH = { hi: 0, lo: 0 };

/** Two independent 32-bit FNV-1a hashes (different offset bases) make one 64-bit key; never (0, 0). */
export function hash64(s: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  HASH.hi = a >>> 0;
  // (0, 0) marks an empty slot below; it joins (0, 1), one more pair in the same 2⁻⁶⁴ collision class.
  HASH.lo = a === 0 && b === 0 ? 1 : b >>> 0;
}

const SHARD_BITS = 8;
/** A shard grows when three quarters full: linear probing stays short, and growing copies 1/256 of the index. */
const MAX_LOAD = 0.75;

/**
 * String -> small integer (its first occurrence's payload), keyed by a 64-bit FNV-1a hash: 12 bytes a
 * slot (the hash's halves and the payload) instead of the string itself, 16–32 bytes a distinct key at
 * ¾–⅜ load. Two different strings share a hash with probability about n²/2⁶⁵ (≈ 3·10⁻⁶ for 10 million
 * keys); such a pair would be reported as a duplicate. Split into 256 shards by the hash's top bits, so
 * that growing never holds two copies of the whole index (a 10-million-key index is 200 MB).
 */
export class HashIndex {
  private keys: Uint32Array[] = [];
  private vals: Int32Array[] = [];
  private sizes = new Int32Array(1 << SHARD_BITS);
  size = 0;

  constructor() {
    for (let s = 0; s < 1 << SHARD_BITS; s++) {
      this.keys.push(new Uint32Array(2 * 16));
      this.vals.push(new Int32Array(16));
    }
  }

  /** The payload stored for `key`, or `insert` stored as its payload when the key is new (returns -1 then). */
  getOrInsert(key: string, insert: number): number {
    hash64(key);
    return this.getOrInsertHash(HASH.hi, HASH.lo, insert);
  }

  getOrInsertHash(h: number, l: number, insert: number): number {
    const s = h >>> (32 - SHARD_BITS);
    if (this.sizes[s]! >= this.vals[s]!.length * MAX_LOAD) this.grow(s);
    const keys = this.keys[s]!;
    const mask = this.vals[s]!.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      const kh = keys[2 * i]!;
      const kl = keys[2 * i + 1]!;
      if (kh === 0 && kl === 0) {
        keys[2 * i] = h;
        keys[2 * i + 1] = l;
        this.vals[s]![i] = insert;
        this.sizes[s]!++;
        this.size++;
        return -1;
      }
      if (kh === h && kl === l) return this.vals[s]![i]!;
    }
  }

  private grow(s: number): void {
    const keys = this.keys[s]!;
    const vals = this.vals[s]!;
    const n = vals.length * 2;
    const nk = new Uint32Array(2 * n);
    const nv = new Int32Array(n);
    const mask = n - 1;
    for (let j = 0; j < vals.length; j++) {
      const h = keys[2 * j]!;
      const l = keys[2 * j + 1]!;
      if (h === 0 && l === 0) continue;
      let i = l & mask;
      while (nk[2 * i] !== 0 || nk[2 * i + 1] !== 0) i = (i + 1) & mask;
      nk[2 * i] = h;
      nk[2 * i + 1] = l;
      nv[i] = vals[j]!;
    }
    this.keys[s] = nk;
    this.vals[s] = nv;
  }
}

const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
/** Pages are given up for the hash once they hold fewer ids than this share of their slots (16 KB a page). */
const MIN_PAGE_FILL = 1 / 16;
const MIN_PAGES_TO_JUDGE = 256;

/**
 * String -> payload (≥ 0) of its first occurrence, like `HashIndex`, but ids that end in 1–15 ASCII digits
 * ("T0000123", "GD2026070100017") are kept in pages of 4 096 consecutive numbers per prefix and digit count:
 * 4 bytes an id when a system numbers its tickets in sequence, as ticket systems do (a 10-million-row export
 * 40 MB instead of 200 MB), exact, with no hash at all. When the numbers turn out sparse (pages less than
 * 1/16 full), every paged id is moved into the hash and paging stops; other ids go to the hash from the start.
 */
export class IdIndex {
  private hash = new HashIndex();
  private paging = true;
  private groups = new Map<string, Map<number, Int32Array>>();
  private pages = 0;
  private paged = 0;
  // The last prefix, group and page, as consecutive rows nearly always share them.
  private lastPrefix = '';
  private lastGroup: Map<number, Int32Array> | null = null;
  private lastPageNo = -1;
  private lastPage: Int32Array | null = null;

  get size(): number {
    return this.hash.size + this.paged;
  }

  getOrInsert(key: string, insert: number): number {
    if (!this.paging) return this.hash.getOrInsert(key, insert);
    let p = key.length;
    while (p > 0 && p > key.length - 15) {
      const c = key.charCodeAt(p - 1);
      if (c < 48 || c > 57) break;
      p--;
    }
    const width = key.length - p;
    if (width === 0 || (p > 0 && key.charCodeAt(p - 1) >= 48 && key.charCodeAt(p - 1) <= 57)) return this.hash.getOrInsert(key, insert);
    let num = 0;
    for (let i = p; i < key.length; i++) num = num * 10 + (key.charCodeAt(i) - 48);
    let group = this.lastGroup;
    if (group === null || this.lastPrefix.length !== p + 3 || !this.samePrefix(key, p, width)) {
      const name = `${key.slice(0, p)}\u0000${String.fromCharCode(48 + width)}`;
      group = this.groups.get(name) ?? null;
      if (group === null) this.groups.set(name, (group = new Map()));
      this.lastPrefix = `${name}\u0000`;
      this.lastGroup = group;
      this.lastPageNo = -1;
    }
    const pageNo = Math.floor(num / PAGE);
    let page = this.lastPageNo === pageNo ? this.lastPage : (group.get(pageNo) ?? null);
    if (page === null) {
      group.set(pageNo, (page = new Int32Array(PAGE)));
      this.pages++;
      if (this.pages >= MIN_PAGES_TO_JUDGE && this.paged < this.pages * PAGE * MIN_PAGE_FILL) {
        this.toHash();
        return this.hash.getOrInsert(key, insert);
      }
    }
    this.lastPageNo = pageNo;
    this.lastPage = page;
    const slot = num - pageNo * PAGE;
    const found = page[slot]!;
    if (found !== 0) return found - 1;
    page[slot] = insert + 1;
    this.paged++;
    return -1;
  }

  /** The cached prefix is `prefix \0 width \0`: compare without making a substring. */
  private samePrefix(key: string, p: number, width: number): boolean {
    const last = this.lastPrefix;
    if (last.charCodeAt(p + 1) !== 48 + width) return false;
    for (let i = 0; i < p; i++) if (key.charCodeAt(i) !== last.charCodeAt(i)) return false;
    return true;
  }

  /** Every paged id, rebuilt exactly (prefix and zero-padded number), into the hash; paging stops. */
  private toHash(): void {
    for (const [name, group] of this.groups) {
      const prefix = name.slice(0, -2);
      const width = name.charCodeAt(name.length - 1) - 48;
      for (const [pageNo, page] of group) {
        for (let j = 0; j < PAGE; j++) {
          if (page[j] !== 0) this.hash.getOrInsert(prefix + String(pageNo * PAGE + j).padStart(width, '0'), page[j]! - 1);
        }
      }
    }
    this.groups.clear();
    this.paging = false;
    this.paged = 0;
    this.lastGroup = null;
    this.lastPage = null;
  }
}

/** Linear-interpolated percentile of sorted values (as Excel PERCENTILE.INC). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hiV = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return sorted[lo]! + (h - lo) * (hiV - sorted[lo]!);
}
