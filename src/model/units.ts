/** Points on a rubric's own scale (a criterion's, clause's or section's share of 100). */
export type Points = number;
/** A fraction in 0..1 (credit, sample conformance, a measured share). */
export type Ratio = number;
/** A score normalised to the 100-point scale of the standard. */
export type Score100 = number;
/** Working days of effort (an estimate; fractions allowed, e.g. 0.5). */
export type WorkingDays = number;
/** A calendar date written YYYY-MM-DD; compared as a string, never through the clock. */
export type IsoDate = string;

/** Rounds half away from zero at `decimals`, immune to binary artefacts such as 1.005. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * factor) / factor;
}
