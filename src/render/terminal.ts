import type { Lang } from '../model/localized.js';
import { percent, points, signedPoints } from '../messages/numbers.js';
import { metricLabel } from '../messages/datasets.js';
import { recordsDigestLines } from './recordsDigestLines.js';
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { displayWidth as stringWidth } from '../shared/width.js';
import { breakLines } from './lineBreak.js';
import wrapAnsi from 'wrap-ansi';
import { findingMessage } from '../messages/findings.js';
import { PDF } from '../messages/pdf.js';
import { COLON, FIX_TAGS, UI, ui } from '../messages/ui.js';
import { readReport } from './reading.js';
import { CAUSE_LABELS, COMPARISON_LABELS, sidesLabel } from '../messages/changes.js';
import type { Report } from '../model/report.js';
import type { ScoredFile } from './scoredFile.js';
import { safeText } from '../shared/safeText.js';

export interface TerminalOptions {
  color: boolean;
  /** Plain ASCII borders and bars, for terminals that draw East-Asian-ambiguous characters wide. */
  ascii: boolean;
  /** Columns available. */
  width: number;
  /** How many gaps to list. */
  topGaps: number;
}

/** No rule between rows: fifteen clauses must fit one screen. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const ASCII_CHARS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '+',
  mid: '-',
  'mid-mid': '+',
  right: '|',
  'right-mid': '+',
  middle: '|',
};

export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const lang = report.lang;
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = (k: keyof typeof UI) => UI[k][lang];
  const lines: string[] = [];

  lines.push(c.bold(`${t('title')} · ${report.rubric.standard}`));
  // A custom rubric (--rubric FILE) is named with its version and digest, so a report is never read as the bundled one's.
  if (report.rubric.origin !== 'bundled')
    lines.push(
      fitLine(
        c.dim(
          `${t('customRubric')}${COLON[lang]}${report.rubric.title[lang]} ${report.rubric.version} · ${safeText(report.rubric.origin)} · sha256 ${report.rubric.sha256.slice(0, 12)}`,
        ),
        opts.width,
        '  ',
      ),
    );
  lines.push(
    fitLine(
      `${t('company')}${COLON[lang]}${report.company.name}    ${t('date')}${COLON[lang]}${report.assessmentDate}${report.assessor ? `    ${t('assessedBy')}${COLON[lang]}${report.assessor}` : ''}`,
      opts.width,
      '  ',
    ),
  );
  const s = report.score;
  const levelColor = report.level.id === 'fail' ? c.red.bold : report.level.stars > 0 ? c.green.bold : c.yellow.bold;
  const stars = report.level.stars > 0 ? ' ' + '★'.repeat(report.level.stars) + '☆'.repeat(5 - report.level.stars) : '';
  lines.push(
    `${t('score')}${COLON[lang]}${c.bold(points(s.final))} / 100    ${t('level')}${COLON[lang]}${levelColor(report.level.name[lang] + (opts.ascii ? ` (${report.level.stars}*)` : stars))}`,
  );
  // The arithmetic wraps between its terms, never inside one ("最终得 / 分 81.4").
  const terms = readReport(report, lang).arithmetic;
  for (const line of packTerms(terms, opts.width, '  ', '    ')) lines.push(c.dim(line));
  lines.push('');

  lines.push(c.bold(t('sections')));
  const nameWidth = Math.max(...report.sections.map((sec) => stringWidth(`${sec.id} ${sec.title[lang]}`)));
  for (const sec of report.sections) {
    const label = `${sec.id} ${sec.title[lang]}`;
    const ratio = sec.ratio ?? 0;
    lines.push(
      `  ${label}${' '.repeat(nameWidth - stringWidth(label))}  ${bar(ratio, 20, opts.ascii, c)}  ${points(sec.earned).padStart(5)}/${String(sec.applicablePoints).padEnd(3)} ${pct(sec.ratio).padStart(6)}`,
    );
  }
  lines.push('');

  const reading = readReport(report, lang);
  const table = new Table({
    head: [t('clause'), t('name'), t('points'), PDF.excludedCol[lang], t('earned'), t('percent')],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
    style: opts.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    chars: opts.ascii ? { ...ASCII_CHARS, ...COMPACT } : COMPACT,
  });
  // The standard's points and the excluded (删减) ones apart, as every format shows them (reading.overview).
  for (const o of reading.overview) {
    if (o.kind !== 'clause') continue;
    const paint = o.ratio === null ? c.dim : o.ratio >= 0.95 ? c.green : o.ratio >= 0.7 ? c.yellow : c.red;
    table.push([o.id, o.title, String(o.points), o.excluded > 0 ? String(o.excluded) : '', o.earned === null ? '—' : points(o.earned), paint(pct(o.ratio))]);
  }
  lines.push(table.toString());
  lines.push('');

  if (report.datasets.length > 0) {
    lines.push(c.bold(t('datasets')));
    for (const d of report.datasets) {
      lines.push(
        fitLine(
          `  ${PDF[d.name === 'survey' ? 'surveyTitle' : 'recordsTitle'][lang]}${COLON[lang]}${safeText(d.file)} — ${d.valid}/${d.rows} ${ui('rowsValid', lang)}, sha256 ${d.sha256.slice(0, 12)}`,
          opts.width,
          '    ',
        ),
      );
      for (const [id, m] of Object.entries(d.metrics))
        lines.push(fitLine(c.dim(`    ${metricLabel(id, lang)}${COLON[lang]}${pct(m.value)} (n=${m.n})`), opts.width, '      '));
      if (d.digest.kind === 'records') for (const line of recordsDigestLines(d.digest, lang)) lines.push(fitLine(`    ${line}`, opts.width, '      '));
    }
    lines.push('');
  }

  for (const f of report.findings) {
    if (f.code === 'special-deduction' || f.code === 'fail-special-deductions') lines.push(fitLine(c.red(`! ${findingMessage(f, lang)}`), opts.width, '  '));
    else if (f.code === 'bonus-applied') lines.push(fitLine(c.green(`+ ${findingMessage(f, lang)}`), opts.width, '  '));
    else if (f.code === 'bonus-without-evidence') lines.push(fitLine(c.yellow(`? ${findingMessage(f, lang)}`), opts.width, '  '));
    else if (f.code === 'dataset-unavailable') lines.push(fitLine(c.red(`! ${findingMessage(f, lang)}`), opts.width, '  '));
  }

  if (report.comparison) {
    const { diff, kind } = report.comparison;
    const arrow = diff.levelChange === 'down' ? c.red(' ▼') : diff.levelChange === 'up' ? c.green(' ▲') : '';
    const delta = diff.scoreDelta < 0 ? c.red(signedPoints(diff.scoreDelta)) : diff.scoreDelta > 0 ? c.green(signedPoints(diff.scoreDelta)) : '±0';
    lines.push(c.bold(`${COMPARISON_LABELS[kind][lang]}${COLON[lang]}${sidesLabel(diff, lang)}`));
    lines.push(`  ${points(diff.base.final)} → ${points(diff.head.final)} (${delta}), ${diff.base.levelName[lang]} → ${diff.head.levelName[lang]}${arrow}`);
    if (diff.criteria.length === 0) lines.push(c.dim(`  ${COMPARISON_LABELS.noChange[lang]}`));
    for (const ch of diff.criteria) {
      const d = ch.delta < 0 ? c.red(signedPoints(ch.delta).padStart(6)) : c.green(signedPoints(ch.delta).padStart(6));
      const causes = ch.causes.map((x) => CAUSE_LABELS[x][lang]).join(', ');
      lines.push(wrap(`${d}  ${ch.id} ${ch.title[lang]} — ${causes}${ch.refs.length ? ': ' + ch.refs.join(', ') : ''}`, opts.width, '  '));
    }
    lines.push('');
  }

  lines.push(fitLine(c.bold(reading.nextLevelLine), opts.width, '  '));
  if (reading.reachNext) lines.push(fitLine(reading.reachNext, opts.width, '  '));
  // Made ASCII before it is fitted: `≥` → `>=` after fitting would push a full line past the width.
  for (const line of reading.decisionLines) lines.push(fitLine(asciiIf(opts.ascii, line), opts.width, '  '));
  for (const caveat of reading.caveats) lines.push(fitLine(c.dim(`  ※ ${caveat}`), opts.width, '    '));

  if (reading.actions.length > 0) {
    lines.push('');
    lines.push(c.bold(t('topGaps')));
    const shown = reading.actions.slice(0, opts.topGaps);
    const indent = '     ';
    for (const a of shown) {
      const tag = a.kind === 'gap' ? FIX_TAGS[a.gap.fix][lang] : FIX_TAGS.practice[lang];
      const head = `${(a.kind === 'gap' ? `${a.rank}.` : '!').padStart(3)} ${a.label}  ${c.bold('+' + points(a.recoverable))} ${t('recoverable')}  [${tag}]`;
      lines.push(fitLine(a.kind === 'deduction' ? c.red(head) : head, opts.width, indent));
      if (a.reasons.length > 0) lines.push(wrap(c.dim(a.reasons.join('; ')), opts.width, indent));
      lines.push(wrap(`${t('action')}${COLON[lang]}${a.action}`, opts.width, indent));
      if (a.kind === 'gap' && (a.gap.owner || a.gap.due))
        lines.push(wrap(c.dim(ui('ownerDue', lang, { owner: a.gap.owner ?? '—', due: a.gap.due ?? '—' })), opts.width, indent));
    }
    if (reading.actions.length > shown.length) lines.push(c.dim(`    … ${reading.actions.length - shown.length} ${t('moreGaps')}`.replace(' 项', '项')));
  }
  if (reading.warnings.length > 0) {
    lines.push('');
    lines.push(c.bold(t('warnings')));
    for (const w of reading.warnings) lines.push(wrap(c.yellow(w), opts.width, '  '));
  }
  lines.push('');
  lines.push(`${t('notAssessed')}${COLON[lang]}${report.counts['not-assessed']}    ${t('warnings')}${COLON[lang]}${report.counts.warnings}`);
  // The score and level again at the end: a long report scrolls its head off a 24-line terminal.
  lines.push(c.bold(`${t('score')}${COLON[lang]}${points(report.score.final)} / 100    ${t('level')}${COLON[lang]}${report.level.name[lang]}`));
  lines.push(c.dim(t('selfAssessment')));
  return asciiIf(opts.ascii, lines.join('\n') + '\n');
}

/** Batch summary: one row per company, best first in file order, with the gap to fix first. */
export function renderBatchTerminal(scored: readonly ScoredFile[], lang: Lang, opts: TerminalOptions): string {
  // File names come from the folder, not from the cleaned evidence.
  const files = scored.map((f) => ({ ...f, file: safeText(f.file) }));
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = (k: keyof typeof UI) => UI[k][lang];
  const levelText = (r: ScoredFile['report']) =>
    r.level.name[lang] + (r.level.stars ? (opts.ascii ? ` ${r.level.stars}*` : ' ' + '★'.repeat(r.level.stars)) : '');
  // Six columns fill the terminal: borders and padding take 19 columns, the score, level and mark what they
  // need, and company, file and top gap share the rest (each cell wrapped to its column, CJK-aware).
  const levelW = Math.max(stringWidth(t('level')), ...files.map((f) => stringWidth(levelText(f.report))));
  const scoreW = Math.max(5, stringWidth(t('score')));
  const rest = Math.max(30, opts.width - 19 - levelW - scoreW - 1);
  const gapText = (f: ScoredFile) =>
    f.report.gaps[0] ? `${f.report.gaps[0].criterion} ${f.report.gaps[0].title[lang]} (+${points(f.report.gaps[0].recoverable)})` : '—';
  const natural = (xs: string[]) => Math.max(...xs.map((x) => stringWidth(x)));
  const nc = natural([t('company'), ...files.map((f) => f.report.company.name)]);
  const nf = natural([t('fileCol'), ...files.map((f) => f.file)]);
  const ng = natural([t('topGap'), ...files.map(gapText)]);
  // What fits is shown whole; otherwise the top gap gives way first, then the file, then the company.
  const companyW = nc + nf + ng <= rest ? nc : Math.min(nc, Math.max(10, Math.floor(rest * 0.35)));
  const fileW = nc + nf + ng <= rest ? nf : Math.min(nf, Math.max(10, Math.floor((rest - companyW) * 0.45)));
  const gapW = Math.max(10, rest - companyW - fileW);
  const cell = (text: string, w: number) => wrapAnsi(clipColumns(text, w * CELL_LINES), w, { hard: true, trim: true });
  const anyFailed = files.some((f) => f.failures.length > 0);
  const table = new Table({
    // The gate column only when a file missed its gate: an unlabelled empty column said nothing.
    head: [cell(t('company'), companyW), cell(t('fileCol'), fileW), t('score'), t('level'), cell(t('topGap'), gapW), ...(anyFailed ? [t('gateCol')] : [])],
    colAligns: ['left', 'left', 'right', 'left', 'left', 'left'],
    style: opts.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    chars: opts.ascii ? { ...ASCII_CHARS, ...COMPACT } : COMPACT,
  });
  for (const { file, report, failures } of files) {
    const level = levelText(report);
    table.push([
      cell(report.company.name, companyW),
      wrapPath(file, fileW),
      report.score.final.toFixed(1),
      report.level.id === 'fail' ? c.red(level) : level,
      cell(gapText({ file, report, failures }), gapW),
      ...(anyFailed ? [failures.length ? c.red('✗') : ''] : []),
    ]);
  }
  return asciiIf(opts.ascii, table.toString() + '\n');
}

/**
 * Lines a batch cell may take. A row is one company; a name of thousands of lines (an evidence file may hold
 * 1 MiB) would bury the table, and wrap-ansi's time grows with the square of a long word's length, so a
 * longer cell ends in an ellipsis (the full name stays in the single report and in JSON).
 */
const CELL_LINES = 20;

/** `text` cut to at most `max` columns, the cut marked with an ellipsis. */
function clipColumns(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > max - 1) break;
    used += w;
    end += ch.length;
  }
  return `${text.slice(0, end)}…`;
}

/** A path wrapped after its slashes, so a line never ends inside a folder name unless the name alone is too long. */
function wrapPath(path: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const part of path.split(/(?<=\/)/)) {
    if (line !== '' && stringWidth(line + part) > width) {
      lines.push(line);
      line = '';
    }
    line += part;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => wrapAnsi(l, width, { hard: true })).join('\n');
}

/** Symbols a plain ASCII terminal cannot show, and what `--ascii` prints instead (text itself is kept). */
const ASCII_SYMBOLS: Record<string, string> = {
  '—': '-',
  '–': '-',
  '−': '-',
  '·': '-',
  '…': '...',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '→': '->',
  '←': '<-',
  '±': '+/-',
  '≥': '>=',
  '≤': '<=',
  '▼': 'v',
  '▲': '^',
  '★': '*',
  '☆': '.',
  '✗': 'x',
  '✓': 'v',
  '█': '#',
  '░': '.',
  '⚠': '!',
  '÷': '/',
  '×': 'x',
};
function asciiIf(ascii: boolean, text: string): string {
  return ascii ? text.replace(/[—–−·…“”‘’→←±≥≤▼▲★☆✗✓█░⚠÷×]/g, (ch) => ASCII_SYMBOLS[ch] ?? ch) : text;
}

/** Short terms laid on lines of at most `width` columns, two spaces apart, wrapping only between terms. */
function packTerms(terms: readonly string[], width: number, first: string, rest: string): string[] {
  const out: string[] = [];
  let line = first;
  for (const term of terms) {
    const fresh = line === first || line === rest;
    if (!fresh && stringWidth(`${line}  ${term}`) > width) {
      out.push(line);
      line = rest;
    }
    line += line === first || line === rest ? term : `  ${term}`;
  }
  out.push(line);
  return out;
}

function wrap(text: string, width: number, indent: string): string {
  return fitLine(indent + text, width, indent);
}

/**
 * A line wrapped to the terminal width: continuation lines start with `indent`, long tokens break only
 * when they alone exceed the width, and no line starts with closing punctuation.
 */
function fitLine(text: string, width: number, indent = ''): string {
  // Colour applied to the whole text (c.dim(…)) is taken off, the text wrapped, and each line coloured again;
  // text with colour inside is wrapped by wrap-ansi, which keeps the codes balanced.
  const whole = /^(\u001b\[[0-9;]*m)([^\u001b]*)(\u001b\[[0-9;]*m)$/.exec(text);
  const plain = !/\u001b/.test(text);
  if (!plain && !whole) return fitAnsi(text, width, indent);
  const [open, body, close] = whole ? [whole[1]!, whole[2]!, whole[3]!] : ['', text, ''];
  return wrapText(body, width, indent)
    .map((l) => open + l + close)
    .join('\n');
}

function wrapText(text: string, width: number, indent: string): string[] {
  return breakLines(text, width, stringWidth, indent).map((l, i) => (i === 0 ? l : indent + l));
}

function fitAnsi(text: string, width: number, indent: string): string {
  return wrapAnsi(text, Math.max(20, width), { hard: true, trim: true })
    .split('\n')
    .map((l, i) => (i === 0 ? l : indent + l))
    .join('\n');
}

function bar(ratio: number, width: number, ascii: boolean, c: ChalkInstance): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  const [on, off] = ascii ? ['#', '.'] : ['█', '░'];
  const paint = ratio >= 0.95 ? c.green : ratio >= 0.7 ? c.yellow : c.red;
  return paint(on.repeat(filled)) + c.dim(off.repeat(width - filled));
}

function pct(ratio: number | null): string {
  return percent(ratio);
}
