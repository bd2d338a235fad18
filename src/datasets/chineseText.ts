/**
 * Text as exports write it (Traditional characters, full-width digits and letters) folded to one form
 * before headers, scale words and free text are matched. Traditional → Simplified is OpenCC's
 * dictionary (opencc-js), loaded once per process; most text is already Simplified, so a per-character
 * cache lets it through without a dictionary walk.
 */
type Convert = (s: string) => string;

let t2s: Convert | null = null;
/** Per UTF-16 code unit: 0 not yet looked up, 1 unchanged by conversion, 2 converted. */
const charState = new Uint8Array(65536);

export async function loadChineseText(): Promise<void> {
  if (t2s) return;
  const { Converter } = await import('opencc-js/t2cn');
  t2s = Converter({ from: 'tw', to: 'cn' });
}

/** Simplified form of `s` (unchanged if it has no Traditional character). Needs `loadChineseText()`. */
export function toSimplified(s: string): string {
  if (!t2s) throw new Error('toSimplified before loadChineseText');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400) continue;
    let state = charState[c]!;
    if (state === 0) {
      const ch = String.fromCharCode(c);
      state = t2s(ch) === ch ? 1 : 2;
      charState[c] = state;
    }
    if (state === 2) return t2s(s);
  }
  return s;
}

/** Full-width ASCII (Ａ-Ｚ, ０-９, punctuation) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

/** One comparable form: Simplified, half-width, lower case, trimmed. */
export function fold(s: string): string {
  return toHalfWidth(toSimplified(s)).toLowerCase().trim();
}
