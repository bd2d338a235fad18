/**
 * Percentages for every renderer, one decimal, through Intl.NumberFormat (the locale's own sign and
 * grouping); a missing value is a dash. The ratio is rounded half away from zero first, so 0.3335
 * shows 33.4 % in every place it appears.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function percent(ratio: number | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  const rounded = (Math.sign(ratio) * Math.round(Math.abs(ratio) * 1000)) / 1000;
  return f.format(rounded);
}
