import { describe, expect, it } from 'vitest';
import { assessHistory } from '../../src/assess/history.js';
import type { ScoredPoint } from '../../src/model/history.js';
import { UsageError } from '../../src/model/usage.js';
import { loaded } from '../helpers.js';
import { historyRepo } from './gitRepo.js';

const opts = { rubric: loaded, lang: 'en' as const, tool: { name: 'aftersales-assess', version: 'test' } };

describe('history --as-of: the projection to the audit date', () => {
  it('judges the last scored commit on the audit date: an item expiring in between loses its points', async () => {
    const { file, commit, edit } = historyRepo();
    commit('three-star as in the example', '2026-03-02');
    // 5.1.1.1 (2 points, met, one evidence item) gets an expiry date after the evidence file's own date
    // (assessment.date 2026-11-01) and before the audit date.
    edit('{ file: docs/org-chart.md, title: 客户成功部组织架构 }', '{ file: docs/org-chart.md, title: 客户成功部组织架构, expires: 2026-12-31 }');
    const last = commit('org chart with its expiry date', '2026-04-01');
    const h = await assessHistory(file, { asOf: '2027-01-15' }, opts);
    const lastPoint = h.points.at(-1) as ScoredPoint;
    const p = h.projection!;
    // By hand (README: final = earned / applicable × 100 − deductions + bonus, one decimal):
    // the example earns 76.5 of 94 applicable points: 76.5 / 94 = 81.38 → 81.4, three-star (80–90).
    // On 2027-01-15 the org chart has expired: 5.1.1.1's only evidence no longer counts, so its claim earns
    // nothing: 76.5 − 2 = 74.5; 74.5 / 94 = 79.26 → 79.3, compliant (70–80); the change is 79.3 − 81.4 = −2.1.
    // The criterion's own effect: −2 / 94 × 100 = −2.128 → −2.13. Section 5.1 falls from 31 to 29 points.
    expect([lastPoint.final, lastPoint.level]).toEqual([81.4, 'three-star']);
    expect(p).toMatchObject({
      kind: 'projection',
      commit: last,
      short: last.slice(0, 12),
      date: '2026-04-01',
      asOf: '2027-01-15',
      assessmentDate: '2026-11-01',
      final: 79.3,
      level: 'compliant',
      levelName: { 'zh-CN': '达标级', en: 'Compliant' },
      delta: -2.1,
    });
    expect(p.changes.map((c) => [c.id, c.delta, c.causes, c.refs])).toEqual([['5.1.1.1', -2.13, ['evidence-expired'], ['docs/org-chart.md']]]);
    expect(p.sections.find((s) => s.id === '5.1')!.earned).toBe(31 - 2);
    expect(lastPoint.sections.find((s) => s.id === '5.1')!.earned).toBe(31);
    // The points themselves are still judged on their own date.
    expect(h.points.every((q) => q.kind !== 'scored' || q.assessmentDate === '2026-11-01')).toBe(true);
  });

  it('is absent without --as-of, and refused before the last scored commit', async () => {
    const { file, commit } = historyRepo();
    commit('three-star', '2026-03-02');
    expect((await assessHistory(file, {}, opts)).projection).toBeNull();
    // The levels and sections the charts need come with the model, from the rubric.
    const h = await assessHistory(file, {}, opts);
    expect(h.levels.map((l) => [l.id, l.minScore])).toEqual([
      ['fail', 0],
      ['compliant', 70],
      ['three-star', 80],
      ['four-star', 90],
      ['five-star', 95],
    ]);
    expect(h.sections.map((s) => [s.id, s.points])).toEqual([
      ['5.1', 40],
      ['5.2', 35],
      ['5.3', 25],
    ]);
    await expect(assessHistory(file, { asOf: '2026-03-01' }, opts)).rejects.toBeInstanceOf(UsageError);
  });
});
