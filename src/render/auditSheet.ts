import type { AuditPlan } from '../model/auditPlan.js';
import type { Lang } from '../model/localized.js';
import { auditText } from '../messages/audit.js';
import type { ExtraSheet } from '../workbook/writeWorkbook.js';
import { readAuditPlan } from './auditReading.js';

/**
 * The checklist as a sheet of the evidence workbook: per criterion its facts, one row per drawn item with
 * checked / conforming cells, and the totals to carry into 评价项's 抽样数 / 合格数 (the columns the next score reads).
 */
export function auditSheet(plan: AuditPlan, lang: Lang, file: string): ExtraSheet {
  const r = readAuditPlan(plan, lang, file);
  const sep = lang === 'en' ? ': ' : '：';
  const rows: ExtraSheet['rows'] = [{ kind: 'title', cells: [r.title] }];
  for (const [k, v] of r.header) rows.push({ kind: 'text', cells: [`${k}${sep}${v}`] });
  rows.push({ kind: 'text', cells: [r.repeat] }, { kind: 'text', cells: [r.rule] });
  if (r.records) rows.push({ kind: 'text', cells: [r.records] });
  rows.push({ kind: 'text', cells: [auditText('intro', lang)] });
  for (const s of r.sections) {
    rows.push({ kind: 'text', cells: [] }, { kind: 'heading', cells: [s.heading] });
    for (const [k, v] of s.facts) rows.push({ kind: 'text', cells: [`${k}${sep}${v}`] });
    for (const n of s.notes) rows.push({ kind: 'text', cells: [n] });
    if (s.items.length === 0) continue;
    rows.push({ kind: 'header', cells: ['#', r.columns.item, r.columns.checked, r.columns.conforming, r.columns.note] });
    s.items.forEach((item, i) => {
      rows.push({ kind: 'item', cells: [i + 1, item, null, null, null] });
    });
    rows.push({ kind: 'total', cells: [null, r.columns.total, null, null, null] });
  }
  return { name: auditText('sheet', lang), widths: [6, 48, 10, 10, 30], rows };
}
