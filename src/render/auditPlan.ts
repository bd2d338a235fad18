import type { AuditPlan } from '../model/auditPlan.js';
import type { Lang } from '../model/localized.js';
import { safeJson } from '../shared/safeText.js';
import { displayWidth } from '../shared/width.js';
import { readAuditPlan } from './auditReading.js';

/** The JSON contract of `audit-plan` (schema/audit-plan.schema.json): the plan as built, no clock, no absolute paths. */
export function renderAuditJson(plan: AuditPlan): string {
  return safeJson(plan, undefined, 2) + '\n';
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** The checklist in a terminal (or a text file to print): one block per criterion, boxes to tick. */
export function renderAuditTerminal(plan: AuditPlan, lang: Lang, file: string): string {
  const r = readAuditPlan(plan, lang, file);
  const sep = lang === 'en' ? ': ' : '：';
  const L: string[] = [r.title, ''];
  for (const [k, v] of r.header) L.push(`${k}${sep}${v}`);
  L.push(r.repeat, r.rule);
  if (r.records) L.push(r.records);
  for (const s of r.sections) {
    L.push('', s.heading);
    L.push(`  ${s.facts.map(([k, v]) => `${k}${sep}${v}`).join(' · ')}`);
    for (const n of s.notes) L.push(`  ${n}`);
    if (s.items.length === 0) continue;
    const w = Math.max(displayWidth(r.columns.item), ...s.items.map(displayWidth));
    const nw = String(s.items.length).length;
    L.push(`  ${' '.repeat(nw)}  ${pad(r.columns.item, w)}  ${r.columns.checked}  ${r.columns.conforming}  ${r.columns.note}`);
    const cw = displayWidth(r.columns.checked);
    s.items.forEach((item, i) => {
      L.push(`  ${String(i + 1).padStart(nw)}  ${pad(item, w)}  ${pad('[ ]', cw)}  [ ]`);
    });
    L.push(`  ${r.columns.total}${sep}____ / ____`);
  }
  return L.join('\n') + '\n';
}
