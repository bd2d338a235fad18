import type { IndustryProfile } from '../../model/industry.js';
import type { Lang } from '../../model/localized.js';
import { UsageError } from '../../model/usage.js';
import { didYouMean } from '../../shared/didYouMean.js';
import { findIndustry, INDUSTRIES, industryNames } from '../../validate/industries.js';

/** `--industry NAME` of init and rubric: the profile, or a usage error (exit 2) with the nearest name. */
export function industryOption(name: string | undefined): IndustryProfile | undefined {
  if (name === undefined) return undefined;
  const found = findIndustry(name);
  if (found) return found;
  throw new UsageError('unknown-industry', { value: name, guess: didYouMean(name, INDUSTRIES.flatMap(industryNames)), known: INDUSTRIES.map((p) => p.id) });
}

/** `industry list`: each bundled profile, its names, how many criteria it speaks to, and its sources. */
export function industryList(lang: Lang): string {
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return (
    INDUSTRIES.map((p) => {
      const n = Object.keys(p.criteria).length;
      const names = [...new Set([p.name[lang], p.name[other], ...(p.aliases ?? [])])].join(', ');
      const count = lang === 'en' ? `${n} criteria` : `${n} 个评价项`;
      return `${p.id}  ${names}  (${count}; ${Object.values(p.sources)
        .map((s) => s.title)
        .join('; ')})`;
    }).join('\n') + '\n'
  );
}
