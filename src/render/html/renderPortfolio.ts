import { html, htmlTemplate } from '../../messages/html.js';
import { PDF } from '../../messages/pdf.js';
import { UI } from '../../messages/ui.js';
import { LANGS, type Lang } from '../../model/localized.js';
import type { EvidenceResult } from '../../model/report.js';
import type { ScoredFile } from '../scoredFile.js';
import { each, esc, page } from './page.js';
import { reportBody } from './renderHtml.js';

export interface PortfolioOptions {
  lang: Lang;
  /** Links of each file's cited evidence (see HtmlOptions.hrefFor). */
  hrefFor?: (file: number, e: EvidenceResult) => string | null;
  /** With --out-dir: where each company's own report was written, relative to the portfolio; else embedded. */
  reportHref?: (file: number) => string;
}

/**
 * One page for a batch: every company with its score, level, the points to the next level and its top gap,
 * sortable and filterable; each row opens that company's full report, embedded in the page (shown by the
 * address's #fragment) or written beside it.
 */
export function renderPortfolio(scored: readonly ScoredFile[], opts: PortfolioOptions): string {
  const titles = Object.fromEntries(LANGS.map((l) => [l, html('portfolioTitle', l)])) as Record<Lang, string>;
  const embedded = opts.reportHref
    ? ''
    : each(
        scored,
        (s, i) =>
          `<section class="company-report" id="r-${i + 1}" aria-label="${esc(s.report.company.name)}" hidden>\n${reportBody(s.report, {
            idPrefix: `r${i + 1}-`,
            backHref: '#',
            ...(opts.hrefFor ? { hrefFor: (e: EvidenceResult) => opts.hrefFor!(i, e) } : {}),
          })}</section>\n`,
      );
  // One <main> holds the list and the embedded reports: whichever is shown is the page's main content.
  const body = `<main>
<div id="portfolio">
${each(LANGS, (lang) => list(scored, lang, opts))}
</div>
${embedded}</main>`;
  return page({ lang: opts.lang, titles, body });
}

function list(scored: readonly ScoredFile[], lang: Lang, opts: PortfolioOptions): string {
  const rubrics = [...new Set(scored.map((s) => s.report.rubric.title[lang]))].join(' / ');
  const levels = scored[0]?.report.method.levels ?? [];
  // Sorted by number and aligned as a number are two things: the level sorts by rank but reads as words, left.
  const sortable = (key: string, label: string, numeric = false, alignRight = numeric) =>
    `<th scope="col" data-key="${key}" aria-sort="none"${numeric ? ' data-numeric' : ''}${alignRight ? ' class="num"' : ''}><button type="button" data-act="sort" title="${esc(html('sortBy', lang))}">${esc(label)}</button></th>`;
  const rows = scored.map((s, i) => {
    const r = s.report;
    const next = r.level.next;
    const gap = r.gaps[0];
    const target = opts.reportHref ? opts.reportHref(i) : `#r-${i + 1}`;
    const link = opts.reportHref
      ? `<a href="${esc(target)}" data-act="open" data-file="${esc(target)}">${esc(r.company.name)}</a>`
      : `<a href="${esc(target)}">${esc(r.company.name)}</a>`;
    return `<tr data-name="${esc(r.company.name)}" data-score="${r.score.final}" data-level="${r.method.levels.findIndex((l) => l.id === r.level.id)}" data-level-id="${r.level.id}" data-next="${next ? next.pointsNeeded : 0}" data-file="${esc(s.file)}">
<th scope="row">${link}</th><td data-label="${esc(html('file', lang))}"><code>${esc(s.file)}</code></td><td class="num" data-label="${esc(UI.score[lang])}"><strong>${r.score.final.toFixed(1)}</strong></td><td data-label="${esc(UI.level[lang])}">${esc(r.level.name[lang])}${r.level.stars ? ` <span role="img" aria-label="${r.level.stars} / 5 ★">${'★'.repeat(r.level.stars)}</span>` : ''}</td><td class="num" data-label="${esc(html('toNext', lang))}">${next ? `${next.pointsNeeded.toFixed(1)} → ${esc(next.name[lang])}` : esc(html('top', lang))}</td><td data-label="${esc(html('topGapCol', lang))}">${gap ? `<span class="id">${esc(gap.criterion)}</span> ${esc(gap.title[lang])} <span class="muted">+${gap.recoverable.toFixed(1)}</span>` : esc(html('noGap', lang))}</td>
</tr>`;
  });
  return `<div data-l="${lang}" lang="${lang}">
<header class="band"><div class="wrap">
<p class="kicker">${esc(PDF.docTitle[lang])}</p>
<h1>${esc(html('portfolioTitle', lang))}</h1>
<p class="meta">${esc(html('portfolioIntro', lang, { n: scored.length, rubric: rubrics }))}</p>
<div class="tools"><button type="button" data-act="lang" title="${esc(html('switchLabel', lang))}" lang="${lang === 'en' ? 'zh-CN' : 'en'}">${esc(html('switchTo', lang))}</button><button type="button" data-act="print">${esc(html('print', lang))}</button></div>
</div></header>
<div class="wrap">
<p class="note" role="note">${esc(PDF.disclaimer[lang])}</p>
<form class="filters" data-pf-form aria-label="${esc(html('filterPortfolio', lang))}">
<label>${esc(html('filterCompanies', lang))}<input type="search" data-pf="q" autocomplete="off"></label>
<label>${esc(html('levelFilter', lang))}<select data-pf="level"><option value="">${esc(html('all', lang))}</option>${each(levels, (l) => `<option value="${l.id}">${esc(l.name[lang])}</option>`)}</select></label>
<button type="reset">${esc(html('reset', lang))}</button>
</form>
<p class="count" role="status" aria-live="polite" data-template="${esc(htmlTemplate('companiesShown', lang))}">${esc(html('companiesShown', lang, { n: scored.length, total: scored.length }))}</p>
<div class="scroll"><table class="portfolio"><thead><tr>${sortable('name', html('company', lang))}${sortable('file', html('file', lang))}${sortable('score', UI.score[lang], true)}${sortable('level', UI.level[lang], true, false)}${sortable('next', html('toNext', lang), true)}<th scope="col">${esc(html('topGapCol', lang))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</div>
</div>
`;
}
