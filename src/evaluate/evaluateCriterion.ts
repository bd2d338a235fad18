import type { EvidenceFile } from '../model/evidence.js';
import type { DataInput } from '../model/data.js';
import type { FileFacts } from '../model/facts.js';
import { finding, pointer, type Finding } from '../model/finding.js';
import type { CriterionResult, Effort } from '../model/report.js';
import type { Outcome } from '../model/outcome.js';
import { CRITERION_KINDS, type Criterion, type CriterionKind, type Rubric } from '../model/rubric.js';
import { roundTo, type IsoDate } from '../model/units.js';
import { CRITERION_KIND_EVALUATORS, kindOf } from './criterionKinds.js';
import { evaluateEvidenceItems } from './evidenceItems.js';

/** Raw evidence -> findings and credit for one criterion (standard §6.3 rules 1, 2 and 5). */
export function evaluateCriterion(
  criterion: Criterion,
  evidence: EvidenceFile,
  rubric: Rubric,
  facts: FileFacts,
  asOf: IsoDate,
  data?: DataInput,
): CriterionResult {
  const path = pointer('criteria', criterion.id);
  const entry = evidence.criteria?.[criterion.id];
  const items = evaluateEvidenceItems(entry?.evidence, path, facts, asOf, criterion.maxAgeMonths);
  const base = {
    id: criterion.id,
    title: criterion.title,
    points: criterion.points,
    status: entry?.status ?? null,
    note: entry?.note ?? null,
    owner: entry?.owner ?? null,
    due: entry?.due ?? null,
    effort: effortOf(criterion, entry?.effort),
    evidence: items.items,
    expects: criterion.expects,
    action: criterion.action,
    path,
  };
  const result = (applicable: boolean, credit: number, outcome: Outcome, findings: Finding[]): CriterionResult => ({
    ...base,
    applicable,
    credit: roundTo(credit, 4),
    earned: roundTo(criterion.points * credit, 2),
    outcome,
    findings,
  });

  if (entry?.status === 'n/a' && criterion.notApplicable) {
    return result(false, 0, 'not-applicable', [finding('not-applicable', { justification: entry.justification ?? '' }, `${path}/status`)]);
  }

  const kind = kindOf(criterion);
  if (!isKnownKind(kind)) {
    // A rubric newer than this build: score nothing rather than guess, and say so.
    return result(true, 0, 'unsupported', [finding('unsupported-kind', { kind }, path)]);
  }
  const verdict = CRITERION_KIND_EVALUATORS[kind]({ criterion, entry, evidence, rubric, path, asOf, data });
  if (verdict.kind === 'not-assessed') {
    return result(true, 0, 'not-assessed', [...verdict.findings, ...items.findings]);
  }

  const findings = [...verdict.findings, ...items.findings];
  const claimed = entry?.status;
  if (verdict.measured && claimed && claimed !== 'n/a' && claimed !== outcomeAsStatus(outcomeOf(verdict.credit))) {
    // The one place a claim that disagrees with a measurement is reported; the measurement counts.
    findings.push(finding('status-contradicts-measure', { status: claimed, measured: outcomeAsStatus(outcomeOf(verdict.credit)) }, `${path}/status`));
  }
  if (verdict.evidenceGate === false) return result(true, verdict.credit, outcomeOf(verdict.credit), findings);
  let credit = verdict.credit;
  if (credit > 0 && items.counting === 0) {
    // An auditor would not accept an unsupported claim either.
    findings.push(
      items.items.length === 0 ? finding('no-evidence', {}, path) : finding('no-valid-evidence', { cited: items.items.length }, `${path}/evidence`),
    );
    credit = 0;
  }
  return result(true, credit, outcomeOf(credit), findings);
}

/** The company's own estimate wins over the rubric's; with neither, one working day, and the report says so. */
function effortOf(criterion: Criterion, override: number | undefined): Effort {
  if (override !== undefined) return { days: override, source: 'evidence' };
  if (criterion.effort !== undefined) return { days: criterion.effort, source: 'rubric' };
  return { days: 1, source: 'default' };
}

function outcomeAsStatus(o: Outcome): 'met' | 'partial' | 'not-met' {
  return o === 'met' ? 'met' : o === 'partial' ? 'partial' : 'not-met';
}

function outcomeOf(credit: number): Outcome {
  if (credit >= 1) return 'met';
  if (credit > 0) return 'partial';
  return 'not-met';
}

function isKnownKind(kind: string): kind is CriterionKind {
  return (CRITERION_KINDS as readonly string[]).includes(kind);
}
