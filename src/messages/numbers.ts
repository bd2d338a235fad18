/**
 * Percentages for every renderer, one decimal; a missing value is a dash. The ratio is rounded half away
 * from zero first, so 0.3335 shows 33.4% in every place it appears. zh-CN and en write percentages the
 * same way ("12.3%", "-5.0%", "1,234.6%"); formatted by hand because constructing Intl.NumberFormat loads
 * ICU locale data, about 16 ms of every start (measured with --cpu-prof).
 */
export function percent(ratio: number | null | undefined, _lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const tenths = Math.round(Math.abs(ratio) * 1000);
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${ratio < 0 && tenths > 0 ? '-' : ''}${whole}.${tenths % 10}%`;
}

/**
 * Points and scores (100-point scale) for every human format: one decimal, half away from zero, so the
 * terminal, Markdown, PDF and HTML print the same figure for a clause (the JSON keeps the full value). The
 * product is rounded to six places first: 1.15 × 10 is 11.499999999999998 in binary, and shows 1.2 here.
 */
export function points(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const tenths = Math.round(Number((Math.abs(n) * 10).toFixed(6)));
  return `${n < 0 && tenths > 0 ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A change in points: "+1.2", "−1.2" (U+2212) or "±0" when it rounds to nothing. */
export function signedPoints(n: number): string {
  const s = points(Math.abs(n));
  if (s === '0.0' || s === '—') return '±0';
  return n > 0 ? `+${s}` : `−${s}`;
}

/** Hours (response, resolution, delays) in every human format: one decimal, a dash when not measured. */
export function hours(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : points(n);
}
