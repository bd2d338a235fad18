import { interpolate } from '../../shared/interpolate.js';
import { CAUSE_LABELS, sidesLabel } from '../../messages/changes.js';
import { DIMENSION_LABELS, GROUPING_LABELS, RECORD_TYPE_LABELS, dataRuleText, ds, followUpLines, metricLabel } from '../../messages/datasets.js';
import type { RecordsDigest } from '../../model/data.js';
import { findingMessage } from '../../messages/findings.js';
import { html, htmlTemplate } from '../../messages/html.js';
import { hours, percent, points, signedPoints } from '../../messages/numbers.js';
import { kpiRows, kpiText } from '../../messages/industryKpis.js';
import { PLANNING, planning } from '../../messages/planning.js';
import { CONFIDENCE, EVIDENCE_STATE, PDF, chapterHeading, noteText, sourceLabel } from '../../messages/pdf.js';
import { COLON, inParens, FIX_TAGS, OUTCOME_LABELS, UI, ui } from '../../messages/ui.js';
import { readReport, type Reading } from '../reading.js';
import { LANGS, type Lang } from '../../model/localized.js';
import type { CriterionResult, EvidenceResult, Report } from '../../model/report.js';
import type { IndustryKpis } from '../../model/data.js';
import { OUTCOMES, type Outcome } from '../../model/outcome.js';
import {
  allCriteria,
  bonusLines,
  deductionsUnder,
  disagreements,
  evidenceIndex,
  expiringEvidence,
  methodRules,
  shownFindings,
  specialDeductions,
} from '../reportFacts.js';
import { each, esc, page } from './page.js';
import type { ReportDocument } from '../../model/document.js';

export interface HtmlOptions {
  /**
   * Where a cited evidence item links to, relative to the report's folder (the CLI works it out from
   * --out and the evidence file); null for no link. URLs link only when they are http(s).
   */
  hrefFor?: (e: EvidenceResult) => string | null;
  /** Prefix of every id in the page, so that several reports can share one page (the portfolio). */
  idPrefix?: string;
  /** A link back to the portfolio, shown in the header of an embedded report. */
  backHref?: string;
  /** The document the report is issued as: number, version, draft or final, the consultant's brand. */
  document?: ReportDocument;
}

type Key = keyof typeof PDF | keyof typeof UI;
const LABELS = { ...UI, ...PDF };
/** Clauses below this share of their points are marked (as in the PDF's overview). */
const LOW_RATIO = 0.7;
const OUTCOME_MARK: Record<Outcome, string> = { met: '✓', partial: '◐', 'not-met': '✗', 'not-applicable': '–', 'not-assessed': '○', unsupported: '?' };

/** One precision per kind of figure, as in the PDF: points and scores to one decimal. */
const fmt = points;

/** A bar for a ratio beside its figure (decorative: the figure is in the cell next to it). */
function bar(ratio: number | null): string {
  return `<span class="bar" aria-hidden="true"><span style="width:${(Math.min(1, Math.max(0, ratio ?? 0)) * 100).toFixed(1)}%"></span></span>`;
}

/** One more renderer of the Report: a single self-contained page with both languages (see page.ts). */
export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const titles = Object.fromEntries(LANGS.map((l) => [l, `${PDF.docTitle[l]} — ${report.company.name}`])) as Record<Lang, string>;
  return page({ lang: report.lang, titles, body: reportBody(report, opts) });
}

/** Both language copies of a report (for a page of its own, or embedded in the portfolio). */
export function reportBody(report: Report, opts: HtmlOptions = {}): string {
  return each(LANGS, (lang) => new Writer(report, lang, opts).document());
}

class Writer {
  private chapter = 0;
  private readonly p: string;
  private readonly reading: Reading;
  constructor(
    private readonly r: Report,
    private readonly lang: Lang,
    private readonly opts: HtmlOptions,
  ) {
    this.p = `${opts.idPrefix ?? ''}${lang === 'en' ? 'en' : 'zh'}-`;
    this.reading = readReport(r, lang);
  }

  private t(k: Key, vars: Record<string, string | number> = {}): string {
    return interpolate(LABELS[k][this.lang], vars);
  }
  private h(k: Parameters<typeof html>[0], vars: Record<string, string | number> = {}): string {
    return html(k, this.lang, vars);
  }
  /** A numbered chapter heading, numbered as written so that an optional chapter keeps the order. */
  private chapterHead(id: string, k: Key): string {
    this.chapter++;
    return `<h2 id="${this.p}${id}">${esc(chapterHeading(this.chapter, this.t(k), this.lang))}</h2>`;
  }

  document(): string {
    const r = this.r;
    const lang = this.lang;
    const meta = [
      `${this.t('date')} ${r.comparison?.kind === 'as-of' ? `${r.comparison.diff.base.label} · ${this.t('projection')} ${r.comparison.diff.head.label}` : r.assessmentDate}`,
      r.assessor ? `${this.t('assessor')} ${r.assessor}` : null,
      r.rubric.origin === 'bundled'
        ? this.t('rubricBundled', { standard: r.rubric.standard })
        : this.t('rubricCustom', { standard: r.rubric.standard, version: r.rubric.version }),
    ].filter(Boolean) as string[];
    const d = this.opts.document;
    const issued = d
      ? `${this.t('reportNumber')} ${d.number} · ${this.t('reportVersion')} ${d.version} · ${d.final ? this.t('statusFinal') : this.t('draftMark')}`
      : null;
    const logo = d?.brand?.logo
      ? `<img class="logo" alt="" src="data:image/${d.brand.logo.format};base64,${Buffer.from(d.brand.logo.bytes).toString('base64')}">`
      : '';
    const sections = [
      this.summary(),
      this.overview(),
      this.detail(),
      this.plan(),
      this.evidence(),
      r.datasets.length > 0 ? this.data() : '',
      this.method(),
      d ? this.signOff(d) : '',
      this.colophon(),
    ].join('\n');
    // Embedded in the portfolio, the report is a region of that page: one <main> per page.
    const main = this.opts.idPrefix ? 'div' : 'main';
    return `<div data-l="${lang}" lang="${lang}">
<header class="band"><a class="skip" href="#${this.p}detail">${esc(this.h('skip'))}</a><div class="wrap">
${logo}<p class="kicker">${esc(this.t('docTitle'))}${d?.brand ? ` · ${esc(`${this.t('preparedBy')}${COLON[lang]}${d.brand.firm[lang]}`)}` : ''}</p>
<h1>${esc(r.company.name)}</h1>
<p class="meta">${esc(meta.join(' · '))}</p>
${issued ? `<p class="meta" data-document>${esc(issued)}</p>` : ''}
<div class="tools">${this.opts.backHref ? `<a class="back" href="${esc(this.opts.backHref)}">← ${esc(this.h('back'))}</a>` : ''}<button type="button" data-act="lang" title="${esc(this.h('switchLabel'))}" lang="${lang === 'en' ? 'zh-CN' : 'en'}">${esc(this.h('switchTo'))}</button><button type="button" data-act="print">${esc(this.h('print'))}</button></div>
</div></header>
<${main} class="wrap">
${d && !d.final ? `<p class="draft" role="note"><strong>${esc(this.t('draftMark'))}</strong> ${esc(this.t('draftNote'))}</p>` : ''}
<p class="note" role="note">${esc(this.t('disclaimer'))}</p>
${sections}
</${main}>
</div>
`;
  }

  /** Who prepared, reviewed and approved the report: blank lines to sign on the printout. */
  private signOff(d: ReportDocument): string {
    const row = (role: Key, name: string) =>
      `<tr><th scope="row">${esc(this.t(role))}</th><td>${esc(name)}</td><td class="sign"></td><td class="sign"></td></tr>`;
    return `<section aria-labelledby="${this.p}signoff" class="signoff">
<h2 id="${this.p}signoff">${esc(this.t('signOff'))}</h2>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('role'))}</th><th scope="col">${esc(this.t('signName'))}</th><th scope="col">${esc(this.t('signature'))}</th><th scope="col">${esc(this.t('signDate'))}</th></tr></thead>
<tbody>${row('rolePrepared', d.brand?.consultant ?? '')}${row('roleReviewed', '')}${row('roleApproved', '')}</tbody></table></div>
<p class="muted">${esc(this.t('signOffNote'))}</p>
${d.brand?.contact ? `<p class="muted">${esc(`${this.t('contact')}${COLON[this.lang]}${d.brand.contact}`)}</p>` : ''}
</section>`;
  }

  /** What identifies the run (tool, rubric and evidence digests, data files): one place, at the end, folded. */
  private colophon(): string {
    const r = this.r;
    const lang = this.lang;
    const rows: Array<[string, string]> = [
      [this.t('colophonTool'), `${r.tool.name} ${r.tool.version}`],
      [this.t('colophonRubric'), this.t('rubricEdition', { title: r.rubric.title[lang], version: r.rubric.version })],
      [this.t('colophonRubricSha'), r.rubric.sha256],
      ...(r.evidenceFile
        ? ([
            [this.t('colophonEvidence'), r.evidenceFile.path],
            [this.t('colophonEvidenceSha'), r.evidenceFile.sha256],
          ] as Array<[string, string]>)
        : []),
      ...r.datasets.map((x): [string, string] => [
        this.t('colophonDataset'),
        this.t('colophonDatasetValue', { file: x.file, valid: x.valid, rows: x.rows, sha: x.sha256 }),
      ]),
    ];
    return `<footer class="colophon"><details><summary>${esc(this.t('colophonChapter'))}</summary><p>${esc(this.t('colophonIntro'))}</p>
<table>${each(rows, ([k, v]) => `<tr><th scope="row">${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`)}</table></details></footer>`;
  }

  private summary(): string {
    const r = this.r;
    const lang = this.lang;
    const nextText = this.reading.nextLevelLine;
    const c = r.counts;
    const deductions = specialDeductions(r);
    const bonus = bonusLines(r, lang);
    const expiring = expiringEvidence(r).map((x) => this.t('expiringItem', x));
    const disagree = disagreements(r, lang);
    const stars =
      r.level.stars > 0
        ? `<span class="stars" role="img" aria-label="${r.level.stars} / 5 ★">${'★'.repeat(r.level.stars)}${'☆'.repeat(5 - r.level.stars)}</span>`
        : '';
    return `<section aria-labelledby="${this.p}summary">
${this.chapterHead('summary', 'summaryChapter')}
<div class="scorecard">
<div><span class="label">${esc(this.t('finalScore'))}</span><span class="big" data-score>${r.score.final.toFixed(1)}</span> <span class="muted">/ 100</span></div>
<div><span class="label">${esc(this.t('level'))}</span><span class="level${r.level.id === 'fail' ? ' fail' : ''}" data-level>${esc(r.level.name[lang])}</span><br>${stars}</div>
<div><span class="label">${esc(this.t('nextLevelTitle'))}</span>${esc(nextText)}</div>
</div>
<p class="arith">${each(this.reading.arithmetic, (x) => `<span>${esc(x)}</span>`)}</p>
${this.reading.reachNext ? `<p class="path">${esc(this.reading.reachNext)}</p>` : ''}
${each(this.reading.decisionLines, (line) => `<p class="path">${esc(line)}</p>`)}
${each(this.reading.caveats, (c) => `<p class="note" role="note">※ ${esc(c)}</p>`)}
<p class="muted">${esc(this.t('counts', { met: c.met, partial: c.partial, notMet: c['not-met'], notAssessed: c['not-assessed'], na: c['not-applicable'] }))}</p>
<p class="${deductions.length ? 'alert' : 'muted'}">${esc(`${this.t('deductionsLine')}${inParens(deductions.length, this.lang)}${COLON[this.lang]}${deductions.length ? deductions.map((d) => `${d.clause} ${d.reason}`).join('；') : this.t('none')}`)}</p>
<p class="muted">${esc(`${this.t('bonusLine')}${COLON[this.lang]}${bonus.length ? bonus.join('；') : this.t('none')}`)}</p>
${expiring.length ? `<p class="alert">${esc(this.t('expiringLine', { list: expiring.join(ui('clauseSep', lang)) }))}</p>` : ''}
${disagree.length ? `<p class="alert">${esc(this.t('disagreeLine', { n: disagree.length }))}</p><ul class="plain alert">${each(disagree, (d) => `<li>${esc(d.id ? this.t('disagreeItem', { id: d.id, title: d.title ?? '', text: d.text }) : d.text)}</li>`)}</ul>` : ''}
<h3>${esc(this.t('sectionsChart'))}</h3>
${this.sectionChart()}
<h3>${esc(this.h('clausesChart'))}</h3>
${this.clauseChart()}
${r.datasets.length ? this.dataMetrics() : ''}
${r.comparison ? this.comparison() : ''}
<h3>${esc(this.t('topActions'))}</h3>
${
  this.reading.actions.length === 0
    ? `<p>${esc(this.t('noGaps'))}</p>`
    : `<ul class="top">${each(this.reading.summaryActions, (a) => {
        const reasons = a.reasons.join('；');
        // Numbered as the action plan numbers them: "!" for a special deduction, the gap's rank otherwise.
        return `<li><strong${a.kind === 'deduction' ? ' class="s-bad"' : ''}>${a.kind === 'gap' ? `${a.rank}.` : '!'} ${esc(a.label)}</strong> <span class="badge o-partial">+${fmt(a.recoverable)}</span>${reasons ? `<br><span class="muted">${esc(reasons)}</span>` : ''}<br>${esc(`${this.t('action')}${COLON[this.lang]}${a.action}`)}</li>`;
      })}</ul>`
}
</section>`;
  }

  /** Bars as long as each section's points, filled with what was earned; excluded points hatched. */
  private sectionChart(): string {
    const r = this.r;
    const lang = this.lang;
    const max = Math.max(...r.sections.map((s) => s.points));
    const labelW = 230;
    const barW = 380;
    const rowH = 34;
    const hatch = `${this.p}hatch`;
    const rows = r.sections.map((s, i) => {
      const y = i * rowH + 6;
      const full = (s.points / max) * barW;
      const applicable = (s.applicablePoints / max) * barW;
      const earned = (s.earned / max) * barW;
      return `<g><text x="0" y="${y + 15}">${esc(`${s.id} ${s.title[lang]}`)}</text>
<rect x="${labelW}" y="${y}" width="${full.toFixed(1)}" height="20" fill="#d0d7de"/>
${applicable < full ? `<rect x="${(labelW + applicable).toFixed(1)}" y="${y}" width="${(full - applicable).toFixed(1)}" height="20" fill="url(#${hatch})"/>` : ''}
<rect x="${labelW}" y="${y}" width="${earned.toFixed(1)}" height="20" fill="#0b4f8a"/>
<text class="val" x="${(labelW + full + 8).toFixed(1)}" y="${y + 15}">${fmt(s.earned)} / ${s.applicablePoints}</text></g>`;
    });
    const label = r.sections.map((s) => `${s.id} ${s.title[lang]} ${fmt(s.earned)} / ${s.applicablePoints}`).join('; ');
    const excluded = r.sections.some((s) => s.applicablePoints < s.points);
    return `<svg class="chart" viewBox="0 0 ${labelW + barW + 130} ${r.sections.length * rowH + 8}" role="img" aria-label="${esc(`${this.t('sectionsChart')}${COLON[this.lang]}${label}`)}">
<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="#8c959f"/></pattern></defs>
${rows.join('\n')}
</svg>
<p class="legend"><span><i class="earned"></i>${esc(this.t('legendEarned'))}</span><span><i class="lost"></i>${esc(this.t('legendLost'))}</span>${excluded ? `<span><i class="excluded"></i>${esc(this.t('legendExcluded'))}</span>` : ''}</p>`;
  }

  /** Each clause's share of its applicable points, on one 0–100% scale so the clauses compare. */
  private clauseChart(): string {
    const clauses = this.r.sections.flatMap((s) => s.clauses);
    const labelW = 70;
    const barW = 520;
    const rowH = 22;
    // Below 70 %: red and striped, so a grey printout still tells them apart.
    const low = `${this.p}low`;
    const rows = clauses.map((c, i) => {
      const y = i * rowH + 4;
      const w = (c.ratio ?? 0) * barW;
      return `<g><text x="0" y="${y + 13}">${esc(c.id)}</text><rect x="${labelW}" y="${y}" width="${barW}" height="15" fill="#d0d7de"/>${c.ratio === null ? '' : `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="15" fill="${c.ratio < LOW_RATIO ? `url(#${low})` : '#0b4f8a'}"/>`}<text class="val" x="${labelW + barW + 8}" y="${y + 13}">${percent(c.ratio)}</text></g>`;
    });
    const label = clauses.map((c) => `${c.id} ${percent(c.ratio)}`).join('; ');
    return `<svg class="chart" viewBox="0 0 ${labelW + barW + 100} ${clauses.length * rowH + 6}" role="img" aria-label="${esc(`${this.h('clausesChart')}${COLON[this.lang]}${label}`)}">
<defs><pattern id="${low}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#a40e26"/><rect width="2" height="6" fill="#ffffff"/></pattern></defs>
${rows.join('\n')}
</svg>`;
  }

  private dataMetrics(): string {
    const lang = this.lang;
    return `<h3>${esc(this.t('dataMetrics'))}</h3>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('source'))}</th><th scope="col">${esc(this.t('metric'))}</th><th scope="col" class="num">${esc(this.t('value'))}</th></tr></thead><tbody>
${each(this.r.datasets, (d) =>
  each(
    Object.entries(d.metrics),
    ([id, m]) =>
      `<tr><td>${esc(this.t('datasetRows', { title: this.t(d.digest.kind === 'survey' ? 'surveyTitle' : 'recordsTitle'), valid: d.valid, rows: d.rows }))}</td><td>${esc(metricLabel(id, lang))}</td><td class="num"><strong>${esc(`${percent(m.value)}${inParens(`${this.t('sampleCol')} ${m.n}`, lang)}`)}</strong></td></tr>`,
  ),
)}
</tbody></table></div>`;
  }

  private comparison(): string {
    const d = this.r.comparison!.diff;
    const lang = this.lang;
    return `<h3>${esc(`${this.t('comparison')}${COLON[this.lang]}${sidesLabel(d, this.lang)}`)}</h3>
<p><strong>${esc(`${d.base.final} → ${d.head.final} (${d.scoreDelta > 0 ? '+' : ''}${d.scoreDelta}), ${d.base.levelName[lang]} → ${d.head.levelName[lang]}`)}</strong></p>
${
  d.criteria.length
    ? `<div class="scroll"><table><thead><tr><th scope="col" class="num">Δ</th><th scope="col">${esc(this.t('criterion'))}</th><th scope="col">${esc(this.t('reason'))}</th></tr></thead><tbody>
${each(
  d.criteria,
  (ch) =>
    `<tr><td class="num ${ch.delta < 0 ? 's-bad' : 's-ok'}">${signedPoints(ch.delta)}</td><td><span class="id">${esc(ch.id)}</span> ${esc(ch.title[lang])}</td><td>${esc(ch.causes.map((x) => CAUSE_LABELS[x][lang]).join(ui('listSep', lang)))}${ch.refs.length ? `: ${esc(ch.refs.join(', '))}` : ''}</td></tr>`,
)}
</tbody></table></div>`
    : ''
}`;
  }

  private overview(): string {
    // The standard's points, what was excluded of them, and what was earned of the rest (reading.overview).
    const rows = this.reading.overview.map((o) =>
      o.kind === 'section'
        ? `<tr class="group"><th scope="row" class="id">${esc(o.id)}</th><td>${esc(o.title)}</td><td class="num">${o.points}</td><td class="num">${o.excluded > 0 ? o.excluded : ''}</td><td class="num">${o.earned === null ? '—' : fmt(o.earned)}</td><td class="num">${percent(o.ratio)}</td><td>${bar(o.ratio)}</td></tr>`
        : `<tr data-overview-clause="${esc(o.id)}"><th scope="row" class="id">${esc(o.id)}</th><td>${esc(o.title)}</td><td class="num">${o.points}</td><td class="num">${o.excluded > 0 ? o.excluded : ''}</td><td class="num">${o.earned === null ? '—' : fmt(o.earned)}</td><td class="num${o.ratio !== null && o.ratio < LOW_RATIO ? ' s-bad' : ''}">${percent(o.ratio)}</td><td>${bar(o.ratio)}</td></tr>`,
    );
    return `<section aria-labelledby="${this.p}overview">
${this.chapterHead('overview', 'overview')}
<div class="scroll"><table class="overview"><thead><tr><th scope="col">${esc(this.t('clause'))}</th><th scope="col">${esc(this.t('name'))}</th><th scope="col" class="num">${esc(this.t('points'))}</th><th scope="col" class="num">${esc(this.t('excludedCol'))}</th><th scope="col" class="num">${esc(this.t('earned'))}</th><th scope="col" class="num">${esc(this.t('percent'))}</th><th scope="col"><span class="skip">${esc(this.t('percent'))}</span></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
  }

  private detail(): string {
    const r = this.r;
    const lang = this.lang;
    const total = allCriteria(r).length;
    const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
    const outcomes = OUTCOMES.filter((o) => r.counts[o] > 0);
    const form = `<form class="filters" aria-label="${esc(this.h('filters'))}">
<label>${esc(this.h('outcomeFilter'))}<select data-filter="outcome">${option('', this.h('all'))}${option('gaps', this.t('lostPoints'))}${each(outcomes, (o) => option(o, `${OUTCOME_LABELS[o][lang]} (${r.counts[o]})`))}</select></label>
<label>${esc(this.h('sectionFilter'))}<select data-filter="section">${option('', this.h('all'))}${each(r.sections, (s) => option(s.id, `${s.id} ${s.title[lang]}`))}</select></label>
<label>${esc(this.h('clauseFilter'))}<select data-filter="clause">${option('', this.h('all'))}${each(
      r.sections.flatMap((s) => s.clauses),
      (c) => option(c.id, `${c.id} ${c.title[lang]}`),
    )}</select></label>
<label>${esc(this.h('search'))}<input type="search" data-filter="q" autocomplete="off"></label>
<button type="reset">${esc(this.h('reset'))}</button>
<button type="button" data-act="expand-all">${esc(this.h('expandAll'))}</button>
<button type="button" data-act="collapse-all">${esc(this.h('collapseAll'))}</button>
</form>
<p class="count" role="status" aria-live="polite" data-template="${esc(htmlTemplate('shown', lang))}">${esc(this.h('shown', { n: total, total }))}</p>`;
    const sections = r.sections.map((s) => {
      const clauses = s.clauses.map((cl) => {
        const body = `${this.p}c-${cl.id.replace(/\W/g, '_')}`;
        const head = `${cl.id} ${cl.title[lang]}`;
        const pts = `${fmt(cl.earned)} / ${cl.applicablePoints}${cl.applicablePoints !== cl.points ? this.t('excludedNote', { points: cl.points - cl.applicablePoints }) : ''}`;
        const deductions = deductionsUnder(r, cl.id);
        return `<section class="clause" data-clause-block="${esc(cl.id)}">
<h4><button type="button" data-act="toggle" aria-expanded="false" aria-controls="${body}"><span class="chev" aria-hidden="true">▸</span><span>${esc(head)}</span><span class="pts">${esc(pts)}</span></button></h4>
<div class="body collapsed" id="${body}">
${each(deductions, (d) => `<p class="deduction">! ${esc(`${this.t('deductionRow', { clause: d.clause })}${COLON[this.lang]}${d.reason}${inParens(`−${r.method.specialDeductionPoints}`, this.lang)}`)}</p>`)}
<div class="scroll"><table class="criteria"><thead><tr><th scope="col">${esc(this.t('criterion'))}</th><th scope="col">${esc(this.t('outcome'))}</th><th scope="col" class="num">${esc(this.t('earned'))}</th><th scope="col">${esc(this.t('notes'))}</th></tr></thead><tbody>
${each(cl.criteria, (c) => this.criterionRow(c, s.id, cl.id))}
</tbody></table></div>
</div>
</section>`;
      });
      // A heading per section, hidden with its clauses when a filter leaves none of them.
      return `<div data-section-block="${esc(s.id)}">
<h3>${esc(`${s.id} ${s.title[lang]}`)} <span class="muted">${esc(`${fmt(s.earned)} / ${s.applicablePoints}`)}</span></h3>
${clauses.join('\n')}
</div>`;
    });
    return `<section aria-labelledby="${this.p}detail" data-criteria>
${this.chapterHead('detail', 'detail')}
${form}
${sections.join('\n')}
</section>`;
  }

  private criterionRow(c: CriterionResult, section: string, clause: string): string {
    const lang = this.lang;
    const lost = c.applicable && c.earned < c.points;
    const notes: string[] = [];
    if (c.note) notes.push(`<p>${esc(`${this.t('remark')}${COLON[this.lang]}${c.note}`)}</p>`);
    const findings = shownFindings(c);
    const extra = this.reading.notesFor.get(c.id) ?? [];
    if (findings.length || extra.length)
      notes.push(`<ul>${each(findings, (f) => `<li>${esc(findingMessage(f, lang))}</li>`)}${each(extra, (x) => `<li>${esc(x)}</li>`)}</ul>`);
    if (c.evidence.length === 0 && c.outcome !== 'not-applicable')
      notes.push(`<p class="muted">${esc(`${this.t('evidence')}${COLON[this.lang]}${this.t('noEvidence')}`)}</p>`);
    if (c.evidence.length)
      notes.push(`<ul class="evidence">${each(c.evidence, (e) => `<li>${esc(this.t('evidence'))}${COLON[this.lang]}${this.evidenceItem(e)}</li>`)}</ul>`);
    if (lost) notes.push(`<p><strong>${esc(this.t('action') + COLON[lang].trimEnd())}</strong> ${esc(this.reading.actionFor.get(c.id) ?? c.action[lang])}</p>`);
    if (lost && (c.owner || c.due)) notes.push(`<p class="muted">${esc(this.t('ownerDue', { owner: c.owner ?? '—', due: c.due ?? '—' }))}</p>`);
    return `<tr data-outcome="${c.outcome}" data-section="${esc(section)}" data-clause="${esc(clause)}"${lost ? ' data-lost' : ''}><th scope="row"><span class="id">${esc(c.id)}</span><br>${esc(c.title[lang])}</th><td>${this.outcomeBadge(c.outcome)}</td><td class="num">${c.applicable ? `${fmt(c.earned)} / ${c.points}` : '—'}</td><td class="notes">${notes.join('')}</td></tr>`;
  }

  private outcomeBadge(o: Outcome): string {
    return `<span class="badge o-${o}">${OUTCOME_MARK[o]} ${esc(OUTCOME_LABELS[o][this.lang])}</span>`;
  }

  private evidenceItem(e: EvidenceResult): string {
    const dates = [e.date, e.expires ? `→ ${e.expires}` : null].filter(Boolean).join(' ');
    const href = this.href(e);
    const ref = href ? `<a href="${esc(href)}"${e.kind === 'url' ? ' rel="noopener noreferrer" target="_blank"' : ''}>${esc(e.ref)}</a>` : esc(e.ref);
    return `${e.title ? `${esc(e.title)} — ` : ''}${ref}${dates ? ` (${esc(dates)})` : ''} <span class="${e.counts ? 's-ok' : 's-bad'}">[${esc(EVIDENCE_STATE[e.state][this.lang])}]</span>`;
  }

  private href(e: EvidenceResult): string | null {
    if (e.kind === 'url') return /^https?:\/\//i.test(e.ref) ? e.ref : null;
    return this.opts.hrefFor?.(e) ?? null;
  }

  private plan(): string {
    const lang = this.lang;
    const rows = this.reading.actions;
    const body =
      rows.length === 0
        ? `<p>${esc(this.t('noGaps'))}</p>`
        : `<div class="scroll"><table class="plan"><thead><tr><th scope="col" class="num">#</th><th scope="col">${esc(this.t('criterion'))}</th><th scope="col" class="num">${esc(this.t('recoverableCol'))}</th><th scope="col" class="num">${esc(this.t('runningCol'))}</th><th scope="col">${esc(this.t('reason'))}</th><th scope="col">${esc(this.t('action'))}</th></tr></thead><tbody>
${each(rows, (a) => {
  // Each cell carries its column's name, so that on a phone (no header row) a row reads as a labelled card.
  const l = (k: Key) => ` data-label="${esc(this.t(k))}"`;
  return a.kind === 'deduction'
    ? `<tr><td class="num s-bad rank">!</td><td class="what"><strong>${esc(a.label)}</strong><br><span class="badge o-not-met">${esc(FIX_TAGS.practice[lang])}</span></td><td class="num"${l('recoverableCol')}><strong>+${fmt(a.recoverable)}</strong></td><td class="num"${l('runningCol')}>${a.afterText}</td><td${l('reason')}>${each(a.reasons, (x) => `<p>${esc(x)}</p>`)}</td><td${l('action')}>${esc(a.action)}</td></tr>`
    : `<tr><td class="num rank">${a.rank}</td><td class="what"><span class="id">${esc(a.gap.criterion)}</span> ${esc(a.gap.title[lang])}<br><span class="badge o-not-assessed">${esc(FIX_TAGS[a.gap.fix][lang])}</span></td><td class="num"${l('recoverableCol')}><strong>+${fmt(a.recoverable)}</strong></td><td class="num"${l('runningCol')}>${a.afterText}</td><td${l('reason')}>${each(a.reasons, (x) => `<p>${esc(x)}</p>`)}</td><td${l('action')}>${esc(a.action)}${a.expects ? `<br><span class="expects">${esc(a.expects)}</span>` : ''}<br><span class="muted">${esc(a.ownerDue)}</span></td></tr>`;
})}
</tbody></table></div>`;
    return `<section aria-labelledby="${this.p}plan">
${this.chapterHead('plan', 'plan')}
${body}
${this.pathTables()}
</section>`;
  }

  /** The least-effort set for each level above the current one, action by action (every figure from the reading). */
  private pathTables(): string {
    const tables = this.reading.pathTables;
    if (tables.length === 0) return '';
    const lang = this.lang;
    const p = (k: Parameters<typeof planning>[0]) => esc(planning(k, lang));
    return `<h3>${p('tablesTitle')}</h3>
<p class="muted">${p('tablesIntro')}</p>
${each(tables, (t) =>
  t.reachable
    ? `<h4>${esc(t.heading)}</h4>
<div class="scroll"><table class="paths"><thead><tr><th scope="col" class="num">#</th><th scope="col">${esc(this.t('criterion'))}</th><th scope="col" class="num">${p('colRecovered')}</th><th scope="col" class="num">${p('colEffort')}</th><th scope="col">${p('colSource')}</th><th scope="col" class="num">${p('colAfter')}</th></tr></thead><tbody>
${each(t.rows, (row, i) => `<tr><td class="num">${i + 1}</td><td><span class="id">${esc(row.criterion)}</span> ${esc(row.title)}</td><td class="num">+${fmt(row.recoverable)}</td><td class="num">${esc(String(row.days))}</td><td class="muted">${esc(row.source)}</td><td class="num">${esc(row.afterText)}</td></tr>`)}
</tbody><tfoot><tr><td colspan="6"><strong>${esc(t.total ?? '')}</strong></td></tr></tfoot></table></div>`
    : `<h4>${esc(t.heading)}</h4>
<p class="s-bad">${p('tableBlocked')}${esc(t.blockers.join(PLANNING.blockerJoin[lang]))}</p>`,
)}`;
  }

  private evidence(): string {
    const index = evidenceIndex(this.r);
    const lang = this.lang;
    const body =
      index.length === 0
        ? `<p>${esc(this.t('noItems'))}</p>`
        : `<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('evidence'))}</th><th scope="col">${esc(this.t('itemDate'))}</th><th scope="col">${esc(this.t('expires'))}</th><th scope="col">${esc(this.t('status'))}</th><th scope="col">${esc(this.t('reviewedCol'))}</th><th scope="col">${esc(this.t('citedBy'))}</th></tr></thead><tbody>
${each(index, ({ e, by }) => {
  const href = this.href(e);
  return `<tr><td>${e.title ? `${esc(e.title)}<br>` : ''}${href ? `<a href="${esc(href)}"${e.kind === 'url' ? ' rel="noopener noreferrer" target="_blank"' : ''}>${esc(e.ref)}</a>` : esc(e.ref)}</td><td class="id">${esc(e.date ?? '—')}</td><td class="id">${esc(e.expires ?? '—')}</td><td class="${e.counts ? 's-ok' : 's-bad'}">${esc(EVIDENCE_STATE[e.state][lang])}</td><td class="${e.reviewed ? 's-ok' : 'muted'}">${esc(e.reviewed ? this.t('reviewedYes') : this.t('reviewedNo'))}</td><td>${esc(by.join(ui('listSep', lang)))}</td></tr>`;
})}
</tbody></table></div>
<p class="muted">${esc(this.t('reviewedLegend'))}</p>`;
    return `<section aria-labelledby="${this.p}evidence">
${this.chapterHead('evidence', 'evidenceIndex')}
${body}
</section>`;
  }

  /** The industry profile's KPIs from the records: result, breakdown or what is missing, source. */
  private industryKpis(k: IndustryKpis): string {
    const lang = this.lang;
    const t = (key: Parameters<typeof kpiText>[0], vars: Record<string, string | number> = {}) => esc(kpiText(key, lang, vars));
    return `
<h4>${t('title', { name: k.name[lang] })}</h4>
<p class="muted">${t('intro')}</p>
<div class="scroll"><table><thead><tr><th scope="col">${t('colKpi')}</th><th scope="col" class="num">${t('colValue')}</th><th scope="col">${t('colDetail')}</th><th scope="col">${t('colSource')}</th></tr></thead><tbody>
${each(kpiRows(k, lang), (r) => `<tr><td>${esc(r.title)}</td><td class="num${r.measured ? '' : ' muted'}">${esc(r.value)}</td><td${r.measured ? '' : ' class="muted"'}>${esc(r.detail)}</td><td class="id">${esc(r.source)}</td></tr>`)}
</tbody></table></div>`;
  }

  private data(): string {
    const lang = this.lang;
    const parts = this.r.datasets.map((d) => {
      const g = d.digest;
      if (g.kind === 'survey') {
        const rate = (id: string) => d.metrics[id as keyof typeof d.metrics]?.value ?? null;
        const means = Object.entries(g.means).flatMap(([dim, mean]) =>
          mean === null ? [] : [[DIMENSION_LABELS[dim as keyof typeof DIMENSION_LABELS]?.[lang] ?? dim, mean.toFixed(2)]],
        );
        return `<h3>${esc(`${this.t('surveyTitle')}${g.period ? inParens(`${g.period.from} – ${g.period.to}`, lang) : ''}`)}</h3>
<p class="muted">${esc(this.t('responses', { n: d.valid, bad: d.invalid }))}</p>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('metric'))}</th><th scope="col" class="num">${esc(this.t('value'))}</th></tr></thead><tbody>
${each(means, ([k, v]) => `<tr><td>${esc(k!)}</td><td class="num">${v}</td></tr>`)}
<tr><td><strong>${esc(metricLabel('survey.satisfactionRate', lang))}</strong></td><td class="num"><strong>${percent(rate('survey.satisfactionRate'))}</strong></td></tr>
<tr><td>${esc(metricLabel('survey.resolutionRate', lang))}</td><td class="num">${percent(rate('survey.resolutionRate'))}</td></tr>
<tr><td>${esc(metricLabel('survey.recommendRate', lang))}</td><td class="num">${percent(rate('survey.recommendRate'))}</td></tr>
</tbody></table></div>
${
  g.themeClasses?.length
    ? `<div class="scroll"><table><thead><tr><th scope="col">${esc(ds('themeClass', lang))}</th><th scope="col" class="num">${esc(this.t('mentions'))}</th><th scope="col" class="num">%</th></tr></thead><tbody>
${each(g.themeClasses, (c) => `<tr><td><strong>${esc(c.label[lang])}</strong></td><td class="num">${c.mentions}</td><td class="num">${percent(c.share)}</td></tr>`)}
</tbody></table></div>`
    : ''
}
${
  g.themes.length
    ? `<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('themeCol'))}</th><th scope="col" class="num">${esc(this.t('mentions'))}</th><th scope="col" class="num">${esc(this.t('shareCol'))}</th><th scope="col"><span class="skip">${esc(this.t('note'))}</span></th></tr></thead><tbody>
${each(g.themes, (th) => `<tr><td>${esc(th.label[lang])}</td><td class="num">${th.mentions}</td><td class="num">${percent(th.share)}</td><td>${bar(th.share)}${th.common ? ` <span class="s-bad">${esc(this.t('commonProblem', { share: percent(g.rules.commonThemeShare) }))}</span>` : ''}</td></tr>`)}
</tbody></table></div>`
    : ''
}
${
  g.groups.length
    ? `<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('group'))}</th><th scope="col" class="num">${esc(this.t('sampleCol'))}</th><th scope="col" class="num">${esc(metricLabel('survey.satisfactionRate', lang))}</th><th scope="col"><span class="skip">${esc(this.t('note'))}</span></th></tr></thead><tbody>
${each(
  g.groups,
  (x) =>
    `<tr><td>${esc(`${GROUPING_LABELS[x.grouping][lang]} · ${x.group}`)}</td><td class="num">${x.responses}</td><td class="num">${percent(x.satisfactionRate)}</td><td class="${x.belowMean ? 's-bad' : 'muted'}">${bar(x.satisfactionRate)} ${esc(x.belowMean ? `${this.t('belowMean', { short: percent(x.shortfall), share: percent(g.rules.groupShortfall) })}${x.tooFew ? ` · ${ds('smallSample', lang, { n: x.responses })}` : ''}` : x.tooFew ? ds('tooFew', lang) : '')}</td></tr>`,
)}
</tbody></table></div>`
    : ''
}`;
      }
      return `<h3>${esc(this.t('recordsTitle'))}</h3>
<p class="muted">${esc(this.t('tickets', { n: d.valid, bad: d.invalid, asOf: g.asOf }))}</p>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('typeCol'))}</th><th scope="col" class="num">${esc(this.t('sampleCol'))}</th><th scope="col" class="num">${esc(this.t('responseCol'))}</th><th scope="col" class="num">${esc(this.t('commitmentCol'))}</th><th scope="col" class="num">${esc(this.t('benchmarkCol'))}</th><th scope="col" class="num">${esc(this.t('ftfCol'))}</th><th scope="col" class="num">${esc(this.t('overdueCol'))}</th></tr></thead><tbody>
${each(
  g.types,
  (x) =>
    `<tr><td>${esc(RECORD_TYPE_LABELS[x.type as keyof typeof RECORD_TYPE_LABELS]?.[lang] ?? x.type)}</td><td class="num">${x.count}</td><td class="num">${hours(x.responseMedianHours)} / ${hours(x.responseP90Hours)}</td><td class="num">${percent(x.withinCommitment)}</td><td class="num">${percent(x.withinBenchmark)}</td><td class="num">${percent(x.firstTimeFix)}</td><td class="num${x.overdueOpen ? ' s-bad' : ''}">${x.overdueOpen}</td></tr>`,
)}
</tbody></table></div>${this.repairGroups(g)}${this.followUp(g)}${g.industryKpis ? this.industryKpis(g.industryKpis) : ''}`;
    });
    return `<section aria-labelledby="${this.p}data">
${this.chapterHead('data', 'dataAnalysis')}
${parts.join('\n')}
</section>`;
  }

  private repairGroups(g: RecordsDigest): string {
    const lang = this.lang;
    const rule = g.repairs?.rule;
    if (!rule) return '';
    return (
      [
        ['byModel', 'modelCol', g.repairs?.byModel],
        ['byFaultClass', 'faultCol', g.repairs?.byFaultClass],
      ] as const
    )
      .filter(([, , list]) => list?.length)
      .map(
        ([key, col, list]) => `
<h4>${esc(ds(key, lang, { ratio: rule.flagRatio, min: rule.flagMin }))}</h4>
<div class="scroll"><table><thead><tr><th scope="col">${esc(ds(col, lang))}</th><th scope="col" class="num">${esc(ds('repairsCol', lang))}</th><th scope="col" class="num">${esc(ds('repeatShort', lang))}</th><th scope="col" class="num">${esc(ds('resolutionShort', lang))}</th><th scope="col"><span class="skip">${esc(this.t('note'))}</span></th></tr></thead><tbody>
${each(list!, (x) => `<tr><td>${x.farAboveMean ? `<strong>${esc(x.group)}</strong>` : esc(x.group)}</td><td class="num">${x.repairs}</td><td class="num">${percent(x.repeatRate)}</td><td class="num">${hours(x.resolutionMedianHours)}</td><td>${x.farAboveMean ? `<span class="s-bad">${esc(ds('farAboveMean', lang, { ratio: x.countToMean.toFixed(1) }))}</span>` : ''}</td></tr>`)}
</tbody></table></div>`,
      )
      .join('');
  }

  private followUp(g: RecordsDigest): string {
    const f = g.followUp;
    if (!f) return '';
    const lang = this.lang;
    return `
<h4>${esc(ds('followUp', lang, { on: ds(f.joinedOn === 'id' ? 'followUpOnId' : 'followUpOnOrder', lang) }))}</h4>
<ul>${each(followUpLines(f, lang), (l) => `<li>${esc(l)}</li>`)}</ul>`;
  }

  private method(): string {
    const r = this.r;
    const lang = this.lang;
    const m = r.method;
    return `<section aria-labelledby="${this.p}method">
${this.chapterHead('method', 'method')}
<ol>${each(methodRules(m, lang), (rule) => `<li>${esc(rule)}</li>`)}</ol>
<h3>${esc(this.t('levels'))}</h3>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('level'))}</th><th scope="col" class="num">${esc(this.t('minScore'))}</th><th scope="col"><span class="skip">★</span></th></tr></thead><tbody>
${each(m.levels, (l) => `<tr><td>${esc(l.name[lang])}</td><td class="num">${l.id === 'fail' ? `&lt; ${m.levels[1]?.minScore ?? ''}` : `≥ ${l.minScore}`}</td><td>${l.stars ? `<span role="img" aria-label="${l.stars} ★">${'★'.repeat(l.stars)}</span>` : ''}</td></tr>`)}
</tbody></table></div>
${
  m.dataRules.length
    ? `<h3>${esc(this.t('dataRules'))}</h3>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('criterionCol'))}</th><th scope="col">${esc(this.t('metric'))}</th><th scope="col">${esc(this.t('ruleCol'))}</th></tr></thead><tbody>
${each(m.dataRules, (d) => `<tr><td class="id">${esc(d.criterion)}</td><td>${esc(metricLabel(d.metric, lang))}</td><td>${esc(dataRuleText(d, lang))}</td></tr>`)}
</tbody></table></div>`
    : ''
}
<h3>${esc(this.t('provenance'))}</h3>
<div class="scroll"><table><thead><tr><th scope="col">${esc(this.t('clause'))}</th><th scope="col" class="num">${esc(this.t('points'))}</th><th scope="col">${esc(this.t('source'))}</th><th scope="col">${esc(this.t('confidence'))}</th><th scope="col">${esc(this.t('note'))}</th></tr></thead><tbody>
${each(m.provenance, (p) => `<tr><td class="id">${esc(p.id)}</td><td class="num">${p.points}</td><td>${esc(sourceLabel(m.sources[p.source], p.source, lang))}</td><td>${esc(CONFIDENCE[p.confidence][lang])}</td><td>${esc(noteText(p.note, lang))}</td></tr>`)}
</tbody></table></div>
<p class="muted">${esc(this.t('confidenceLegend'))}</p>
</section>`;
  }
}
