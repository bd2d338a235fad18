import { points, signedPoints } from '../messages/numbers.js';
import { Chalk } from 'chalk';
import { CAUSE_LABELS, diffLabel, sidesLabel } from '../messages/changes.js';
import type { ReportDiff } from '../model/diff.js';
import type { Lang } from '../model/localized.js';

/** `diff BASE HEAD` in the terminal: score and level, then clause and criterion changes with causes. */
export function renderDiffTerminal(diff: ReportDiff, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const signed = (n: number, width = 0) => {
    const s = signedPoints(n).padStart(width);
    return n > 0 && s.trim() !== '±0' ? c.green(s) : n < 0 && s.trim() !== '±0' ? c.red(s) : s;
  };
  const out: string[] = [];
  out.push(c.bold(`${sidesLabel(diff, lang)}`));
  out.push(
    `  ${points(diff.base.final)} → ${points(diff.head.final)} (${signed(diff.scoreDelta)}), ${diff.base.levelName[lang]} → ${diff.head.levelName[lang]}${diff.levelChange === 'down' ? c.red(' ▼') : diff.levelChange === 'up' ? c.green(' ▲') : ''}`,
  );
  if (diff.companyChanged) out.push(c.yellow(`  ${diffLabel('companies', lang, { base: diff.base.company, head: diff.head.company })}`));
  const p = diff.parts;
  if (p.deductions.before !== p.deductions.after) out.push(`  ${diffLabel('deductions', lang, p.deductions)}`);
  if (p.bonus.before !== p.bonus.after) out.push(`  ${diffLabel('bonus', lang, p.bonus)}`);
  if (p.applicable.before !== p.applicable.after) out.push(`  ${diffLabel('applicable', lang, p.applicable)}`);
  if (diff.base.rubricSha256 !== diff.head.rubricSha256)
    out.push(c.yellow(`  ${CAUSE_LABELS['rubric-changed'][lang]} (${diff.base.rubricSha256.slice(0, 12)} → ${diff.head.rubricSha256.slice(0, 12)})`));
  if (diff.clauses.length) {
    out.push('');
    for (const cl of diff.clauses)
      out.push(
        `  ${cl.id.padEnd(7)} ${cl.title[lang]}  ${cl.before === null ? '—' : points(cl.before)} → ${cl.after === null ? '—' : points(cl.after)} (${signed(cl.delta)})`,
      );
  }
  if (diff.criteria.length) {
    out.push('');
    for (const ch of diff.criteria) {
      out.push(
        `  ${signed(ch.delta, 6)}  ${ch.id} ${ch.title[lang]} — ${ch.causes.map((x) => CAUSE_LABELS[x][lang]).join(', ')}${ch.refs.length ? ': ' + ch.refs.join(', ') : ''}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
