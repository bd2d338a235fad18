import { CAUSE_LABELS } from '../../messages/changes.js';
import { diagnosticText } from '../../messages/diagnostics.js';
import { historyText } from '../../messages/history.js';
import { html } from '../../messages/html.js';
import type { History, HistoryPoint, PointChange, ProjectionPoint, ScoredPoint } from '../../model/history.js';
import { LANGS, type Lang } from '../../model/localized.js';
import { signed } from '../history.js';
import { trendGeometry } from '../trendChart.js';
import { each, esc, page } from './page.js';

export interface HistoryHtmlOptions {
  /**
   * A commit's web address, from `--commit-url` (checked by the CLI: http(s) only), or null for none:
   * the short hash is then text only.
   */
  commitHref?: (commit: string) => string | null;
}

/** The chart's box in SVG user units: the CSS scales it to the page (text ≥ 11 px down to a 360 px screen). */
const BOX = { width: 560, height: 320, left: 48, right: 112, top: 26, bottom: 36, charWidth: 11 };
const SMALL = { width: 260, height: 120, left: 30, right: 8, top: 10, bottom: 22 };
/** Band fills, lowest level first: steps of one hue that stay apart printed in grey. */
const BAND_FILL = ['#f3e3e3', '#eef1f4', '#e2e9f1', '#d5e0ec', '#c7d6e8'];

type Key = Parameters<typeof historyText>[0];

/** `history --format html`: one self-contained page in both languages (CSP, no fetch, print CSS), from the History model. */
export function renderHistoryHtml(h: History, lang: Lang, opts: HistoryHtmlOptions = {}): string {
  const titles = Object.fromEntries(LANGS.map((l) => [l, `${historyText('docTitle', l)} — ${h.file}`])) as Record<Lang, string>;
  return page({ lang, titles, body: each(LANGS, (l) => new Writer(h, l, opts).document()) });
}

class Writer {
  private readonly p: string;
  constructor(
    private readonly h: History,
    private readonly lang: Lang,
    private readonly opts: HistoryHtmlOptions,
  ) {
    this.p = lang === 'en' ? 'en-' : 'zh-';
  }
  private t(k: Key, v: Record<string, string | number> = {}): string {
    return historyText(k, this.lang, v);
  }

  document(): string {
    const h = this.h;
    const s = h.span;
    const summary = s ? this.t('summary', { ...s, before: s.before.toFixed(1), after: s.after.toFixed(1), delta: signed(s.delta) }) : null;
    const scored = h.points.some((p) => p.kind === 'scored');
    return `<div data-l="${this.lang}" lang="${this.lang}">
<header class="band"><a class="skip" href="#${this.p}points">${esc(this.t('pointsChapter'))}</a><div class="wrap">
<p class="kicker">${esc(this.t('docTitle'))}</p>
<h1>${esc(h.file)}</h1>
<p class="meta">${esc(`${this.t('rubricLabel', { id: h.rubric.id, version: h.rubric.version })} · ${this.t('title', { file: h.file, n: h.points.length })}`)}</p>
${summary ? `<p class="meta">${esc(summary)}</p>` : ''}
<div class="tools"><button type="button" data-act="lang" title="${esc(html('switchLabel', this.lang))}" lang="${this.lang === 'en' ? 'zh-CN' : 'en'}">${esc(html('switchTo', this.lang))}</button><button type="button" data-act="print">${esc(html('print', this.lang))}</button></div>
</div></header>
<main class="wrap trend">
${scored ? this.trend() + this.sections() : `<p class="note" role="note">${esc(this.t('noScored'))}</p>`}
${this.pointsTable()}
${this.moved()}
</main>
</div>
`;
  }

  /** The final score over time on the level bands; gaps break the line, the projection is dashed and hollow. */
  private trend(): string {
    const g = trendGeometry(this.h, this.lang, BOX);
    const id = `${this.p}trend`;
    const { plot } = g;
    const bands = each(g.bands, (b) =>
      b.height > 0
        ? `<rect x="${n(plot.x)}" y="${n(b.y)}" width="${n(plot.width)}" height="${n(b.height)}" fill="${BAND_FILL[b.shade % BAND_FILL.length]}"/>` +
          (b.height >= 10
            ? `<text class="band" x="${n(plot.x + plot.width + 6)}" y="${n(b.y + Math.min(b.height, 26) / 2)}" dominant-baseline="central">${esc(b.name)}</text>`
            : '')
        : '',
    );
    const ticks = each(
      g.ticks,
      (t) =>
        `<line x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(t.y)}" y2="${n(t.y)}" stroke="#8c959f" stroke-width="0.6"/><text x="${n(plot.x - 5)}" y="${n(t.y)}" text-anchor="end" dominant-baseline="central">${t.value}</text>`,
    );
    const dates = each(g.dates, (d, i) => {
      const anchor = i === 0 && g.dates.length > 1 ? 'start' : i === g.dates.length - 1 && g.dates.length > 1 ? 'end' : 'middle';
      return `<text x="${n(d.x)}" y="${n(plot.y + plot.height + 20)}" text-anchor="${anchor}">${esc(d.text)}</text>`;
    });
    const lines = each(g.runs, (run) =>
      run.length > 1 ? `<polyline points="${run.map((q) => `${n(q.x)},${n(q.y)}`).join(' ')}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>` : '',
    );
    const labelled = (i: number, len: number) => g.labelAll || i === 0 || i === len - 1;
    const all = g.runs.flat();
    const dots = each(
      all,
      (q, i) =>
        `<circle cx="${n(q.x)}" cy="${n(q.y)}" r="4" fill="#0b4f8a"><title>${esc(`${q.point.date} ${q.point.short} ${q.point.final.toFixed(1)} ${q.point.levelName[this.lang]}`)}</title></circle>` +
        (labelled(i, all.length) && !(g.projection && i === all.length - 1 && Math.abs(g.projection.x - q.x) < 30)
          ? `<text class="val" x="${n(q.x)}" y="${n(q.y - 10)}" text-anchor="middle">${q.point.final.toFixed(1)}</text>`
          : ''),
    );
    const gaps = each(
      g.gaps,
      (q) =>
        `<line x1="${n(q.x)}" x2="${n(q.x)}" y1="${n(plot.y)}" y2="${n(plot.y + plot.height)}" stroke="#a40e26" stroke-width="1.5" stroke-dasharray="2 3"><title>${esc(`${q.date} ${q.short}: ${this.t('gap')} — ${this.t(q.reason as Key)}`)}</title></line>` +
        `<text class="gap" x="${n(q.x)}" y="${n(plot.y - 6)}" text-anchor="middle">×</text>`,
    );
    const pr = g.projection;
    const projection = pr
      ? `<line x1="${n(pr.from.x)}" y1="${n(pr.from.y)}" x2="${n(pr.x)}" y2="${n(pr.y)}" stroke="#0b4f8a" stroke-width="2" stroke-dasharray="6 4"/>` +
        `<circle cx="${n(pr.x)}" cy="${n(pr.y)}" r="5" fill="#fff" stroke="#0b4f8a" stroke-width="2"><title>${esc(this.t('projectionLabel', { date: pr.point.asOf, score: pr.point.final.toFixed(1) }))}</title></circle>` +
        `<text class="val" x="${n(pr.x)}" y="${n(pr.y - 10)}" text-anchor="end">${esc(`${this.t('projection')} ${pr.point.final.toFixed(1)}`)}</text>`
      : '';
    const desc = [
      this.t('trendDesc'),
      ...this.h.points.map((p) => pointWords(p, this.lang)),
      ...(this.h.projection ? [projectionWords(this.h.projection, this.lang)] : []),
    ];
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${esc(this.t('trendChapter'))}</h2>
<p class="muted">${esc(this.t('trendDesc'))}</p>
<svg class="chart trend-chart" viewBox="0 0 ${BOX.width} ${BOX.height}" role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d"><title id="${id}-t">${esc(this.t('trendChapter'))}</title><desc id="${id}-d">${esc(desc.join('; '))}</desc>
${bands}${ticks}${gaps}${lines}${projection}${dots}${dates}</svg>
<p class="legend"><span><i class="score"></i>${esc(this.t('legendScore'))}</span>${pr ? `<span><i class="projection"></i>${esc(this.t('legendProjection'))}</span>` : ''}${g.gaps.length ? `<span><i class="gapmark"></i>${esc(this.t('legendGap'))}</span>` : ''}</p>
${pr ? `<p class="note" role="note" data-projection>${esc(this.t('projectionNote', { short: pr.point.short, date: pr.point.asOf }))}</p>` : ''}
${this.gapList()}
</section>`;
  }

  /** Each gap with its reason under the chart (the chart marks it; the words are here). */
  private gapList(): string {
    const gaps = this.h.points.filter((p) => p.kind === 'gap');
    if (gaps.length === 0) return '';
    return `<h3>${esc(this.t('gapsTitle'))}</h3><ul class="plain gaps">${each(
      gaps,
      (p) =>
        `<li>${esc(p.date)} ${this.commit(p)} — ${esc(this.t(p.reason))}${each(p.diagnostics, (d) => `<br><span class="muted">${esc(`${d.file}:${d.line}:${d.column}: ${diagnosticText(d, this.lang).message}`)}</span>`)}</li>`,
    )}</ul>`;
  }

  /** Small multiples: one chart per section, earned points over the same time axis, 0 to the section's points. */
  private sections(): string {
    const h = this.h;
    const scored = h.points.filter((p): p is ScoredPoint => p.kind === 'scored');
    const id = `${this.p}sections`;
    const cards = each(h.sections, (sec) => {
      const g = trendGeometry(h, this.lang, { ...SMALL, charWidth: 6.5 });
      const { plot } = g;
      const top = Math.max(sec.points, ...scored.map((p) => p.sections.find((s) => s.id === sec.id)?.applicablePoints ?? 0));
      const yOf = (v: number) => plot.y + plot.height * (1 - (top > 0 ? v / top : 0));
      const earned = (p: { sections: ScoredPoint['sections'] }) => p.sections.find((s) => s.id === sec.id)?.earned ?? 0;
      const lines = each(g.runs, (run) =>
        run.length > 1
          ? `<polyline points="${run.map((q) => `${n(q.x)},${n(yOf(earned(q.point)))}`).join(' ')}" fill="none" stroke="#0b4f8a" stroke-width="2"/>`
          : '',
      );
      const dots = each(g.runs.flat(), (q) => `<circle cx="${n(q.x)}" cy="${n(yOf(earned(q.point)))}" r="3" fill="#0b4f8a"/>`);
      const pr = g.projection;
      const proj = pr
        ? `<line x1="${n(pr.from.x)}" y1="${n(yOf(earned(g.runs.at(-1)!.at(-1)!.point)))}" x2="${n(pr.x)}" y2="${n(yOf(earned(pr.point)))}" stroke="#0b4f8a" stroke-width="1.5" stroke-dasharray="5 3"/><circle cx="${n(pr.x)}" cy="${n(yOf(earned(pr.point)))}" r="3.5" fill="#fff" stroke="#0b4f8a" stroke-width="1.5"/>`
        : '';
      const gaps = each(
        g.gaps,
        (q) =>
          `<line x1="${n(q.x)}" x2="${n(q.x)}" y1="${n(plot.y)}" y2="${n(plot.y + plot.height)}" stroke="#a40e26" stroke-width="1" stroke-dasharray="2 3"/>`,
      );
      const latest = scored.at(-1);
      const now = latest ? this.t('sectionNow', { earned: earned(latest).toFixed(1), points: top }) : '';
      const first = g.dates[0];
      const last = g.dates.length > 1 ? g.dates.at(-1) : undefined;
      return `<figure class="small"><figcaption><span class="id">${esc(sec.id)}</span> ${esc(sec.title[this.lang])}<br><span class="muted">${esc(now)}</span></figcaption>
<svg class="small-chart" viewBox="0 0 ${SMALL.width} ${SMALL.height}" role="img" aria-label="${esc(`${sec.id} ${sec.title[this.lang]}: ${scored.map((p) => `${p.date} ${earned(p).toFixed(1)}`).join(', ')}`)}">
<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.width)}" height="${n(plot.height)}" fill="#f6f8fa" stroke="#d0d7de"/>
<text x="${n(plot.x - 4)}" y="${n(plot.y)}" text-anchor="end" dominant-baseline="hanging">${top}</text><text x="${n(plot.x - 4)}" y="${n(plot.y + plot.height)}" text-anchor="end">0</text>
${gaps}${lines}${proj}${dots}${first ? `<text x="${n(first.x)}" y="${n(SMALL.height - 4)}" text-anchor="start">${esc(first.text)}</text>` : ''}${last ? `<text x="${n(last.x)}" y="${n(SMALL.height - 4)}" text-anchor="end">${esc(last.text)}</text>` : ''}</svg></figure>`;
    });
    return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(this.t('sectionsChapter'))}</h2><div class="multiples">${cards}</div></section>`;
  }

  /** Every commit: date, commit (linked), score, level, change, message; the projection last. */
  private pointsTable(): string {
    const id = `${this.p}points`;
    const rows = each(this.h.points, (p) =>
      p.kind === 'gap'
        ? `<tr class="gap"><td data-label="${esc(this.t('date'))}">${esc(p.date)}</td><td data-label="${esc(this.t('commit'))}">${this.commit(p)}</td><td class="num" data-label="${esc(this.t('score'))}">—</td><td data-label="${esc(this.t('level'))}"><span class="badge o-not-met">${esc(this.t('gap'))}</span></td><td data-label="${esc(this.t('change'))}"></td><td data-label="${esc(this.t('subject'))}">${esc(this.t(p.reason))} · ${esc(p.subject)}</td></tr>`
        : this.scoredRow(p),
    );
    const pr = this.h.projection;
    const projection = pr
      ? `<tr class="projection"><td data-label="${esc(this.t('date'))}">${esc(pr.asOf)}</td><td data-label="${esc(this.t('commit'))}">${this.commit(pr)}</td><td class="num" data-label="${esc(this.t('score'))}">${pr.final.toFixed(1)}</td><td data-label="${esc(this.t('level'))}">${esc(pr.levelName[this.lang])}</td><td class="num" data-label="${esc(this.t('change'))}">${pr.delta === null ? '' : signed(pr.delta)}</td><td data-label="${esc(this.t('subject'))}"><strong>${esc(this.t('projectionRow', { date: pr.asOf }))}</strong></td></tr>`
      : '';
    return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(this.t('pointsChapter'))}</h2>
<table class="stack history-points"><thead><tr><th scope="col">${esc(this.t('date'))}</th><th scope="col">${esc(this.t('commit'))}</th><th scope="col" class="num">${esc(this.t('score'))}</th><th scope="col">${esc(this.t('level'))}</th><th scope="col" class="num">${esc(this.t('change'))}</th><th scope="col">${esc(this.t('subject'))}</th></tr></thead>
<tbody>${rows}${projection}</tbody></table></section>`;
  }

  private scoredRow(p: ScoredPoint): string {
    return `<tr><td data-label="${esc(this.t('date'))}">${esc(p.date)}</td><td data-label="${esc(this.t('commit'))}">${this.commit(p)}</td><td class="num" data-label="${esc(this.t('score'))}">${p.final.toFixed(1)}</td><td data-label="${esc(this.t('level'))}">${esc(p.levelName[this.lang])}</td><td class="num" data-label="${esc(this.t('change'))}">${p.delta === null ? '' : signed(p.delta)}</td><td data-label="${esc(this.t('subject'))}">${esc(p.subject)}${p.path !== this.h.points.at(-1)?.path ? ` <span class="muted">${esc(this.t('renamed', { path: p.path }))}</span>` : ''}</td></tr>`;
  }

  /** The criteria that moved at each point, with their causes, each row linked to its commit. */
  private moved(): string {
    const id = `${this.p}moved`;
    const rows: string[] = [];
    const add = (p: ScoredPoint | ProjectionPoint, date: string) => {
      for (const ch of p.changes) rows.push(this.changeRow(p, date, ch));
      if (p.moreChanges > 0)
        rows.push(`<tr class="more"><td colspan="5" class="muted">${esc(`${date} ${p.short}: ${this.t('more', { n: p.moreChanges })}`)}</td></tr>`);
    };
    for (const p of this.h.points) if (p.kind === 'scored') add(p, p.date);
    if (this.h.projection) add(this.h.projection, this.t('projectionRow', { date: this.h.projection.asOf }));
    const body = rows.length
      ? `<table class="stack history-moved"><thead><tr><th scope="col">${esc(this.t('date'))}</th><th scope="col">${esc(this.t('commit'))}</th><th scope="col">${esc(this.t('criterion'))}</th><th scope="col" class="num">${esc(this.t('change'))}</th><th scope="col">${esc(this.t('causes'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : `<p class="muted">${esc(this.t('movedNone'))}</p>`;
    return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(this.t('movedChapter'))}</h2>${body}</section>`;
  }

  private changeRow(p: ScoredPoint | ProjectionPoint, date: string, ch: PointChange): string {
    const causes = ch.causes.map((c) => CAUSE_LABELS[c][this.lang]).join(', ');
    const cls = ch.delta < 0 ? 's-bad' : 's-ok';
    return `<tr><td data-label="${esc(this.t('date'))}">${esc(date)}</td><td data-label="${esc(this.t('commit'))}">${this.commit(p)}</td><td data-label="${esc(this.t('criterion'))}"><span class="id">${esc(ch.id)}</span> ${esc(ch.title[this.lang])}</td><td class="num ${cls}" data-label="${esc(this.t('change'))}">${signed(ch.delta, 2)}</td><td data-label="${esc(this.t('causes'))}">${esc(causes)}${ch.refs.length ? `<br><span class="muted">${esc(ch.refs.join(', '))}</span>` : ''}</td></tr>`;
  }

  /** The short hash as text, and a link to the commit when a web address template was given. */
  private commit(p: HistoryPoint | ProjectionPoint): string {
    const href = this.opts.commitHref?.(p.commit) ?? null;
    const code = `<code>${esc(p.short)}</code>`;
    return href ? `<a href="${esc(href)}" rel="noreferrer">${code}</a>` : code;
  }
}

function pointWords(p: HistoryPoint, lang: Lang): string {
  return p.kind === 'scored'
    ? `${p.date} ${p.short} ${p.final.toFixed(1)} ${p.levelName[lang]}`
    : `${p.date} ${p.short} ${historyText('gap', lang)}: ${historyText(p.reason, lang)}`;
}

function projectionWords(p: ProjectionPoint, lang: Lang): string {
  return historyText('projectionLabel', lang, { date: p.asOf, score: p.final.toFixed(1) });
}

/** Coordinates to two decimals: enough for a screen, short in the file. */
const n = (v: number): string => String(Math.round(v * 100) / 100);
