// Line breaking costs work in proportion to the text (issue 19): a long unbreakable token was measured
// once per remainder and per prefix, quadratic in its length. Counting characters measured (not timing,
// which is flaky) holds the cost linear for random texts, and the lines still re-join to the input and fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, NO_LINE_START, type Measure } from '../../src/render/lineBreak.js';
import { displayWidth } from '../../src/shared/width.js';

const SEED = 20261124;

/** Pieces texts are made of: Latin and CJK, punctuation the rules treat specially, and long unbreakable runs. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('a', 'W', 'i', ' ', '  ', '华', '东', '，', '。', '（', '）', '【已找到】', '[ok]', '/', '-', 'docs/a.md', '售后服务'),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('A', '华', 'a/b?c=', 'Wi'), fc.integer({ min: 1, max: 3000 })).map(([u, n]) => u.repeat(n)) },
);
const text = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));

/** A measure that counts what it was given. `kern` makes widths not add up, as in a proportional font. */
function counting(kern: boolean): { measure: Measure; chars: () => number; calls: () => number } {
  let chars = 0;
  let calls = 0;
  const measure: Measure = (t) => {
    calls++;
    chars += t.length;
    if (!kern) return displayWidth(t);
    let w = 0;
    for (const c of t) w += c === 'W' ? 1.6 : c === 'i' ? 0.45 : displayWidth(c) * 1.04;
    return w - (t.match(/Wi/g)?.length ?? 0) * 0.2;
  };
  return { measure, chars: () => chars, calls: () => calls };
}

const HANGING = new RegExp(`(?:${NO_LINE_START.source.slice(1)})+$`, 'u');

/** The lines joined back as breakLines cut them: spaces at a break are dropped, nothing else is. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('line-breaking cost', () => {
  it('measures at most a constant times the characters of the text, and the lines re-join and fit', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 120 }), fc.boolean(), fc.constantFrom('', '  '), (s, width, kern, indent) => {
        const m = counting(kern);
        const lines = breakLines(s, width, m.measure, indent);
        const n = Math.max(1, [...s].length);
        // A line costs a few measures of about its own length; every line is at least a character.
        expect(m.chars()).toBeLessThanOrEqual(40 * n + 200);
        expect(m.calls()).toBeLessThanOrEqual(40 * n + 20);
        // Re-joined, the lines are the text once the hyphens the breaker added at cuts inside words (U+2010) are taken out.
        const rejoined = lines.map((l, i) => (i < lines.length - 1 && l.endsWith('\u2010') ? l.slice(0, -1) : l));
        expect(squeeze(rejoined.join(''))).toBe(squeeze(s));
        const plain = counting(kern).measure;
        lines.forEach((line, i) => {
          const room = i === 0 ? width : width - plain(indent);
          // Closing punctuation may hang past the edge rather than start the next line (避头点).
          const body = line.replace(HANGING, '');
          if ([...body].length > 1) expect(plain(body)).toBeLessThanOrEqual(room);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('grows linearly, not quadratically, with the length of one unbreakable token', () => {
    const cost = (n: number, unit: string) => {
      const m = counting(true);
      breakLines(unit.repeat(n), 80, m.measure);
      return m.chars() / n;
    };
    // The last: pieces that take no room between zero-width spaces, which keep a line near its edge.
    for (const unit of ['A', '华', 'a/b?c=d&', 'ab ', '华\u0301\ufeff']) {
      // Per character, a token a hundred times longer costs about as much (quadratic: a hundred times more).
      expect(cost(30_000, unit)).toBeLessThanOrEqual(2 * cost(300, unit) + 5);
    }
  });
});
