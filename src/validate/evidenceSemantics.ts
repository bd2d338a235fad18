import type { Diagnostic } from '../model/diagnostic.js';
import type { Rubric } from '../model/rubric.js';
import { isIsoDate } from '../evaluate/dates.js';
import { locate } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { didYouMean } from './didYouMean.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rules the JSON Schema cannot express because they depend on the rubric or on several fields.
 * Runs on the raw data even when the schema failed, guarding every access, so that all problems
 * are reported in one pass.
 */
export function evidenceSemanticDiagnostics(parsed: ParsedYaml, rubric: Rubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = parsed.value;
  if (!isObj(data)) return out;
  const err = (segs: string[], message: string, hint?: string, at: 'key' | 'value' = 'value') =>
    out.push({ file: parsed.source.file, ...locate(parsed, segs, at), severity: 'error', message, ...(hint ? { hint } : {}) });

  const criteria = new Map(rubric.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria.map((k) => [k.id, k] as const))));
  const clauseIds = new Map(rubric.sections.flatMap((s) => s.clauses.map((c) => [c.id, c] as const)));
  const anyId = new Set([...rubric.sections.map((s) => s.id), ...clauseIds.keys(), ...criteria.keys()]);

  const checkDate = (segs: string[], value: unknown) => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isIsoDate(value)) {
      err(segs, `\`${segs.join('.')}\` is not a real calendar date: ${value}`);
    }
  };
  const checkEvidenceList = (segs: string[], list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!isObj(item)) return;
      const at = [...segs, String(i)];
      if (item.file !== undefined && item.url !== undefined) {
        err(at, `\`${at.join('.')}\` has both \`file\` and \`url\``, 'Cite one document per item; make two items if both exist.', 'key');
      }
      checkDate([...at, 'date'], item.date);
      checkDate([...at, 'expires'], item.expires);
    });
  };

  if (isObj(data.assessment)) checkDate(['assessment', 'date'], data.assessment.date);

  if (isObj(data.criteria)) {
    for (const [id, entry] of Object.entries(data.criteria)) {
      const segs = ['criteria', id];
      const criterion = criteria.get(id);
      if (!criterion) {
        const clause = clauseIds.get(id);
        const hint = clause
          ? `${id} is a clause; assess its criteria instead: ${clause.criteria.map((c) => c.id).join(', ')}.`
          : (() => {
              const guess = didYouMean(id, criteria.keys());
              return guess ? `Did you mean ${guess}?` : 'List the criteria with `aftersales-assess rubric`.';
            })();
        err(segs, `unknown criterion id \`${id}\` in rubric ${rubric.id}`, hint, 'key');
        continue;
      }
      if (!isObj(entry)) continue;
      if (entry.status === 'n/a' && !criterion.notApplicable) {
        err([...segs, 'status'], `criterion ${id} (${criterion.title.en}) cannot be marked n/a`, 'Only criteria the rubric allows to be excluded (删减) may be n/a; use met, partial or not-met.');
      }
      const sample = entry.sample;
      if (isObj(sample) && typeof sample.checked === 'number' && typeof sample.conforming === 'number') {
        if (sample.conforming > sample.checked) {
          err([...segs, 'sample', 'conforming'], `\`sample.conforming\` (${sample.conforming}) exceeds \`sample.checked\` (${sample.checked}) for ${id}`, 'Conforming items are a subset of the items checked.');
        } else if (entry.status === 'met' && sample.conforming < sample.checked) {
          err([...segs, 'status'], `${id} is marked met but its sample has ${sample.checked - sample.conforming} non-conforming item(s)`, 'Use `status: partial` so the sample sets the credit.');
        }
      }
      checkEvidenceList([...segs, 'evidence'], entry.evidence);
    }
  }

  if (isObj(data.metrics)) {
    for (const criterion of criteria.values()) {
      const m = criterion.measure;
      if (!m) continue;
      const num = data.metrics[m.numerator];
      const den = data.metrics[m.denominator];
      if (den === 0) err(['metrics', m.denominator], `\`metrics.${m.denominator}\` must be at least 1 to measure ${criterion.id}`);
      if (typeof num === 'number' && typeof den === 'number' && den > 0 && num > den) {
        err(['metrics', m.numerator], `\`metrics.${m.numerator}\` (${num}) cannot exceed \`metrics.${m.denominator}\` (${den})`, 'The first counts a subset of the second.');
      }
    }
    for (const key of Object.keys(data.metrics)) {
      if (!(key in rubric.metrics)) {
        const guess = didYouMean(key, Object.keys(rubric.metrics));
        out.push({ file: parsed.source.file, ...locate(parsed, ['metrics', key], 'key'), severity: 'warning', message: `metric \`${key}\` is not used by rubric ${rubric.id}`, hint: guess ? `Did you mean \`${guess}\`?` : `Known metrics: ${Object.keys(rubric.metrics).join(', ')}.` });
      }
    }
  }

  if (Array.isArray(data.specialDeductions)) {
    data.specialDeductions.forEach((d, i) => {
      if (!isObj(d) || typeof d.clause !== 'string') return;
      if (!anyId.has(d.clause)) {
        const guess = didYouMean(d.clause, anyId);
        err(['specialDeductions', String(i), 'clause'], `special deduction names unknown clause \`${d.clause}\``, guess ? `Did you mean ${guess}?` : undefined);
      }
      checkEvidenceList(['specialDeductions', String(i), 'evidence'], d.evidence);
    });
  }

  if (Array.isArray(data.bonus)) {
    if (data.bonus.length > rubric.scoring.maxBonuses) {
      err(['bonus', String(rubric.scoring.maxBonuses)], `at most ${rubric.scoring.maxBonuses} special bonus (特别加分项) may be claimed; found ${data.bonus.length}`, 'Keep the strongest one; the standard adds +1 once.');
    }
    data.bonus.forEach((b, i) => isObj(b) && checkEvidenceList(['bonus', String(i), 'evidence'], b.evidence));
  } else if (isObj(data.bonus)) {
    checkEvidenceList(['bonus', 'evidence'], data.bonus.evidence);
  }
  return out;
}
