import type { AuditPlan } from '../model/auditPlan.js';
import { LANGS, type Lang } from '../model/localized.js';
import { AUDIT_TEXT } from '../messages/audit.js';
import { readAuditPlan } from './auditReading.js';
import { each, esc, page } from './html/page.js';

/**
 * The checklist as one printable page in both languages (the report page's style, script and content policy:
 * the language button and print), laid out from the one reading of the plan.
 */
export function renderAuditHtml(plan: AuditPlan, lang: Lang, file: string): string {
  const body = each(LANGS, (l) => {
    const r = readAuditPlan(plan, l, file);
    const sep = l === 'en' ? ': ' : '：';
    return `<div data-l="${l}" lang="${l}">
<header class="top"><div class="wrap">
<h1>${esc(r.title)}</h1>
${each(r.header, ([k, v]) => `<p class="meta">${esc(k)}${esc(sep)}${esc(v)}</p>`)}
<p class="meta">${esc(r.repeat)}</p>
<p class="meta"><strong>${esc(r.rule)}</strong></p>
${r.records ? `<p class="meta">${esc(r.records)}</p>` : ''}
<div class="tools"><button type="button" data-act="lang" lang="${l === 'en' ? 'zh-CN' : 'en'}">${l === 'en' ? '中文' : 'English'}</button><button type="button" data-act="print">${l === 'en' ? 'Print' : '打印'}</button></div>
</div></header>
<main class="wrap">
<p>${esc(AUDIT_TEXT.intro[l])}</p>
${each(
  r.sections,
  (s) => `<section class="audit" id="${l}-${esc(s.id)}">
<h2>${esc(s.heading)}</h2>
<p>${esc(s.facts.map(([k, v]) => `${k}${sep}${v}`).join(' · '))}</p>
${each(s.notes, (n) => `<p class="meta">${esc(n)}</p>`)}
${
  s.items.length === 0
    ? ''
    : `<table class="plan"><thead><tr><th>#</th><th>${esc(r.columns.item)}</th><th>${esc(r.columns.checked)}</th><th>${esc(r.columns.conforming)}</th><th>${esc(r.columns.note)}</th></tr></thead>
<tbody>${each(s.items, (item, i) => `<tr><td>${i + 1}</td><td>${esc(item)}</td><td>□</td><td>□</td><td></td></tr>`)}
<tr><td></td><td>${esc(r.columns.total)}</td><td>____</td><td>____</td><td></td></tr></tbody></table>`
}
</section>`,
)}
</main></div>`;
  });
  return page({ lang, titles: { 'zh-CN': AUDIT_TEXT.title['zh-CN'], en: AUDIT_TEXT.title.en }, body }) + '\n';
}
