import { interpolate } from '../shared/interpolate.js';
import { gapAction } from '../messages/actions.js';
import { findingMessage } from '../messages/findings.js';
import { PDF } from '../messages/pdf.js';
import { PLANNING, planning } from '../messages/planning.js';
import { COLON, inParens, ui } from '../messages/ui.js';
import { criteriaOf } from '../model/criteriaOf.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import type { Lang } from '../model/localized.js';
import type { Gap, PathBlocker, Report } from '../model/report.js';
import type { Points, Ratio, Score100, WorkingDays } from '../model/units.js';
import { nextLevelPath, nextLevelText, specialDeductions } from './reportFacts.js';

/**
 * One reading of a Report in one language, made once and laid out by every human format: what to do and in
 * which order, the next-level line, the overview's figures. A renderer takes its actions, order and numbers
 * from here and never decides them itself, so no two formats (or two pages of one) can say different things.
 */
export interface Reading {
  lang: Lang;
  /** "四星级（≥ 90）：还差 8.6 分" / "Four-star (≥ 90): 8.6 points needed", or that the top level is reached. */
  nextLevelLine: string;
  /** What closes the gap to the next level and the score it gives; null when no set of gaps reaches it. */
  reachNext: string | null;
  /**
   * The decision page's planning lines, beside the next-level line in every format: the score bounds while
   * criteria are unanswered (none when every criterion is assessed: the bounds are the score).
   */
  decisionLines: string[];
  /**
   * The cheapest path to each level above the current one as a table (PDF and HTML lay it out): each action
   * with its points, effort and whose estimate it is, and the running score; or what blocks the level.
   */
  pathTables: PathTable[];
  /** Special deductions first (each costs points, and enough of them fail the assessment), then the gaps by points. */
  actions: Action[];
  /** The first actions, for a summary page: the same rows in the same order. */
  summaryActions: Action[];
  /** The one action for each criterion that is a gap, as the actions give it (clause pages repeat it). */
  actionFor: ReadonlyMap<string, string>;
  overview: OverviewRow[];
  /**
   * Facts a reader must weigh before deciding on the level (e.g. that stars may need a year at 达标), then what
   * the points rest on (the rubric's one sentence): in every format.
   */
  caveats: string[];
  /**
   * How the final score is made, as terms a layout may wrap between but never inside: "折算得分 86.43（69.14/80.00）",
   * "− 特别扣分 5 分（1 项）", "+ 特别加分 0", "= 最终得分 81.4".
   */
  arithmetic: string[];
  /**
   * Report-level facts that belong on a criterion's row too: a typed metric the data contradicts, on each
   * criterion scored from that metric ("5/5" must not stand without it).
   */
  notesFor: ReadonlyMap<string, string[]>;
  /** Every warning (a claim the data contradicts, evidence about to expire…), each with its criterion, in rubric order. */
  warnings: string[];
}

/** Report-level findings that bear on the client's decision, whatever their severity. */
const CAVEATS: ReadonlySet<string> = new Set(['stars-need-one-year']);

interface ActionBase {
  /** What fixing it adds to the final score, and the final score once it and every action above it are done. */
  recoverable: Score100;
  after: Score100;
  /**
   * The running score as a plan row shows it: once the score is capped at 100 (a bonus can take it there
   * before every gap is closed), "100（已封顶）" / "100 (capped)", so a row is not read as worth nothing.
   */
  afterText: string;
  /** Why points were lost, one line each. */
  reasons: string[];
  action: string;
}

export type Action =
  | (ActionBase & { kind: 'deduction'; clause: string; label: string })
  | (ActionBase & {
      kind: 'gap';
      rank: number;
      gap: Gap;
      label: string;
      /** "负责人：… · 完成期限：…", with "待定" / "to be assigned" for what the evidence file leaves open: a plan row always says. */
      ownerDue: string;
      /**
       * "审核员期望：…" for every gap whose action does not already say it (the action of an unassessed or uncited
       * criterion starts from it), so each plan row tells what the auditor will look for.
       */
      expects: string | null;
    });

/** One level's least-effort set, row by row, in the order of the Report's path (rubric order). */
export interface PathTable {
  /** "四星级（≥ 90）". */
  heading: string;
  reachable: boolean;
  rows: PathRow[];
  /** "合计：2 项，估计 6 个工作日，完成后预计得分 95.0"; null when unreachable. */
  total: string | null;
  /** What keeps the level out of reach, one line each; empty when reachable. */
  blockers: string[];
}

export interface PathRow {
  criterion: string;
  title: string;
  recoverable: Score100;
  days: WorkingDays;
  /** Whose estimate the days are: "评价表（本工具估计）", "证据文件（企业估计）" or that 1 day is assumed. */
  source: string;
  /** The final score once this row and every row above it are done. */
  afterText: string;
}

/** A section or clause as the overview shows it: the standard's points, what was excluded, and what was earned of the rest. */
export interface OverviewRow {
  kind: 'section' | 'clause';
  id: string;
  title: string;
  /** The standard's points for the node, exclusions included. */
  points: Points;
  /** Points excluded as not applicable (删减); 0 when none. */
  excluded: Points;
  applicable: Points;
  /** null when nothing of the node applies. */
  earned: Points | null;
  ratio: Ratio | null;
}

/** Actions a summary page lists (PDF page 2, the HTML summary). */
const SUMMARY_ACTIONS = 5;

export function readReport(r: Report, lang: Lang): Reading {
  let running = r.score.final;
  // The final score once this row and every row above it are done, capped at 100: past it, closing gaps adds
  // nothing more to the final score, and the row says so.
  const step = (gain: number): { after: Score100; afterText: string } => {
    running += gain;
    const uncapped = Math.round(running * 10) / 10;
    return uncapped > 100 ? { after: 100, afterText: ui('cappedScore', lang) } : { after: uncapped, afterText: uncapped.toFixed(1) };
  };
  const actions: Action[] = [
    ...specialDeductions(r).map(
      (d): Action => ({
        kind: 'deduction',
        clause: d.clause,
        label: interpolate(PDF.deductionRow[lang], { clause: d.clause }),
        recoverable: r.method.specialDeductionPoints,
        ...step(r.method.specialDeductionPoints),
        reasons: [d.reason],
        action: interpolate(PDF.deductionAction[lang], { failAt: r.method.failWhenSpecialDeductionsAtLeast }),
      }),
    ),
    ...r.gaps.map((gap, i): Action => {
      const action = gapAction(gap, lang);
      return {
        kind: 'gap',
        rank: i + 1,
        gap,
        label: `${gap.criterion} ${gap.title[lang]}`,
        recoverable: gap.recoverable,
        ...step(gap.recoverable),
        reasons: gap.reasons.map((f) => findingMessage(f, lang)),
        action,
        ownerDue: ui('ownerDue', lang, { owner: gap.owner ?? ui('toBeAssigned', lang), due: gap.due ?? ui('dueNotSet', lang) }),
        expects: action.includes(gap.expects[lang]) ? null : `${ui('auditorExpects', lang)}${COLON[lang]}${gap.expects[lang]}`,
      };
    }),
  ];
  const path = nextLevelPath(r);
  const s = r.score;
  return {
    lang,
    arithmetic: [
      `${ui('normalized', lang)} ${s.normalized.toFixed(2)}${inParens(`${s.earned.toFixed(2)}/${s.applicable.toFixed(2)}`, lang)}`,
      `− ${ui('deductionsTerm', lang, { points: s.specialDeductions.points, count: s.specialDeductions.count })}`,
      `+ ${ui('bonusTerm', lang, { points: s.bonus })}`,
      `= ${ui('final', lang)} ${s.final.toFixed(1)}`,
    ],
    nextLevelLine: nextLevelText(r, lang),
    reachNext:
      r.level.next && path
        ? interpolate(PDF.reachNext[lang], { level: r.level.next.name[lang], ids: path.ids.join(ui('listSep', lang)), score: path.after.toFixed(1) })
        : null,
    decisionLines: [...boundsLine(r, lang), ...pathLines(r, lang)],
    pathTables: pathTables(r, lang),
    actions,
    summaryActions: actions.slice(0, SUMMARY_ACTIONS),
    actionFor: new Map(actions.flatMap((a) => (a.kind === 'gap' ? [[a.gap.criterion, a.action] as const] : []))),
    warnings: [...criteriaOf(r).flatMap((k) => k.findings.map((f) => [`${k.id} `, f] as const)), ...r.findings.map((f) => ['', f] as const)]
      .filter(([, f]) => FINDING_SEVERITY[f.code] === 'warning')
      .map(([id, f]) => `${id}${findingMessage(f, lang)}`),
    // What the points rest on comes last: the level caveats bear on this company, the basis on every report.
    caveats: [
      ...r.findings.filter((f) => CAVEATS.has(f.code)).map((f) => findingMessage(f, lang)),
      ...(r.method.pointsBasis ? [r.method.pointsBasis[lang]] : []),
    ],
    notesFor: criterionNotes(r, lang),
    overview: r.sections.flatMap((s) => [row('section', s, lang), ...s.clauses.map((c) => row('clause', c, lang))]),
  };
}

function criterionNotes(r: Report, lang: Lang): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const f of r.findings) {
    if (f.code !== 'metric-disagrees-with-data') continue;
    const metric = `${String(f.args.dataset)}.${String(f.args.metric)}`;
    for (const d of r.method.dataRules.filter((x) => x.metric === metric)) {
      notes.set(d.criterion, [...(notes.get(d.criterion) ?? []), `${findingMessage(f, lang)}${ui('scoredFromData', lang)}`]);
    }
  }
  return notes;
}

function boundsLine(r: Report, lang: Lang): string[] {
  const b = r.bounds;
  if (b.unanswered.length === 0) return [];
  return [
    interpolate(PLANNING.bounds[lang], {
      n: b.unanswered.length,
      low: b.low.final.toFixed(1),
      lowLevel: b.low.levelName[lang],
      high: b.high.final.toFixed(1),
      highLevel: b.high.levelName[lang],
    }),
  ];
}

/** One line per level above the current one: the least-effort set that reaches it, or what blocks it. */
function pathLines(r: Report, lang: Lang): string[] {
  const sep = ui('listSep', lang);
  return r.paths.map((p) => {
    const head = { level: p.levelName[lang], threshold: p.threshold };
    if (!p.reachable) {
      const why = p.blockers.map((b) => blockerText(b, lang)).join(PLANNING.blockerJoin[lang]);
      return interpolate(PLANNING.pathBlocked[lang], { ...head, why });
    }
    const defaulted = p.actions.filter((a) => a.effort.source === 'default').map((a) => a.criterion);
    const line = interpolate(PLANNING.path[lang], {
      ...head,
      ids: p.actions.map((a) => a.criterion).join(sep),
      days: String(p.effort),
      score: p.final.toFixed(1),
    });
    return defaulted.length ? line + interpolate(PLANNING.pathDefaultEffort[lang], { ids: defaulted.join(sep) }) : line;
  });
}

function pathTables(r: Report, lang: Lang): PathTable[] {
  const titles = new Map(r.gaps.map((g) => [g.criterion, g.title[lang]] as const));
  return r.paths.map((p) => ({
    heading: planning('tableHeading', lang, { level: p.levelName[lang], threshold: p.threshold }),
    reachable: p.reachable,
    rows: p.actions.map((a) => ({
      criterion: a.criterion,
      title: titles.get(a.criterion) ?? '',
      recoverable: a.recoverable,
      days: a.effort.days,
      source: planning(`source-${a.effort.source}`, lang),
      afterText: a.after.toFixed(1),
    })),
    total: p.reachable ? planning('tableTotal', lang, { n: p.actions.length, days: String(p.effort), score: p.final.toFixed(1) }) : null,
    blockers: p.blockers.map((b) => blockerText(b, lang)),
  }));
}

function blockerText(b: PathBlocker, lang: Lang): string {
  switch (b.code) {
    case 'special-deductions-fail':
      return interpolate(PLANNING[b.code][lang], { count: b.count, limit: b.limit });
    case 'special-deductions-points':
      return interpolate(PLANNING[b.code][lang], { points: b.points, maxFinal: b.maxFinal.toFixed(1) });
    case 'unsupported':
      return interpolate(PLANNING[b.code][lang], { ids: b.criteria.join(ui('listSep', lang)) });
    case 'points':
      return interpolate(PLANNING[b.code][lang], { maxFinal: b.maxFinal.toFixed(1) });
  }
}

function row(
  kind: OverviewRow['kind'],
  n: { id: string; title: Report['rubric']['title']; points: Points; applicablePoints: Points; earned: Points; ratio: Ratio | null },
  lang: Lang,
): OverviewRow {
  return {
    kind,
    id: n.id,
    title: n.title[lang],
    points: n.points,
    excluded: n.points - n.applicablePoints,
    applicable: n.applicablePoints,
    earned: n.applicablePoints === 0 ? null : n.earned,
    ratio: n.ratio,
  };
}
