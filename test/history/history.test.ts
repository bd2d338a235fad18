import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineReport } from '../../src/assess/baseline.js';
import { assessHistory } from '../../src/assess/history.js';
import type { ScoredPoint } from '../../src/model/history.js';
import { loaded } from '../helpers.js';
import { historyRepo } from './gitRepo.js';

const opts = { rubric: loaded, lang: 'en' as const, tool: { name: 'aftersales-assess', version: 'test' } };

describe('history', () => {
  it('scores each commit as `score --baseline REV` does, oldest first, an unparsable commit a gap', async () => {
    const { dir, file, commit, edit } = historyRepo();
    const c1 = commit('three-star as in the example', '2026-03-02');
    // Commit 2: a cited document deleted and 5.3.2.3 downgraded; the README's baseline test works this out as
    // 81.4 → 75 (three-star → compliant, 达标级).
    rmSync(join(dir, 'docs/user-guide.md'));
    edit('  5.3.2.3:\n    status: met', '  5.3.2.3:\n    status: not-met');
    const c2 = commit('lost a document', '2026-04-01');
    // Commit 3: a YAML syntax error — a gap with the reason, not a crash.
    edit('company:', 'company: [');
    const c3 = commit('broken', '2026-05-01');
    // Commit 4: back as commit 2.
    edit('company: [', 'company:');
    const c4 = commit('fixed', '2026-06-01');

    const h = await assessHistory(file, {}, opts);
    expect(h.points.map((p) => [p.commit, p.date, p.kind])).toEqual([
      [c1, '2026-03-02', 'scored'],
      [c2, '2026-04-01', 'scored'],
      [c3, '2026-05-01', 'gap'],
      [c4, '2026-06-01', 'scored'],
    ]);
    const scored = h.points.filter((p): p is ScoredPoint => p.kind === 'scored');
    expect(scored.map((p) => [p.final, p.level, p.delta])).toEqual([
      [81.4, 'three-star', null],
      [75, 'compliant', -6.4],
      [75, 'compliant', 0],
    ]);
    // The two criteria the baseline test attributes, with the same causes.
    expect(scored[1]!.changes.map((c) => [c.id, c.causes])).toEqual([
      ['5.2.1.1', ['file-missing']],
      ['5.3.2.3', ['evidence-edited']],
    ]);
    const gap = h.points[2]!;
    expect(gap.kind === 'gap' && gap.reason).toBe('invalid-evidence');
    expect(gap.kind === 'gap' && gap.diagnostics[0]?.file).toBe(`${c3.slice(0, 12)}:company.yaml`);

    // Each point is the baseline report of its revision: same score, level, assessment date, sections.
    for (const p of scored) {
      const b = await baselineReport(p.short, file, opts);
      expect([p.final, p.level, p.assessmentDate, p.sections]).toEqual([
        b.score.final,
        b.level.id,
        b.assessmentDate,
        b.sections.map((s) => ({ id: s.id, earned: s.earned, applicablePoints: s.applicablePoints })),
      ]);
    }
  });

  it('--since DATE and --since REV start the trend there; a renamed evidence file is followed', async () => {
    const { dir, file, commit, edit } = historyRepo();
    commit('one', '2026-03-02');
    edit('  5.3.2.3:\n    status: met', '  5.3.2.3:\n    status: not-met');
    const c2 = commit('two', '2026-04-01');
    const { renameSync } = await import('node:fs');
    renameSync(file, join(dir, 'acme.yaml'));
    const c3 = commit('renamed', '2026-05-01');
    const renamed = join(dir, 'acme.yaml');
    const all = await assessHistory(renamed, {}, opts);
    expect(all.points.map((p) => p.path)).toEqual(['company.yaml', 'company.yaml', 'acme.yaml']);
    expect((await assessHistory(renamed, { since: '2026-04-01' }, opts)).points.map((p) => p.commit)).toEqual([c2, c3]);
    expect((await assessHistory(renamed, { since: c2 }, opts)).points.map((p) => p.commit)).toEqual([c2, c3]);
    expect((await assessHistory(renamed, { until: c2 }, opts)).points.map((p) => p.path)).toEqual(['company.yaml', 'company.yaml']);
  });
});

describe('sampling a long history', () => {
  const dates = ['2026-03-02', '2026-03-15', '2026-04-01', '2026-04-20', '2026-04-28', '2026-06-01'].map((date, i) => ({ date, i }));
  it('--monthly keeps the last commit of each month, --every N every Nth; the first and last always', async () => {
    const { sampled } = await import('../../src/assess/history.js');
    // March's last is #1, April's #4, June's (the last) #5; #0 is the first.
    expect(sampled(dates, 'monthly').map((d) => d.i)).toEqual([0, 1, 4, 5]);
    // Every 2nd: #0, #2, #4, and the last #5.
    expect(sampled(dates, { every: 2 }).map((d) => d.i)).toEqual([0, 2, 4, 5]);
    expect(sampled(dates, { every: 1 })).toEqual(dates);
  });
});
