import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import { LEVEL_IDS } from '../model/rubric.js';
import type { Thresholds } from '../model/thresholds.js';

const T = {
  minScore: { 'zh-CN': (v: number, min: number) => `得分 ${v} 低于要求的 ${min}`, en: (v: number, min: number) => `score ${v} is below the required ${min}` },
  minLevel: { 'zh-CN': (v: string, min: string) => `等级 ${v} 低于要求的 ${min}`, en: (v: string, min: string) => `level ${v} is below the required ${min}` },
  section: { 'zh-CN': (id: string, v: number, min: number) => `${id} 得分 ${v} 低于要求的 ${min}`, en: (id: string, v: number, min: number) => `${id} earned ${v}, below the required ${min}` },
  mustPass: { 'zh-CN': (id: string, o: string) => `必须符合的 ${id} 结果为 ${o}`, en: (id: string, o: string) => `must-pass criterion ${id} is ${o}` },
};

/** The thresholds a report misses, as messages; [] when it meets them all. Pure. */
export function checkThresholds(report: Report, t: Thresholds, lang: Lang): string[] {
  const out: string[] = [];
  if (t.minScore !== undefined && report.score.final < t.minScore) out.push(T.minScore[lang](report.score.final, t.minScore));
  if (t.minLevel !== undefined && LEVEL_IDS.indexOf(report.level.id) < LEVEL_IDS.indexOf(t.minLevel)) out.push(T.minLevel[lang](report.level.id, t.minLevel));
  const earned = new Map<string, number>();
  const criteria = new Map<string, string>();
  for (const s of report.sections) {
    earned.set(s.id, s.earned);
    for (const cl of s.clauses) {
      earned.set(cl.id, cl.earned);
      for (const c of cl.criteria) criteria.set(c.id, c.outcome);
    }
  }
  for (const [id, min] of [...Object.entries(t.sections ?? {}), ...Object.entries(t.clauses ?? {})]) {
    const v = earned.get(id) ?? 0;
    if (v < min) out.push(T.section[lang](id, v, min));
  }
  for (const id of t.mustPass ?? []) {
    const o = criteria.get(id) ?? 'not-assessed';
    if (o !== 'met' && o !== 'not-applicable') out.push(T.mustPass[lang](id, o));
  }
  return out;
}
