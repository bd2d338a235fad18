/**
 * The style and script every HTML page carries inline (the page must open from file://, offline, in a CI
 * artifact or a phone's mail app: nothing is fetched). Plain CSS and ES2017 without a framework: the whole
 * behaviour is a language switch, filters, expanding clauses and sorting a table.
 *
 * Colours: every text colour meets WCAG AA (4.5:1) on the background it is drawn on (the browser test
 * measures it), and no meaning rests on colour alone — outcomes carry a word and a mark, bars a hatch or a
 * tone that stays apart in grey.
 */
export const CSS = `
:root{--ink:#1f2328;--muted:#57606a;--brand:#0b4f8a;--rule:#d0d7de;--zebra:#f6f8fa;--track:#d0d7de;
--good:#116329;--good-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5;--bad:#a40e26;--bad-bg:#ffebe9;--na:#57606a;--na-bg:#eaeef2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif}
html[data-ui="zh-CN"] [data-l="en"],html[data-ui="en"] [data-l="zh-CN"]{display:none!important}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;z-index:9;background:#fff;padding:6px 10px}
.wrap{max-width:1080px;margin:0 auto;padding:0 16px}
.band{background:var(--brand);color:#fff;padding:20px 0 18px}
.band .kicker{margin:0;font-size:.9em;color:#fff}
.band h1{margin:.2em 0;font-size:1.7em;line-height:1.25;overflow-wrap:anywhere}
.band .meta{margin:0;font-size:.9em;color:#fff}
.band a{color:#fff}
.tools{display:flex;gap:8px;flex-wrap:wrap;margin-top:12px}
button{font:inherit;cursor:pointer}
.tools button,.tools a{background:#fff;color:var(--brand);border:1px solid #fff;border-radius:4px;padding:4px 12px;text-decoration:none}
h2{font-size:1.35em;margin:1.6em 0 .6em;padding-bottom:.25em;border-bottom:2px solid var(--brand);color:var(--brand)}
h3{font-size:1.1em;margin:1.3em 0 .5em}
.note{background:var(--zebra);border-left:4px solid var(--brand);padding:10px 14px;margin:16px 0;font-size:.92em}
.scorecard{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.scorecard>div{flex:1 1 200px;border:1px solid var(--rule);border-radius:6px;padding:12px 14px}
.scorecard .label{display:block;color:var(--muted);font-size:.85em}
.scorecard .big{font-size:2.6em;font-weight:700;color:var(--brand);line-height:1.1}
.scorecard .level{font-size:1.5em;font-weight:700;color:var(--brand)}
.scorecard .level.fail{color:var(--bad)}
.stars{letter-spacing:2px;font-size:1.2em;color:var(--brand)}
.muted{color:var(--muted)}
.alert{color:var(--bad);font-weight:600}
.path{font-weight:600;color:var(--brand)}
ul.plain{margin:.2em 0;padding-left:1.2em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5em 0 1em}
table{border-collapse:collapse;width:100%;font-size:.9em}
caption{text-align:left;font-weight:600;padding:6px 0}
th,td{border-bottom:1px solid var(--rule);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:var(--zebra);font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfd}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.group td,tr.group th{font-weight:700;background:var(--zebra)}
.id{white-space:nowrap;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid}
.o-met,.o-not-applicable{color:var(--good);background:var(--good-bg);border-style:solid}
.o-partial{color:var(--warn);background:var(--warn-bg);border-style:dashed}
.o-not-met,.o-unsupported{color:var(--bad);background:var(--bad-bg);border-style:double;border-width:3px}
.o-not-assessed{color:var(--na);background:var(--na-bg);border-style:dotted}
.o-not-applicable{color:var(--na);background:var(--na-bg)}
.s-ok{color:var(--good)}.s-bad{color:var(--bad);font-weight:600}
.bar{display:inline-block;width:100%;max-width:12em;min-width:60px;height:10px;background:var(--track);position:relative;vertical-align:middle}
.bar>span{position:absolute;left:0;top:0;bottom:0;background:var(--brand)}
svg.chart{width:100%;height:auto;max-width:760px;display:block;margin:.4em 0}
svg.chart text{font-size:13px;fill:var(--ink)}
svg.chart .val{font-weight:700}
.legend{display:flex;gap:16px;flex-wrap:wrap;font-size:.85em;color:var(--muted);margin:.2em 0 1em}
.legend i{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle;border:1px solid var(--muted)}
.legend .earned{background:var(--brand)}.legend .lost{background:var(--track)}
.legend .excluded{background:repeating-linear-gradient(45deg,var(--track) 0 2px,#fff 2px 4px)}
form.filters{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:flex-end;background:var(--zebra);padding:10px 12px;border-radius:6px;margin:.5em 0}
form.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted);gap:2px}
form.filters select,form.filters input{font:inherit;font-size:.95rem;padding:4px 6px;border:1px solid var(--muted);border-radius:4px;background:#fff;color:var(--ink);max-width:100%}
form.filters input[type=search]{min-width:12em}
form.filters button{border:1px solid var(--muted);background:#fff;color:var(--ink);border-radius:4px;padding:4px 10px}
.count{font-size:.9em;color:var(--muted);margin:.3em 0}
.clause h4{margin:.8em 0 0;font-size:1em}
.clause h4 button{display:flex;flex-wrap:wrap;width:100%;gap:4px 10px;align-items:baseline;text-align:left;background:#fff;color:var(--ink);border:1px solid var(--rule);border-radius:6px;padding:8px 10px}
.clause h4 button[aria-expanded="true"]{border-color:var(--brand);border-bottom-left-radius:0;border-bottom-right-radius:0}
.clause h4 .chev{display:inline-block;transition:transform .15s;color:var(--brand)}
.clause h4 button[aria-expanded="true"] .chev{transform:rotate(90deg)}
.clause h4 .pts{margin-left:auto;text-align:right;font-variant-numeric:tabular-nums}
.clause .body{border:1px solid var(--brand);border-top:0;border-radius:0 0 6px 6px;padding:0 6px}
.collapsed{display:none}
.out{display:none!important}
.deduction{color:var(--bad);font-weight:700;margin:.3em 0}
.notes p{margin:.15em 0}
.notes ul{margin:.15em 0;padding-left:1.1em}
ul.top{list-style:none;padding-left:0}ul.top li{margin-bottom:.6em}
footer.colophon{margin:2em 0 3em;font-size:.85em;color:var(--muted);border-top:1px solid var(--rule);padding-top:.8em}
footer.colophon th{font-weight:400;text-align:left}footer.colophon code{word-break:break-all}
.draft{border:2px solid var(--bad);color:var(--bad);padding:8px 12px;margin:16px 0}
.band .logo{float:right;max-height:48px;max-width:160px;background:#fff;padding:4px;border-radius:4px;margin-left:12px}
.arith span{display:inline-block;margin-right:.6em}
.expects{color:var(--muted)}
table.plan td>p{margin:0 0 .25em}
table.paths tfoot td{border-top:2px solid var(--rule);color:var(--brand)}
.signoff td.sign{height:3em;width:30%}
.portfolio th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:var(--ink);text-decoration:underline dotted}
.portfolio th[aria-sort="ascending"] button::after{content:" ▲"}
.portfolio th[aria-sort="descending"] button::after{content:" ▼"}
.company-report{border-top:6px solid var(--brand)}
svg.trend-chart{max-width:680px}
svg.trend-chart text.band{font-size:12px;fill:var(--muted)}
svg.trend-chart text.gap{fill:var(--bad);font-weight:700}
.legend .score{background:var(--brand);height:4px}.legend .projection{border:2px dashed var(--brand);background:#fff}
.legend .gapmark{border:0;border-left:2px dotted var(--bad);width:6px}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}
figure.small{margin:0;border:1px solid var(--rule);border-radius:6px;padding:8px 10px}
figure.small figcaption{font-size:.9em;font-weight:600}
svg.small-chart{width:100%;height:auto;display:block}
svg.small-chart text{font-size:12px;fill:var(--ink)}
table.stack td code{white-space:nowrap}
tr.projection td{font-style:italic;background:var(--zebra)}
@media screen and (max-width:600px){svg.trend-chart text,svg.trend-chart text.band{font-size:20px}
table.stack thead{position:absolute;left:-9999px}
table.stack tr{display:block;border-bottom:1px solid var(--rule);padding:6px 0}
table.stack td{display:block;border:0;padding:1px 4px;text-align:left}
table.stack td[data-label]::before{content:attr(data-label) "\uFF1A";color:var(--muted)}
html[data-ui="en"] table.stack td[data-label]::before{content:attr(data-label) ": "}
body{font-size:14px}.band h1{font-size:1.35em}.scorecard .big{font-size:2.1em}th,td{padding:5px 6px}
table.criteria thead{position:absolute;left:-9999px}
table.criteria tr{display:block;border-bottom:1px solid var(--rule);padding:6px 0}
table.criteria th,table.criteria td{display:inline-block;border:0;padding:2px 4px}
table.criteria th{display:block}
table.criteria td.notes{display:block}
svg.chart text{font-size:22px}
table.plan thead{position:absolute;left:-9999px}
table.plan tr{display:block;border-bottom:1px solid var(--rule);padding:8px 0}
table.plan td{display:block;border:0;padding:2px 4px;text-align:left}
table.plan td.rank{display:inline-block;font-weight:700}table.plan td.what{display:inline}table.plan td[data-label]>p:first-child{display:inline}
table.plan td[data-label]::before{content:attr(data-label) "\uFF1A";color:var(--muted)}
html[data-ui="en"] table.plan td[data-label]::before{content:attr(data-label) ": "}
table.portfolio thead tr{display:flex;flex-wrap:wrap;gap:4px 14px}
table.portfolio thead th{border:0;background:none;padding:2px 0}
table.portfolio tbody tr{display:block;border-bottom:1px solid var(--rule);padding:8px 0}
table.portfolio tbody th,table.portfolio tbody td{display:block;border:0;padding:1px 0;text-align:left}
table.portfolio tbody td::before{content:attr(data-label) "\uFF1A";color:var(--muted)}
html[data-ui="en"] table.portfolio tbody td::before{content:attr(data-label) ": "}}
@media print{@page{size:A4;margin:14mm 12mm}
body{font-size:10pt;color:#000}
.tools,form.filters,.count,.skip,nav.toc,.back{display:none!important}
.band{background:none;color:#000;border-bottom:3px solid #000;padding:0 0 8px}
.band .kicker,.band .meta{color:#000}
.wrap{max-width:none;padding:0}
.collapsed,.out{display:block!important}
tr.out{display:table-row!important}
.clause h4 button{border:0;padding:4px 0;font-weight:700}
.clause h4 .chev{display:none}
.clause .body{border:0;padding:0}
h2{break-after:avoid;color:#000;border-color:#000}
h3,h4{break-after:avoid}
tr,.scorecard>div,svg.chart,figure.small{break-inside:avoid}
thead{display:table-header-group}
.scroll{overflow:visible}
a{color:#000;text-decoration:none}
.company-report{break-before:page}}
`;

/** The page's behaviour; delegated listeners on the document, state in attributes (works for every copy). */
export const SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  var LANGS = ['zh-CN', 'en'];
  function setLang(l) {
    if (LANGS.indexOf(l) < 0) return;
    var from = root.getAttribute('data-ui');
    root.setAttribute('data-ui', l);
    root.lang = l;
    var t = root.getAttribute('data-title-' + l);
    if (t) document.title = t;
    if (from && from !== l) syncFilters(from, l);
  }
  function syncFilters(from, to) {
    var a = document.querySelectorAll('[data-l="' + from + '"] [data-filter]');
    var b = document.querySelectorAll('[data-l="' + to + '"] [data-filter]');
    for (var i = 0; i < a.length && i < b.length; i++) b[i].value = a[i].value;
    document.querySelectorAll('[data-l="' + to + '"] form.filters').forEach(apply);
  }
  function apply(form) {
    var scope = form.closest('[data-criteria]');
    if (!scope) return;
    var v = {};
    form.querySelectorAll('[data-filter]').forEach(function (el) { v[el.getAttribute('data-filter')] = el.value.trim().toLowerCase(); });
    var active = !!(v.outcome || v.section || v.clause || v.q);
    var shown = 0, total = 0;
    scope.querySelectorAll('[data-clause-block]').forEach(function (block) {
      var any = 0;
      block.querySelectorAll('tr[data-outcome]').forEach(function (tr) {
        total++;
        var o = tr.getAttribute('data-outcome');
        var ok = (!v.outcome || (v.outcome === 'gaps' ? tr.hasAttribute('data-lost') : o === v.outcome)) &&
          (!v.section || tr.getAttribute('data-section') === v.section) &&
          (!v.clause || tr.getAttribute('data-clause') === v.clause) &&
          (!v.q || tr.textContent.toLowerCase().indexOf(v.q) >= 0);
        tr.classList.toggle('out', !ok);
        if (ok) { any++; shown++; }
      });
      block.classList.toggle('out', any === 0);
      if (active && any) expand(block.querySelector('[aria-expanded]'), true);
    });
    scope.querySelectorAll('[data-section-block]').forEach(function (sec) {
      sec.classList.toggle('out', !sec.querySelector('[data-clause-block]:not(.out)'));
    });
    var count = scope.querySelector('.count');
    if (count) count.textContent = count.getAttribute('data-template').replace('{n}', shown).replace('{total}', total);
  }
  function expand(button, open) {
    if (!button) return;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    var body = document.getElementById(button.getAttribute('aria-controls'));
    if (body) body.classList.toggle('collapsed', !open);
  }
  function sortTable(th) {
    var table = th.closest('table');
    var key = th.getAttribute('data-key');
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var num = th.hasAttribute('data-numeric');
    rows.sort(function (a, b) {
      var x = a.getAttribute('data-' + key), y = b.getAttribute('data-' + key);
      var c = num ? Number(x) - Number(y) : x.localeCompare(y);
      return dir === 'ascending' ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function filterCompanies(form) {
    var table = form.parentNode.querySelector('table.portfolio');
    var q = form.querySelector('[data-pf="q"]').value.trim().toLowerCase();
    var level = form.querySelector('[data-pf="level"]').value;
    var n = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!q || rows[i].textContent.toLowerCase().indexOf(q) >= 0) && (!level || rows[i].getAttribute('data-level-id') === level);
      rows[i].classList.toggle('out', !ok);
      if (ok) n++;
    }
    var count = form.parentNode.querySelector('.count');
    if (count) count.textContent = count.getAttribute('data-template').replace('{n}', n).replace('{total}', rows.length);
  }
  function route() {
    // A mistyped or cut address (#%E0%A4%A, #%) is not one of ours: ignored, never an error on every hashchange.
    var h;
    try { h = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (LANGS.indexOf(h) >= 0) { setLang(h); return; }
    var reports = document.querySelectorAll('.company-report');
    if (!reports.length) return;
    var open = null;
    reports.forEach(function (s) { var on = s.id === h; s.hidden = !on; if (on) open = s; });
    var list = document.getElementById('portfolio');
    if (list) list.hidden = !!open;
    if (open) { open.scrollIntoView(); var f = open.querySelector('h1'); if (f) { f.tabIndex = -1; f.focus(); } }
  }
  document.addEventListener('click', function (e) {
    var el = e.target.closest('[data-act]');
    if (!el) return;
    var act = el.getAttribute('data-act');
    if (act === 'lang') setLang(root.getAttribute('data-ui') === 'en' ? 'zh-CN' : 'en');
    else if (act === 'print') window.print();
    else if (act === 'toggle') expand(el, el.getAttribute('aria-expanded') !== 'true');
    else if (act === 'expand-all' || act === 'collapse-all') {
      el.closest('[data-criteria]').querySelectorAll('[data-clause-block] [aria-expanded]').forEach(function (b) { expand(b, act === 'expand-all'); });
    } else if (act === 'sort') sortTable(el.closest('th'));
    else if (act === 'open') { var l = root.getAttribute('data-ui'); if (el.hasAttribute('data-file')) el.href = el.getAttribute('data-file') + '#' + l; }
  });
  document.addEventListener('input', function (e) {
    var f = e.target.closest('form.filters');
    if (f) { f.hasAttribute('data-pf-form') ? filterCompanies(f) : apply(f); }
  });
  document.addEventListener('reset', function (e) {
    var f = e.target;
    setTimeout(function () { f.hasAttribute('data-pf-form') ? filterCompanies(f) : apply(f); }, 0);
  });
  document.addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', route);
  route();
})();
`;
