import { criteriaOf } from '../model/criteriaOf.js';
import { gateMessage } from '../messages/gate.js';
import { gateCheckName } from '../score/gate.js';
import { findingMessage } from '../messages/findings.js';
import { OUTCOME_LABELS } from '../messages/ui.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import type { ScoredFile } from './scoredFile.js';
import { readReport } from './reading.js';
import { safeLines } from '../shared/safeText.js';

/**
 * JUnit XML: a test suite per evidence file, a test case per criterion (n/a skipped, lost points fail) and
 * one per gate check asked for. With `gateOnly`, only the gate fails: a company that passes its thresholds
 * is a green build, and the points lost are reported in each case's output instead.
 */
export function renderJunit(files: readonly ScoredFile[], o: { gateOnly?: boolean } = {}): string {
  const suites = files.map(({ file, report, failures, checks }) => {
    const lang = report.lang;
    const { actionFor } = readReport(report, lang);
    const cases = report.sections.flatMap((s) =>
      s.clauses.flatMap((cl) =>
        cl.criteria.map((c) => {
          const name = `${c.id} ${c.title[lang]}`;
          const attrs = `classname="${esc(`${cl.id} ${cl.title[lang]}`)}" name="${esc(name)}" time="0"`;
          if (!c.applicable) return `    <testcase ${attrs}><skipped message="${esc(OUTCOME_LABELS[c.outcome][lang])}"/></testcase>`;
          if (c.earned >= c.points) return `    <testcase ${attrs}/>`;
          const reasons = c.findings.filter((f) => FINDING_SEVERITY[f.code] === 'error').map((f) => findingMessage(f, lang));
          const message = `${OUTCOME_LABELS[c.outcome][lang]}: ${c.earned}/${c.points}`;
          const body = [...reasons, actionFor.get(c.id) ?? c.action[lang]].join('\n');
          if (o.gateOnly) return `    <testcase ${attrs}><system-out>${esc(`${message}\n${body}`)}</system-out></testcase>`;
          return `    <testcase ${attrs}><failure message="${esc(message)}" type="${c.outcome}">${esc(body)}</failure></testcase>`;
        }),
      ),
    );
    const all = criteriaOf(report);
    const failed = o.gateOnly ? 0 : all.filter((c) => c.applicable && c.earned < c.points).length;
    const skipped = all.filter((c) => !c.applicable).length;
    // Named for the check, not the measured value, so a test keeps its identity from run to run.
    const failing = new Map(failures.map((f) => [gateCheckName(f), f]));
    const names = [...new Set([...(checks ?? []), ...failing.keys()])];
    const thresholdCases = names.map((name) => {
      const f = failing.get(name);
      const attrs = `classname="thresholds" name="${esc(name)}" time="0"`;
      return f
        ? `    <testcase ${attrs}><failure message="${esc(gateMessage(f, report, report.lang))}" type="threshold"/></testcase>`
        : `    <testcase ${attrs}/>`;
    });
    return [
      `  <testsuite name="${esc(`${report.company.name} (${file})`)}" tests="${all.length + thresholdCases.length}" failures="${failed + failures.length}" errors="0" skipped="${skipped}" time="0">`,
      `    <properties><property name="score" value="${report.score.final}"/><property name="level" value="${report.level.id}"/><property name="assessmentDate" value="${report.assessmentDate}"/></properties>`,
      ...cases,
      ...thresholdCases,
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="aftersales-assess">\n${suites.join('\n')}\n</testsuites>\n`;
}

function esc(s: string): string {
  return (
    // Also what XML 1.0 cannot carry at all.
    safeLines(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  );
}
