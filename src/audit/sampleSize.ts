import type { AuditPopulationDef, AuditSampling } from '../model/auditPlan.js';

/**
 * Our rule, not the standard's (reference/audit-sampling.yaml): n = min(N, max(minimum, min(maximum, ⌈factor·√N⌉))).
 * A population of 0 gives 0; the bounds of the population, when it sets them, replace the rule's.
 */
export function sampleSize(populationSize: number, rule: AuditSampling['rule'], population?: AuditPopulationDef): number {
  if (populationSize <= 0) return 0;
  const minimum = population?.minimum ?? rule.minimum;
  const maximum = population?.maximum ?? rule.maximum;
  // √N computed in floating point can land a hair above a whole number (√(k²) is exact in IEEE, products are not):
  // a tolerance keeps ⌈1.0 × √400⌉ at 20.
  const root = Math.ceil(rule.factor * Math.sqrt(populationSize) - 1e-9);
  return Math.min(populationSize, Math.max(minimum, Math.min(maximum, root)));
}
