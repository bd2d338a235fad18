import { describe, expect, it } from 'vitest';
import { gateMessage } from '../../src/messages/gate.js';
import { checkGate, gateCheckName, mergeGates } from '../../src/score/gate.js';
import { allMet, score, withCriteria } from '../helpers.js';

// All met except 5.1.1.1 (2 points of 100) not met: 98 → 98.0, five-star; 5.1 earns 38 of 40.
const report = score(withCriteria({ '5.1.1.1': { status: 'not-met', evidence: [{ url: 'https://x.y', date: '2026-10-01' }] } }));

describe('the gate', () => {
  it('takes the stricter of two sources, so one failure gives one message', () => {
    expect(mergeGates({ minScore: 90, minLevel: 'three-star' }, { minScore: 99, minLevel: 'compliant' })).toEqual({ minScore: 99, minLevel: 'three-star' });
    expect(checkGate(report, mergeGates({ minScore: 90 }, { minScore: 99 }))).toEqual([{ code: 'min-score', value: 98, required: 99 }]);
  });
  it('checks points per section and clause, and must-pass criteria', () => {
    expect(checkGate(report, { points: { '5.1': 39, '5.1.1': 2, '5.2': 35 }, mustPass: ['5.1.1.1', '5.1.1.2'] })).toEqual([
      { code: 'min-points', id: '5.1', value: 38, required: 39 },
      { code: 'must-pass', id: '5.1.1.1', outcome: 'not-met' },
    ]);
  });
  it('passes a report that meets every bar', () => {
    expect(checkGate(score(allMet()), { minScore: 95, minLevel: 'five-star', mustPass: ['5.1.1.1'] })).toEqual([]);
  });
  it('words each failure in the report language with level names, and names checks without values', () => {
    const f = { code: 'min-level', value: 'three-star', required: 'four-star' } as const;
    expect(gateMessage(f, report, 'zh-CN')).toBe('等级“三星级”低于要求的“四星级”');
    expect(gateMessage(f, report, 'en')).toBe('level Three-star is below the required Four-star');
    expect(gateCheckName({ code: 'min-score', value: 81.4, required: 90 })).toBe('minimum score');
  });
});
