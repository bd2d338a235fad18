import industries from '../generated/industries.json' with { type: 'json' };
import type { IndustryProfile } from '../model/industry.js';

/** The bundled industry profiles (reference/industries/*.yaml, checked and compiled at build time). */
export const INDUSTRIES: readonly IndustryProfile[] = (industries as unknown as IndustryProfile[]).map(withCitations);

/**
 * Every `source` ("seed-004 第三章第一节": a key of the profile's sources, then where in it) as the reader of a
 * client's report can look it up: the document's title, then the place ("《智能家电售后服务预案》第三章第一节").
 * The keys stay in the profile files, where the build checks each one is declared.
 */
function withCitations(p: IndustryProfile): IndustryProfile {
  const cite = (source: string): string => {
    const [key = '', ...rest] = source.split(' ');
    const title = p.sources[key]?.title;
    return title ? `《${title}》${rest.join(' ')}` : source;
  };
  return {
    ...p,
    criteria: Object.fromEntries(Object.entries(p.criteria).map(([id, c]) => [id, { ...c, source: cite(c.source) }])),
    commitments: p.commitments.map((c) => ({ ...c, source: cite(c.source) })),
    kpis: p.kpis.map((k) => ({ ...k, source: cite(k.source) })),
  };
}

/** Every name a profile answers to: its id, its names in both languages, its aliases. */
export function industryNames(p: IndustryProfile): string[] {
  return [p.id, p.name['zh-CN'], p.name.en, ...(p.aliases ?? [])];
}

/** The profile `company.industry` (or `--industry`) names, case-insensitively; undefined when none does. */
export function findIndustry(name: string, list: readonly IndustryProfile[] = INDUSTRIES): IndustryProfile | undefined {
  const key = name.trim().toLowerCase();
  return list.find((p) => industryNames(p).some((n) => n.toLowerCase() === key));
}
