/**
 * Terminal columns of ASCII, CJK and the symbols whose width is fixed, counted directly; null for anything
 * else (emoji, combining marks, astral characters), which `width.ts` hands to string-width. Apart from it so
 * that help text, which only holds these, is measured without evaluating string-width at start-up (~20 ms).
 */
export function fastWidth(s: string): number | null {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) n += 1;
    else if (isWide(c)) n += 2;
    else if (isNarrow(c)) n += 1;
    else return null;
  }
  return n;
}

export function withoutAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

// ANSI colour codes take no columns.
const ANSI = /\u001b\[[0-9;]*m/g;

function isWide(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3000 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0xff01 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x2e80 && c <= 0x2fdf)
  );
}

/** Latin-1 letters, general punctuation, arrows, maths, box drawing, blocks, ★☆✓✗: one column each. */
function isNarrow(c: number): boolean {
  return (
    (c >= 0xa0 && c <= 0xff && c !== 0xad) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x2190 && c <= 0x21ff) ||
    (c >= 0x2200 && c <= 0x22ff) ||
    (c >= 0x2500 && c <= 0x25fc) ||
    c === 0x2605 ||
    c === 0x2606 ||
    c === 0x2713 ||
    c === 0x2717
  );
}
