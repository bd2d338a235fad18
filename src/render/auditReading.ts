import { type AUDIT_TEXT, auditText, currentLine, itemLabel, populationSource, recordsLine, seedLine } from '../messages/audit.js';
import type { AuditPlan } from '../model/auditPlan.js';
import type { Lang } from '../model/localized.js';
import { safeText } from '../shared/safeText.js';

/** One criterion of the checklist as every human format lays it out: the same lines and items, in one order. */
export interface AuditSection {
  id: string;
  heading: string;
  facts: Array<[label: string, value: string]>;
  notes: string[];
  items: string[];
}

export interface AuditReading {
  title: string;
  header: Array<[label: string, value: string]>;
  rule: string;
  repeat: string;
  records: string | null;
  sections: AuditSection[];
  columns: { item: string; checked: string; conforming: string; note: string; total: string };
}

/**
 * The one reading of an AuditPlan in a language: terminal, HTML, PDF and the workbook sheet lay this out and
 * decide nothing. User text (company, file names, ids) is made safe here once, as one line each.
 */
export function readAuditPlan(plan: AuditPlan, lang: Lang, file: string): AuditReading {
  const t = (k: keyof typeof AUDIT_TEXT) => auditText(k, lang);
  const sections: AuditSection[] = plan.criteria.map((c) => {
    const notes: string[] = [];
    const current = currentLine(c, lang);
    if (current) notes.push(current);
    if (c.scoredFromData) notes.push(t('scoredFromData'));
    else notes.push(t('partialHint'));
    if (c.population.size === 0) notes.push(t('noItems'));
    return {
      id: c.id,
      heading: `${c.id} ${c.title[lang]}${lang === 'en' ? ` (${c.points} ${t('points')})` : `（${c.points} ${t('points')}）`}`,
      facts: [
        [t('samples'), c.sampling[lang]],
        [t('population'), safeText(populationSource(c, lang, plan.records !== null && !plan.records.read))],
        [t('sampleSize'), c.sampleSize === null ? '—' : String(c.sampleSize)],
      ],
      notes,
      items: c.items.map((item) => safeText(itemLabel(c, item, lang))),
    };
  });
  return {
    title: t('title'),
    header: [
      [t('company'), safeText(plan.company)],
      [t('date'), plan.assessmentDate],
      [t('evidence'), safeText(plan.evidenceFile.path)],
      [t('seed'), seedLine(plan, lang)],
    ],
    rule: `${t('ours')}${lang === 'en' ? ': ' : '：'}${plan.rule.label[lang]}`,
    repeat: `${t('repeat')}${lang === 'en' ? ': ' : '：'}aftersales-assess audit-plan ${safeText(file)} --seed ${plan.seed.value}`,
    records: (() => {
      const r = recordsLine(plan, lang);
      return r === null ? null : safeText(r);
    })(),
    sections,
    columns: { item: t('item'), checked: t('checked'), conforming: t('conforming'), note: t('note'), total: t('total') },
  };
}
