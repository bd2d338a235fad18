/**
 * Line breaking shared by the terminal (widths in columns) and the PDF (widths in points), so both follow the
 * same rules: Chinese breaks between any two characters, Latin words, numbers, paths and bracketed status
 * marks such as "[已找到]" stay whole unless they alone are wider than a line, no line starts with closing
 * punctuation or ends with opening punctuation (避头尾), and a paragraph does not end with one or two
 * characters alone on its last line.
 */

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const OPEN = '（「『【《〈“‘([';

/**
 * One unbreakable piece: opening punctuation glued to what follows it, then a short bracketed mark, a CJK
 * character, or a run of anything else that is not a space.
 */
const TOKEN = new RegExp(`[${OPEN}]*(?:\\[[^\\]\\s]{1,12}\\]|【[^】\\s]{1,12}】)|[${OPEN}]*(?:[${CJK}]|[^\\s${CJK}${OPEN}]+)|[${OPEN}]+|\\s+`, 'gu');

/** Punctuation that may not begin a line (避头点). */
export const NO_LINE_START = /^[，。、；：！？）」』】》〉”’,.;:!?)\]%]/u;

const HAN = new RegExp(`^[${OPEN}]*[${CJK}]`, 'u');

export type Measure = (text: string) => number;

/**
 * Near the edge a line is measured whole; a line made of pieces that take no room (combining marks between
 * zero-width spaces) would stay near the edge for every piece, so after this many whole-line measures in
 * one line the sum of the pieces decides. Ordinary text needs two or three.
 */
const EXACT_PER_LINE = 16;

/**
 * The text split into lines no wider than `width` by `measure`. Continuation lines are measured with
 * `indent` in front (the caller adds it); the lines returned carry no indent.
 */
export function breakLines(text: string, width: number, exact: Measure, indent = ''): string[] {
  const out: string[][] = [];
  let line: string[] = [];
  // Pieces repeat (characters, spaces, words): each is measured once per call.
  const widths = new Map<string, number>();
  const measure: Measure = (t) => {
    let w = widths.get(t);
    if (w === undefined) widths.set(t, (w = exact(t)));
    return w;
  };
  const indentWidth = indent ? measure(indent) : 0;
  const room = () => (out.length === 0 ? width : width - indentWidth);
  // A line's width is the sum of its pieces' widths, except where kerning joins them: the sum decides
  // when it is clearly inside or outside the room, the whole line is measured only near the edge (a
  // proportional font would otherwise re-measure the growing line for every character: quadratic).
  // The sum and whether the line shows anything are kept as pieces are added, not recounted per piece.
  const slack = (r: number) => Math.max(0.5, r * 0.02);
  let lineSum = 0;
  let lineVisible = false;
  let exactLine = -1;
  let exactCount = 0;
  const setLine = (parts: string[]) => {
    line = parts;
    lineSum = 0;
    lineVisible = false;
    for (const p of parts) {
      lineSum += measure(p);
      if (p.trim() !== '') lineVisible = true;
    }
  };
  const add = (token: string) => {
    line.push(token);
    lineSum += measure(token);
    if (token.trim() !== '') lineVisible = true;
  };
  const fitsWith = (token: string) => {
    const r = room();
    const sum = lineSum + measure(token);
    if (sum <= r - slack(r)) return true;
    if (sum > r + slack(r)) return false;
    if (exactLine !== out.length) [exactLine, exactCount] = [out.length, 0];
    if (++exactCount > EXACT_PER_LINE) return sum <= r;
    return exact(line.join('') + token) <= r;
  };
  const lead = /^\s*/.exec(text)![0];
  if (lead) add(lead);
  const push = (parts: string[]) => {
    while (parts.length && parts[parts.length - 1]!.trim() === '') parts.pop();
    out.push(parts);
  };
  for (const token of text.slice(lead.length).match(TOKEN) ?? []) {
    if (/^\s+$/.test(token)) {
      if (lineVisible && fitsWith(token)) add(token);
      continue;
    }
    if (fitsWith(token)) {
      add(token);
      continue;
    }
    // 避头点: the last piece of the full line moves down with the punctuation — and with any closing
    // punctuation before it ("条）" of "（181条）："), so the new line never starts with one.
    if (NO_LINE_START.test(token) && lineVisible) {
      let cut = line.length - 1;
      while (cut > 0 && (line[cut]!.trim() === '' || NO_LINE_START.test(line[cut]!))) cut--;
      if (cut > 0) {
        const moved = line.slice(cut);
        push(line.slice(0, cut));
        setLine([...moved.filter((p) => p.trim() !== ''), token]);
        continue;
      }
      add(token);
      continue;
    }
    if (lineVisible) push(line);
    setLine([]);
    // Only a piece wider than a whole line is cut, character by character, each line as long as fits.
    const chars = [...token];
    let start = 0;
    for (;;) {
      const n = longestFitting(chars, start, room(), exact, measure, slack);
      if (start + n >= chars.length) {
        if (start < chars.length) setLine([chars.slice(start).join('')]);
        break;
      }
      const take = Math.max(1, softBreak(chars, start, n));
      // A Latin word cut between two letters says so with a hyphen (U+2010, the typographic one: never in the
      // text itself, so a reader — and a test — can tell it was added), taking letters back until it fits.
      const letter = /^\p{Script=Latin}$/u;
      if (letter.test(chars[start + take - 1]!) && letter.test(chars[start + take] ?? '')) {
        let k = take - 1;
        while (k >= 2 && exact(`${chars.slice(start, start + k).join('')}\u2010`) > room()) k--;
        if (k >= 2 && letter.test(chars[start + k - 1]!) && letter.test(chars[start + k]!)) {
          push([`${chars.slice(start, start + k).join('')}\u2010`]);
          start += k;
          continue;
        }
      }
      push([chars.slice(start, start + take).join('')]);
      start += take;
    }
  }
  if (lineVisible || out.length === 0) push(line);
  avoidOrphan(out, measure, room);
  return out.map((parts, i) => (i === 0 ? parts.join('') : parts.join('').trimStart()));
}

/** Where a path, URL or dotted name may be cut: after a separator, never inside a word. */
const SOFT_BREAK_AFTER = new Set(['/', '.', '-', '_', '?', '&', '=', '#', '\\', ':']);

/**
 * Of the `n` characters from `start` that fit, how many to take: up to the last separator when one lies in
 * the line's latter half ("https://example.com/north-home/" + "warranty"), else all `n`.
 */
function softBreak(chars: readonly string[], start: number, n: number): number {
  for (let k = n; k >= Math.ceil(n / 2); k--) if (SOFT_BREAK_AFTER.has(chars[start + k - 1]!)) return k;
  return n;
}

/**
 * How many characters from `start` fit in `room`: the most whose text measures at most `room` (prefix
 * widths grow with length). Measuring every prefix, or the whole remainder for every line, is quadratic in
 * a long token; here the sum of the characters' widths guesses the edge, two measures check the guess (a
 * grapheme or kerning can make the sum wrong), and a binary search between measured bounds settles it, so
 * a line costs a few measures of about its own length. A wrong guess falls back to doubling from one.
 */
function longestFitting(chars: readonly string[], start: number, room: number, exact: Measure, measure: Measure, slack: (r: number) => number): number {
  const remaining = chars.length - start;
  const fits = (k: number) => exact(chars.slice(start, start + k).join('')) <= room;
  // lo fits (0 always does), hi does not or is past the end.
  let lo = 0;
  let hi = remaining + 1;
  let sum = 0;
  let inside = 0;
  let k = 0;
  while (k < remaining) {
    sum += measure(chars[start + k]!);
    k++;
    if (sum <= room - slack(room)) inside = k;
    else if (sum > room + slack(room)) break;
  }
  const outside = sum > room + slack(room) ? k : remaining + 1;
  if ((inside === 0 || fits(inside)) && (outside > remaining || !fits(outside))) {
    lo = inside;
    hi = outside;
  } else {
    let step = 1;
    for (;;) {
      const probe = Math.min(step, remaining);
      if (!fits(probe)) {
        hi = probe;
        break;
      }
      lo = probe;
      if (probe === remaining) return remaining;
      step *= 2;
    }
  }
  if (hi === remaining + 1) {
    if (lo === remaining || fits(remaining)) return remaining;
    hi = remaining;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * A last line of one or two characters takes pieces from the line above (whole pieces, never leaving
 * closing punctuation at the start), as long as the line above keeps most of its text.
 */
function avoidOrphan(lines: string[][], measure: Measure, room: () => number): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  const prev = lines[lines.length - 2]!;
  if ([...last.join('').trim()].length > 2 || prev.length < 6) return;
  // Only where the last line starts with a Chinese character: no space is lost or gained where the lines join.
  if (!HAN.test(last[0] ?? '')) return;
  for (let take = 1; take <= 3 && take < prev.length - 3; take++) {
    const moved = prev.slice(prev.length - take);
    // Chinese characters, or a number or word set between them ("按0分计"): never a space, so none is lost.
    if (!moved.every((p) => p !== '' && p.trim() === p)) return;
    if (NO_LINE_START.test(moved[0]!)) continue;
    const candidate = [...moved, ...last];
    if ([...candidate.join('').trim()].length < 3 && take < 3) continue;
    if (measure(candidate.join('')) > room()) return;
    prev.splice(prev.length - take, take);
    while (prev.length && prev[prev.length - 1]!.trim() === '') prev.pop();
    last.splice(0, last.length, ...candidate);
    return;
  }
}
