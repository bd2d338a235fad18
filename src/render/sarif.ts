import type { Lang } from '../model/localized.js';
import { criteriaOf } from '../model/criteriaOf.js';
import { createHash } from 'node:crypto';
import { findingMessage } from '../messages/findings.js';
import { FINDING_SEVERITY } from '../model/finding.js';
import type { CriterionResult } from '../model/report.js';
import { allFindings, type ScoredFile } from './scoredFile.js';
import { safeJson } from '../shared/safeText.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0: one rule per rubric criterion (plus one for assessment-wide findings), one result per
 * finding with a physical location in the evidence YAML. Code-scanning tools show them in place.
 */
export function renderSarif(files: readonly ScoredFile[], lang: Lang): string {
  const first = files[0]?.report;
  const criteria: CriterionResult[] = first ? criteriaOf(first) : [];
  // GitHub's ingestion wants every rule with a full description and help, and a name that is not its id.
  const rules = [
    ...criteria.map((c) => ({
      id: c.id,
      name: ruleName(c.title.en),
      shortDescription: { text: `${c.id} ${c.title[lang]}` },
      fullDescription: { text: c.expects[lang] },
      help: { text: c.action[lang], markdown: `**${c.id} ${c.title[lang]}**\n\n${c.expects[lang]}\n\n${c.action[lang]}` },
      properties: { points: c.points, tags: ['aftersales', c.id.split('.').slice(0, 2).join('.')] },
    })),
    {
      id: 'assessment',
      name: 'AssessmentRules',
      shortDescription: { text: ASSESSMENT_RULE.short[lang] },
      fullDescription: { text: ASSESSMENT_RULE.full[lang] },
      help: { text: ASSESSMENT_RULE.help[lang], markdown: ASSESSMENT_RULE.help[lang] },
      properties: { tags: ['aftersales'] },
    },
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
              ...(finding.line ? { region: region(finding) } : {}),
            },
          },
        ],
        // Identity of a result across runs, so code scanning tracks it when lines move: the file, the rule,
        // what kind of finding it is and where in the evidence (the YAML path, not the line).
        partialFingerprints: { 'aftersalesFinding/v1': fingerprint(file, ruleId, finding.code, finding.path) },
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
        // One category per tool run: several SARIF uploads in one workflow do not replace each other.
        columnKind: 'utf16CodeUnits',
        automationDetails: { id: `aftersales-assess/${first?.rubric.id ?? 'rubric'}/` },
        properties: {
          reports: files.map(({ file, report }) => ({ file: toUri(file), company: report.company.name, final: report.score.final, level: report.level.id })),
        },
      },
    ],
  };
  return safeJson(log, undefined, 2) + '\n';
}

const ASSESSMENT_RULE = {
  short: { 'zh-CN': '特别扣分、特别加分与等级规则', en: 'Special deductions, bonus and level rules' },
  full: {
    'zh-CN': '与单个评价项无关的结论：特别扣分项（每项扣分，达到一定数量即不合格）、特别加分项、等级与门槛。',
    en: 'Findings about the assessment as a whole: special deductions (points off; enough of them fail the assessment), the special bonus, the level and thresholds.',
  },
  help: {
    'zh-CN': '纠正违规并保留整改证据；特别加分须有可核查的证据。',
    en: 'Correct a breach and keep the evidence of it; a bonus needs evidence an auditor can check.',
  },
} as const;

/** "After-sales department and post responsibilities" -> "AfterSalesDepartmentAndPostResponsibilities". */
function ruleName(title: string): string {
  const name = title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name || 'Criterion';
}

function region(f: { line?: number; column?: number; endLine?: number; endColumn?: number }) {
  const startColumn = f.column ?? 1;
  return { startLine: f.line, startColumn, endLine: f.endLine ?? f.line, endColumn: f.endColumn ?? startColumn + 1 };
}

function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function toUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
