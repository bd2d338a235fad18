import { gateMessage } from '../messages/gate.js';
import { findingMessage } from '../messages/findings.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Lang } from '../model/localized.js';
import { diagnosticText } from '../messages/diagnostics.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import { allFindings, type ScoredFile } from './scoredFile.js';

/**
 * GitHub Actions workflow commands: one annotation per finding at its line in the evidence file,
 * so a pull request shows the problem on the exact YAML line. Info findings are left out.
 */
export function renderGithub(files: readonly ScoredFile[]): string {
  const out: string[] = [];
  for (const { file, report, failures } of files) {
    const lang = report.lang;
    for (const { criterion, finding } of allFindings(report)) {
      const severity = FINDING_SEVERITY[finding.code];
      if (severity === 'info') continue;
      const title = criterion ? `${criterion.id} ${criterion.title[lang]}` : 'aftersales-assess';
      const lost = criterion && severity === 'error' && criterion.earned < criterion.points ? ` (−${(criterion.points - criterion.earned).toFixed(2)})` : '';
      out.push(
        command(severity === 'error' ? 'error' : 'warning', { file, line: finding.line, col: finding.column, title }, findingMessage(finding, lang) + lost),
      );
    }
    const level = report.level.name[lang];
    out.push(command('notice', { file, title: 'aftersales-assess' }, `${report.company.name}: ${report.score.final} / 100, ${level}`));
    for (const f of failures) out.push(command('error', { file, title: 'aftersales-assess threshold' }, gateMessage(f, report, report.lang)));
  }
  return out.join('\n') + '\n';
}

export function renderGithubDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return (
    diagnostics
      .map((d) => {
        const text = diagnosticText(d, lang);
        return command(
          d.severity,
          { file: d.file, line: d.line || undefined, col: d.column || undefined, title: 'aftersales-assess' },
          text.message + (text.hint ? ` — ${text.hint}` : ''),
        );
      })
      .join('\n') + '\n'
  );
}

function command(kind: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

// Escaping as the Actions runner expects (toolkit/core command.ts).
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
