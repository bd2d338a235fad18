// One precision for points in every human format (issue 20's "one report says one thing"): one decimal,
// half away from zero. Expected strings worked out by hand from that rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { points, signedPoints } from '../../src/messages/numbers.js';

describe('points()', () => {
  it('one decimal, half away from zero, whole numbers keep their .0', () => {
    expect(points(7)).toBe('7.0');
    expect(points(34.76)).toBe('34.8'); // 347.6 tenths → 348
    expect(points(3.19)).toBe('3.2');
    expect(points(1.15)).toBe('1.2'); // binary 1.15 × 10 = 11.4999…; the rule says 11.5 → 12
    expect(points(0.05)).toBe('0.1');
    expect(points(-2.25)).toBe('-2.3');
    expect(points(-0.04)).toBe('0.0'); // no "-0.0"
    expect(points(Number.NaN)).toBe('—');
  });
  it('signed changes: U+2212 minus, ±0 when nothing shows', () => {
    expect(signedPoints(3.19)).toBe('+3.2');
    expect(signedPoints(-6.4)).toBe('−6.4');
    expect(signedPoints(0.04)).toBe('±0');
    expect(signedPoints(0)).toBe('±0');
  });
  it('agrees with the value to within half a tenth (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (n) => {
        const shown = Number(points(n));
        expect(Math.abs(shown - n)).toBeLessThanOrEqual(0.05 + 1e-6);
        expect(points(n)).toMatch(/^-?\d+\.\d$/);
      }),
    );
  });
});
