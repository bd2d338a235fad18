import industries from '../generated/industries.json' with { type: 'json' };
import type { IndustryProfile } from '../model/industry.js';

/** The bundled industry profiles (reference/industries/*.yaml, checked and compiled at build time). */
export const INDUSTRIES: readonly IndustryProfile[] = industries as unknown as IndustryProfile[];

/** Every name a profile answers to: its id, its names in both languages, its aliases. */
export function industryNames(p: IndustryProfile): string[] {
  return [p.id, p.name['zh-CN'], p.name.en, ...(p.aliases ?? [])];
}

/** The profile `company.industry` (or `--industry`) names, case-insensitively; undefined when none does. */
export function findIndustry(name: string, list: readonly IndustryProfile[] = INDUSTRIES): IndustryProfile | undefined {
  const key = name.trim().toLowerCase();
  return list.find((p) => industryNames(p).some((n) => n.toLowerCase() === key));
}
