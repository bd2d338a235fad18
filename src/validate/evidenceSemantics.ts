import { criteriaOf } from '../model/criteriaOf.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Rubric } from '../model/rubric.js';
import { isIsoDate } from '../shared/dates.js';
import { locate } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { didYouMean } from '../shared/didYouMean.js';
import { findIndustry, INDUSTRIES, industryNames } from './industries.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rules the JSON Schema cannot express because they depend on the rubric or on several fields.
 * Runs on the raw data even when the schema failed, guarding every access, so that all problems
 * are reported in one pass.
 */
export function evidenceSemanticDiagnostics(parsed: ParsedYaml, rubric: Rubric, o: { past?: boolean | undefined } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = parsed.value;
  if (!isObj(data)) return out;
  const pos = (segs: string[], at: 'key' | 'value' = 'value') => ({ file: parsed.source.file, ...locate(parsed, segs, at) });

  const criteria = new Map(criteriaOf(rubric).map((k) => [k.id, k] as const));
  const clauseIds = new Map(rubric.sections.flatMap((s) => s.clauses.map((c) => [c.id, c] as const)));
  const anyId = new Set([...rubric.sections.map((s) => s.id), ...clauseIds.keys(), ...criteria.keys()]);

  const checkDate = (segs: string[], value: unknown) => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isIsoDate(value)) {
      out.push(diag('not-a-date', { where: segs, value }, pos(segs)));
    }
  };
  const checkEvidenceList = (segs: string[], list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!isObj(item)) return;
      const at = [...segs, String(i)];
      if (item.file !== undefined && item.url !== undefined) {
        out.push(diag('file-and-url', { where: at }, pos(at, 'key')));
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
        out.push(
          diag(
            'unknown-criterion',
            { id, rubric: rubric.id, clauseCriteria: clause ? clause.criteria.map((c) => c.id) : null, guess: clause ? null : didYouMean(id, criteria.keys()) },
            pos(segs, 'key'),
          ),
        );
        continue;
      }
      if (!isObj(entry)) continue;
      if (entry.status === 'n/a' && !criterion.notApplicable) {
        out.push(diag('na-not-allowed', { id, title: criterion.title }, pos([...segs, 'status'])));
      }
      const sample = entry.sample;
      if (isObj(sample) && typeof sample.checked === 'number' && typeof sample.conforming === 'number') {
        if (sample.conforming > sample.checked) {
          out.push(diag('conforming-exceeds-checked', { id, checked: sample.checked, conforming: sample.conforming }, pos([...segs, 'sample', 'conforming'])));
        } else if (entry.status === 'met' && sample.conforming < sample.checked) {
          out.push(diag('met-with-nonconforming', { id, nonconforming: sample.checked - sample.conforming }, pos([...segs, 'status'])));
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
      if (den === 0) out.push(diag('metric-zero', { metric: m.denominator, criterion: criterion.id }, pos(['metrics', m.denominator])));
      if (typeof num === 'number' && typeof den === 'number' && den > 0 && num > den) {
        out.push(diag('metric-exceeds', { numerator: m.numerator, denominator: m.denominator, num, den }, pos(['metrics', m.numerator])));
      }
    }
    for (const key of Object.keys(data.metrics)) {
      if (!(key in rubric.metrics)) {
        const known = Object.keys(rubric.metrics);
        out.push(diag('metric-unused', { metric: key, rubric: rubric.id, guess: didYouMean(key, known), known }, pos(['metrics', key], 'key'), 'warning'));
      }
    }
  }

  // company.industry selects the industry guidance: a value no profile answers to is a typo or a free
  // description, and either way the report would silently give the generic guidance only.
  if (isObj(data.company) && typeof data.company.industry === 'string' && !findIndustry(data.company.industry)) {
    const names = INDUSTRIES.flatMap(industryNames);
    out.push(
      diag(
        'unknown-industry',
        { industry: data.company.industry, guess: didYouMean(data.company.industry, names), known: INDUSTRIES.map((p) => p.id) },
        pos(['company', 'industry']),
        o.past ? 'warning' : 'error',
      ),
    );
  }

  if (Array.isArray(data.specialDeductions)) {
    data.specialDeductions.forEach((d, i) => {
      if (!isObj(d) || typeof d.clause !== 'string') return;
      if (!anyId.has(d.clause)) {
        out.push(diag('unknown-clause', { clause: d.clause, guess: didYouMean(d.clause, anyId) }, pos(['specialDeductions', String(i), 'clause'])));
      }
      checkEvidenceList(['specialDeductions', String(i), 'evidence'], d.evidence);
    });
  }

  if (Array.isArray(data.bonus)) {
    if (data.bonus.length > rubric.scoring.maxBonuses) {
      out.push(diag('too-many-bonuses', { max: rubric.scoring.maxBonuses, found: data.bonus.length }, pos(['bonus', String(rubric.scoring.maxBonuses)])));
    }
    for (const [i, b] of data.bonus.entries()) if (isObj(b)) checkEvidenceList(['bonus', String(i), 'evidence'], b.evidence);
  } else if (isObj(data.bonus)) {
    checkEvidenceList(['bonus', 'evidence'], data.bonus.evidence);
  }
  return out;
}
