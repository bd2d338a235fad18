import { findingMessage } from '../messages/findings.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import type { CriterionResult } from '../model/report.js';
import { allFindings, type ScoredFile } from './scoredFile.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0: one rule per rubric criterion (plus one for assessment-wide findings), one result per
 * finding with a physical location in the evidence YAML. Code-scanning tools show them in place.
 */
export function renderSarif(files: readonly ScoredFile[]): string {
  const first = files[0]?.report;
  const lang = first?.lang ?? 'en';
  const criteria: CriterionResult[] = first ? first.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)) : [];
  const rules = [
    ...criteria.map((c) => ({
      id: c.id,
      name: c.title.en,
      shortDescription: { text: c.title[lang] },
      fullDescription: { text: c.expects[lang] },
      help: { text: c.action[lang] },
      properties: { points: c.points },
    })),
    { id: 'assessment', name: 'Assessment', shortDescription: { text: 'Special deductions, bonus and level rules' } },
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap(({ file, report }) =>
    allFindings(report).map(({ criterion, finding }) => {
      const ruleId = criterion?.id ?? 'assessment';
      return {
        ruleId,
        ruleIndex: ruleIndex.get(ruleId) ?? ruleIndex.get('assessment')!,
        level: LEVEL[FINDING_SEVERITY[finding.code]],
        message: { text: findingMessage(finding, report.lang) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file) },
              ...(finding.line ? { region: { startLine: finding.line, startColumn: finding.column ?? 1 } } : {}),
            },
          },
        ],
        properties: { code: finding.code, args: finding.args, path: finding.path, company: report.company.name },
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aftersales-assess',
            version: first?.tool.version ?? '0.0.0',
            informationUri: 'https://github.com/aftersales-assess/aftersales-assess',
            rules,
          },
        },
        results,
        properties: {
          reports: files.map(({ file, report }) => ({ file: toUri(file), company: report.company.name, final: report.score.final, level: report.level.id })),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
