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
  const slack = (r: number) => Math.max(0.5, r * 0.02);
  const fits = (parts: string[]) => {
    const r = room();
    let sum = 0;
    for (const p of parts) sum += measure(p);
    if (sum <= r - slack(r)) return true;
    if (sum > r + slack(r)) return false;
    return exact(parts.join('')) <= r;
  };
  const lead = /^\s*/.exec(text)![0];
  if (lead) line.push(lead);
  const visible = (parts: string[]) => parts.some((p) => p.trim() !== '');
  const push = (parts: string[]) => {
    while (parts.length && parts[parts.length - 1]!.trim() === '') parts.pop();
    out.push(parts);
  };
  for (const token of text.slice(lead.length).match(TOKEN) ?? []) {
    if (/^\s+$/.test(token)) {
      if (visible(line) && fits([...line, token])) line.push(token);
      continue;
    }
    if (fits([...line, token])) {
      line.push(token);
      continue;
    }
    // 避头点: the last piece of the full line moves down with the punctuation.
    if (NO_LINE_START.test(token) && visible(line)) {
      let cut = line.length - 1;
      while (cut > 0 && line[cut]!.trim() === '') cut--;
      if (cut > 0) {
        const moved = line.slice(cut);
        push(line.slice(0, cut));
        line = [...moved.filter((p) => p.trim() !== ''), token];
        continue;
      }
      line.push(token);
      continue;
    }
    if (visible(line)) push(line);
    line = [];
    // Only a piece wider than a whole line is cut, character by character.
    let rest = [...token];
    while (rest.length && measure(rest.join('')) > room()) {
      let n = 0;
      while (n < rest.length && measure(rest.slice(0, n + 1).join('')) <= room()) n++;
      n = Math.max(1, n);
      push([rest.slice(0, n).join('')]);
      rest = rest.slice(n);
    }
    if (rest.length) line = [rest.join('')];
  }
  if (visible(line) || out.length === 0) push(line);
  avoidOrphan(out, measure, room);
  return out.map((parts, i) => (i === 0 ? parts.join('') : parts.join('').trimStart()));
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
  // Only between Chinese characters: no space is lost or gained where the lines join.
  if (!HAN.test(last[0] ?? '')) return;
  for (let take = 1; take <= 3 && take < prev.length - 3; take++) {
    const moved = prev.slice(prev.length - take);
    if (!moved.every((p) => HAN.test(p))) return;
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
