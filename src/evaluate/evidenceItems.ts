import type { EvidenceItem } from '../model/evidence.js';
import type { FileFacts } from '../model/facts.js';
import { finding, pointer, type Finding } from '../model/finding.js';
import type { EvidenceResult, EvidenceState } from '../model/report.js';
import type { IsoDate } from '../model/units.js';
import { addMonths, daysBetween } from '../shared/dates.js';

/** An item expiring within this many days of the assessment date is flagged, so it is renewed before the audit. */
export const EXPIRY_WARNING_DAYS = 90;

export interface EvidenceEvaluation {
  items: EvidenceResult[];
  /** Items that support a claim: a URL, or a file that exists inside the root, neither expired. */
  counting: number;
  findings: Finding[];
}

export function evaluateEvidenceItems(
  items: readonly EvidenceItem[] | undefined,
  basePath: string,
  facts: FileFacts,
  asOf: IsoDate,
  /** From the rubric: items older than this, or undated, do not count. */
  maxAgeMonths?: number,
): EvidenceEvaluation {
  const results: EvidenceResult[] = [];
  const findings: Finding[] = [];
  (items ?? []).forEach((item, index) => {
    const path = `${basePath}${pointer('evidence', index)}`;
    const isFile = item.file !== undefined;
    const ref = (isFile ? item.file : item.url) ?? '';
    let state: EvidenceState = isFile ? fileState(facts, ref) : 'url';
    if (state === 'missing') findings.push(finding('evidence-file-missing', { file: ref }, path));
    if (state === 'outside-root') findings.push(finding('evidence-file-outside-root', { file: ref }, path));
    if (state === 'not-a-file') findings.push(finding('evidence-not-a-file', { file: ref }, path));
    if (state === 'found' && item.sha256 !== undefined) {
      const actual = (facts.get(ref) as { sha256?: string } | undefined)?.sha256;
      if (actual !== undefined && actual !== item.sha256.toLowerCase()) {
        state = 'hash-mismatch';
        findings.push(finding('evidence-hash-mismatch', { file: ref, expected: item.sha256.toLowerCase(), actual }, `${path}/sha256`));
      }
    }
    if (item.expires !== undefined && (state === 'found' || state === 'url')) {
      const days = daysBetween(asOf, item.expires);
      if (days < 0) {
        state = 'expired';
        findings.push(finding('evidence-expired', { ref, expires: item.expires }, `${path}/expires`));
      } else if (days <= EXPIRY_WARNING_DAYS) {
        findings.push(finding('evidence-expires-soon', { ref, expires: item.expires, days }, `${path}/expires`));
      }
    }
    if (maxAgeMonths !== undefined && (state === 'found' || state === 'url')) {
      if (item.date === undefined) {
        state = 'undated';
        findings.push(finding('evidence-undated', { ref, maxAgeMonths }, path));
      } else if (item.date < addMonths(asOf, -maxAgeMonths)) {
        state = 'too-old';
        findings.push(finding('evidence-too-old', { ref, date: item.date, maxAgeMonths }, `${path}/date`));
      }
    }
    if (item.date !== undefined && daysBetween(asOf, item.date) > 0) {
      findings.push(finding('evidence-dated-after-assessment', { ref, date: item.date }, path));
    }
    results.push({
      ref,
      kind: isFile ? 'file' : 'url',
      title: item.title ?? null,
      date: item.date ?? null,
      expires: item.expires ?? null,
      state,
      counts: state === 'found' || state === 'url',
      // Reviewed: the assessor recorded the file's sha256 when reading it and the file is unchanged since;
      // without one, only the file's existence (or the link) was checked.
      reviewed: state === 'found' && item.sha256 !== undefined,
      path,
    });
  });
  return { items: results, counting: results.filter((r) => r.counts).length, findings };
}

function fileState(facts: FileFacts, file: string): EvidenceState {
  const fact = facts.get(file);
  // A file nobody looked up is treated as missing: claiming it exists would be the unsafe default.
  if (!fact) return 'missing';
  return fact.state;
}
