import { describe, expect, it, vi } from 'vitest';
import { allCriteria, allMet, codes, criterion, rubric, score, withCriteria } from '../helpers.js';

describe('criterion credit (standard §6.3 rules 1–2)', () => {
  it('met with evidence earns the full points; everything met scores 100', () => {
    const r = score(allMet());
    expect(r.score).toMatchObject({ earned: 100, applicable: 100, normalized: 100, final: 100 });
    expect(r.level.id).toBe('five-star');
    expect(r.gaps).toEqual([]);
  });

  it('not-met earns 0 and loses the full value', () => {
    const c = criterion(score(withCriteria({ '5.1.4.1': { status: 'not-met' } })), '5.1.4.1');
    expect(c).toMatchObject({ earned: 0, outcome: 'not-met' });
    expect(codes(c.findings)).toContain('claimed-not-met');
  });

  it('partial without a sample earns the rubric partial credit (0.5)', () => {
    const c = criterion(score(withCriteria({ '5.1.4.1': { status: 'partial', evidence: [{ url: 'https://x.cn' }] } })), '5.1.4.1');
    expect(c).toMatchObject({ credit: 0.5, earned: 1.5, outcome: 'partial' });
  });

  it('partial with a sample earns conforming / checked', () => {
    const r = score(withCriteria({ '5.2.4.2': { status: 'partial', sample: { checked: 10, conforming: 7 }, evidence: [{ url: 'https://x.cn' }] } }));
    const c = criterion(r, '5.2.4.2');
    expect(c).toMatchObject({ credit: 0.7, earned: 2.8, outcome: 'partial' });
    expect(codes(c.findings)).toEqual(['sample-nonconforming']);
    expect(r.score.final).toBe(98.8);
  });

  it('a partial sample that is all conforming earns full credit with a warning', () => {
    const c = criterion(
      score(withCriteria({ '5.2.4.2': { status: 'partial', sample: { checked: 4, conforming: 4 }, evidence: [{ url: 'https://x.cn' }] } })),
      '5.2.4.2',
    );
    expect(c.earned).toBe(4);
    expect(codes(c.findings)).toEqual(['sample-all-conforming']);
  });
});

describe('evidence gate', () => {
  it('a claim with no evidence earns 0 and says why', () => {
    const c = criterion(score(withCriteria({ '5.1.1.1': { status: 'met' } })), '5.1.1.1');
    expect(c).toMatchObject({ earned: 0, outcome: 'not-met', status: 'met' });
    expect(codes(c.findings)).toEqual(['no-evidence']);
  });

  it('a cited file that exists counts; a missing one does not', () => {
    const entry = { status: 'met' as const, evidence: [{ file: 'docs/a.pdf' }] };
    expect(criterion(score(withCriteria({ '5.1.1.1': entry }), { 'docs/a.pdf': 'found' }), '5.1.1.1').earned).toBe(2);
    const missing = criterion(score(withCriteria({ '5.1.1.1': entry }), { 'docs/a.pdf': 'missing' }), '5.1.1.1');
    expect(missing.earned).toBe(0);
    expect(codes(missing.findings)).toEqual(['evidence-file-missing', 'no-valid-evidence']);
    expect(missing.evidence[0]).toMatchObject({ state: 'missing', counts: false });
  });

  it('a file nobody looked up is treated as missing, never as found', () => {
    const r = score(withCriteria({ '5.1.1.1': { status: 'met', evidence: [{ file: 'unknown.pdf' }] } }));
    expect(criterion(r, '5.1.1.1').earned).toBe(0);
  });

  it('files outside the evidence root do not count', () => {
    const r = score(withCriteria({ '5.1.1.1': { status: 'met', evidence: [{ file: '../secret' }] } }), { '../secret': 'outside-root' });
    expect(codes(criterion(r, '5.1.1.1').findings)).toContain('evidence-file-outside-root');
    expect(criterion(r, '5.1.1.1').earned).toBe(0);
  });

  it('an item whose expiry is before the assessment date does not count; on the date it still does', () => {
    const entry = (expires: string) => ({ status: 'met' as const, evidence: [{ url: 'https://x.cn', expires }] });
    const expired = criterion(score(withCriteria({ '5.1.3.3': entry('2026-10-31') })), '5.1.3.3');
    expect(expired.earned).toBe(0);
    expect(codes(expired.findings)).toEqual(['evidence-expired', 'no-valid-evidence']);
    const sameDay = criterion(score(withCriteria({ '5.1.3.3': entry('2026-11-01') })), '5.1.3.3');
    expect(sameDay.earned).toBe(2);
    expect(codes(sameDay.findings)).toEqual(['evidence-expires-soon']);
  });

  it('warns about evidence dated after the assessment date, and a cited folder is not a file', () => {
    const r = score(withCriteria({ '5.1.1.1': { status: 'met', evidence: [{ url: 'https://x.cn', date: '2026-12-01' }, { file: 'docs' }] } }), {
      docs: 'not-a-file',
    });
    expect(codes(criterion(r, '5.1.1.1').findings)).toEqual(['evidence-dated-after-assessment', 'evidence-not-a-file']);
    expect(criterion(r, '5.1.1.1').earned).toBe(2);
  });

  it('one valid item among invalid ones is enough', () => {
    const r = score(withCriteria({ '5.1.3.3': { status: 'met', evidence: [{ file: 'gone.pdf' }, { url: 'https://x.cn' }] } }), { 'gone.pdf': 'missing' });
    expect(criterion(r, '5.1.3.3').earned).toBe(2);
  });

  it('--as-of moves the expiry judgement without changing the file', () => {
    const ev = withCriteria({ '5.1.3.3': { status: 'met', evidence: [{ url: 'https://x.cn', expires: '2026-12-31' }] } });
    expect(criterion(score(ev), '5.1.3.3').earned).toBe(2);
    const later = score(ev, {}, '2027-01-15');
    expect(criterion(later, '5.1.3.3').earned).toBe(0);
    expect(later.assessmentDate).toBe('2027-01-15');
  });
});

describe('maximum evidence age (rubric maxAgeMonths)', () => {
  const training = (date?: string) => withCriteria({ '5.1.3.2': { status: 'met', evidence: [{ url: 'https://x.cn', ...(date ? { date } : {}) }] } });

  it('counts an item dated within 12 months, not one older, not an undated one', () => {
    expect(criterion(score(training('2025-11-01')), '5.1.3.2').earned).toBe(2);
    const old = criterion(score(training('2025-10-31')), '5.1.3.2');
    expect(old.earned).toBe(0);
    expect(codes(old.findings)).toEqual(['evidence-too-old', 'no-valid-evidence']);
    expect(old.evidence[0]!.state).toBe('too-old');
    expect(codes(criterion(score(training()), '5.1.3.2').findings)).toEqual(['evidence-undated', 'no-valid-evidence']);
  });

  it('ages items out as of a later date', () => {
    const r = score(training('2026-03-01'), {}, '2027-03-02');
    expect(criterion(r, '5.1.3.2').earned).toBe(0);
    expect(criterion(score(training('2026-03-01'), {}, '2027-03-01'), '5.1.3.2').earned).toBe(2);
  });
});

describe('sha256 of cited files', () => {
  const digest = 'a'.repeat(64);
  const ev = withCriteria({ '5.1.1.1': { status: 'met', evidence: [{ file: 'org.pdf', sha256: digest.toUpperCase() }] } });
  it('a matching digest counts (case-insensitive); a different one does not', async () => {
    const { buildReport } = await import('../../src/report/buildReport.js');
    const { loaded } = await import('../helpers.js');
    const run = (sha256: string) => buildReport(loaded, ev, new Map([['org.pdf', { state: 'found' as const, sha256 }]]), { tool: { name: 't', version: '0' } });
    expect(criterion(run(digest), '5.1.1.1').earned).toBe(2);
    const changed = criterion(run('b'.repeat(64)), '5.1.1.1');
    expect(changed.earned).toBe(0);
    expect(codes(changed.findings)).toEqual(['evidence-hash-mismatch', 'no-valid-evidence']);
    expect(changed.findings[0]!.args).toEqual({ file: 'org.pdf', expected: digest, actual: 'b'.repeat(64) });
  });
});

describe('5.1.2.2 is measured, not claimed', () => {
  const metrics = (certifiedServiceManagers: number, serviceManagementStaff: number) => ({
    ...allMet(),
    metrics: { certifiedServiceManagers, serviceManagementStaff },
  });

  it('meets at exactly 10 % (3 of 30) and fails just below (2 of 30)', () => {
    expect(criterion(score(metrics(3, 30)), '5.1.2.2').earned).toBe(5);
    const below = criterion(score(metrics(2, 30)), '5.1.2.2');
    expect(below).toMatchObject({ earned: 0, outcome: 'not-met' });
    expect(codes(below.findings)).toContain('ratio-below-threshold');
  });

  it('ignores a claimed status that contradicts the measurement, with a warning', () => {
    const ev = { ...metrics(1, 30), criteria: { ...allMet().criteria, '5.1.2.2': { status: 'met' as const, evidence: [{ url: 'https://x.cn' }] } } };
    const c = criterion(score(ev), '5.1.2.2');
    expect(c.earned).toBe(0);
    expect(codes(c.findings)).toEqual(['ratio-below-threshold', 'status-contradicts-measure']);
  });

  it('without the metrics it is not assessed', () => {
    const ev = allMet();
    delete ev.metrics;
    const c = criterion(score(ev), '5.1.2.2');
    expect(c.outcome).toBe('not-assessed');
    expect(codes(c.findings)).toEqual(['metric-missing', 'metric-missing']);
  });

  it('still needs evidence (the certificates) to earn points', () => {
    const ev = withCriteria({ '5.1.2.2': undefined });
    const c = criterion(score(ev), '5.1.2.2');
    expect(c.earned).toBe(0);
    expect(codes(c.findings)).toContain('no-evidence');
  });
});

describe('not assessed and not applicable (rule 5)', () => {
  it('a criterion missing from the file scores 0 and is counted apart from not-met', () => {
    const r = score(withCriteria({ '5.3.1.3': undefined }));
    expect(criterion(r, '5.3.1.3')).toMatchObject({ outcome: 'not-assessed', earned: 0, applicable: true });
    expect(r.counts['not-assessed']).toBe(1);
    expect(r.counts['not-met']).toBe(0);
    expect(r.score.applicable).toBe(100);
    expect(r.gaps[0]).toMatchObject({ criterion: '5.3.1.3', fix: 'assess', recoverable: 3 });
  });

  it('an entry with an empty status is not assessed (a scaffold not yet answered)', () => {
    const r = score(withCriteria({ '5.3.1.3': { evidence: [] } }));
    expect(criterion(r, '5.3.1.3').outcome).toBe('not-assessed');
  });

  it('n/a points leave the denominator: score = earned / applicable × 100', () => {
    const r = score(
      withCriteria({
        '5.2.6.1': { status: 'n/a', justification: 'software' },
        '5.1.4.1': { status: 'not-met' },
      }),
    );
    expect(criterion(r, '5.2.6.1')).toMatchObject({ applicable: false, outcome: 'not-applicable', earned: 0 });
    expect(r.score).toMatchObject({ earned: 95, applicable: 98 });
    expect(r.score.normalized).toBe(96.94);
    expect(r.score.final).toBe(96.9);
    // Recoverable is on the 100-point scale of the applicable total: 3 / 98 × 100.
    expect(r.gaps[0]).toMatchObject({ criterion: '5.1.4.1', lost: 3, recoverable: 3.06 });
  });
});

describe('special deductions, bonus and levels (rules 3–4)', () => {
  const deductions = (n: number) => Array.from({ length: n }, (_, i) => ({ clause: '5.3.2', reason: `breach ${i}` }));

  it('each special deduction costs one point', () => {
    const r = score({ ...withCriteria({ '5.1.4.1': { status: 'not-met' } }), specialDeductions: deductions(2) });
    expect(r.score).toMatchObject({ normalized: 97, specialDeductions: { count: 2, points: 2 }, final: 95 });
    expect(r.level.id).toBe('five-star');
  });

  it('five special deductions fail the assessment whatever the score', () => {
    const r = score({ ...allMet(), specialDeductions: deductions(5) });
    expect(r.score.final).toBe(95);
    expect(r.level.id).toBe('fail');
    expect(r.level.next).toMatchObject({ id: 'compliant', pointsNeeded: 0, blockedBySpecialDeductions: true });
    expect(codes(r.findings)).toContain('fail-special-deductions');
    expect(score({ ...allMet(), specialDeductions: deductions(4) }).level.id).toBe('five-star');
  });

  it('the bonus adds one point when its evidence counts, and the score is clamped to 100', () => {
    const base = withCriteria({ '5.1.4.1': { status: 'not-met' } });
    expect(score({ ...base, bonus: { reason: 'first', evidence: [{ url: 'https://x.cn' }] } }).score).toMatchObject({ bonus: 1, final: 98 });
    expect(score({ ...allMet(), bonus: { reason: 'first', evidence: [{ url: 'https://x.cn' }] } }).score.final).toBe(100);
  });

  it('a bonus without valid evidence is not added', () => {
    const r = score({ ...allMet(), bonus: { reason: 'first' } });
    expect(r.score.bonus).toBe(0);
    expect(codes(r.findings)).toContain('bonus-without-evidence');
  });

  it('the level is read from the score rounded to one decimal', () => {
    const ev = withCriteria({
      '5.1.2.1': { status: 'partial', sample: { checked: 20, conforming: 19 }, evidence: [{ url: 'https://x.cn' }] }, // −0.1
      '5.3.1.1': { status: 'not-met' }, // −5
    });
    // Lost 0.1 + 5 = 5.1 → 94.9: four-star, 0.1 short of five-star.
    const r = score(ev);
    expect(r.score.final).toBe(94.9);
    expect(r.level.id).toBe('four-star');
    expect(r.level.next).toMatchObject({ id: 'five-star', threshold: 95, pointsNeeded: 0.1, closingGaps: ['5.3.1.1'] });
    // Lost 0.05 + 5 → normalized 94.95, rounded 95.0: five-star.
    const ev2 = withCriteria({
      '5.2.4.2': { status: 'partial', sample: { checked: 80, conforming: 79 }, evidence: [{ url: 'https://x.cn' }] }, // −0.05
      '5.3.1.1': { status: 'not-met' },
    });
    const r2 = score(ev2);
    expect(r2.score.normalized).toBe(94.95);
    expect(r2.score.final).toBe(95);
    expect(r2.level.id).toBe('five-star');
  });

  it.each([
    [69.9, 'fail'],
    [70, 'compliant'],
    [79.9, 'compliant'],
    [80, 'three-star'],
    [90, 'four-star'],
    [95, 'five-star'],
  ])('score %s is %s', async (final, level) => {
    const { determineLevel } = await import('../../src/score/levels.js');
    expect(determineLevel(rubric, final, 0, []).id).toBe(level);
  });
});

describe('gaps', () => {
  it('are sorted by recoverable points and name the action', () => {
    const r = score(
      withCriteria({
        '5.1.1.1': { status: 'not-met' },
        '5.3.1.1': { status: 'not-met' },
        '5.1.4.1': { status: 'partial', evidence: [{ url: 'https://x.cn' }] },
      }),
    );
    expect(r.gaps.map((g) => [g.criterion, g.recoverable])).toEqual([
      ['5.3.1.1', 5],
      ['5.1.1.1', 2],
      ['5.1.4.1', 1.5],
    ]);
    expect(r.gaps[0]!.action.en).toMatch(/enquiry/i);
    expect(r.gaps[0]!.fix).toBe('practice');
  });

  it('a claim that fails only on evidence asks for the evidence', () => {
    const r = score(withCriteria({ '5.1.1.1': { status: 'met', evidence: [{ file: 'x.pdf' }] } }), { 'x.pdf': 'missing' });
    expect(r.gaps[0]).toMatchObject({ criterion: '5.1.1.1', fix: 'evidence' });
    expect(codes(r.gaps[0]!.reasons)).toEqual(['evidence-file-missing']);
  });
});

describe('unknown criterion kinds (a newer rubric)', () => {
  it('score as unsupported instead of crashing', async () => {
    const { buildReport } = await import('../../src/report/buildReport.js');
    const { loaded } = await import('../helpers.js');
    const future = structuredClone(loaded);
    future.rubric.sections[0]!.clauses[0]!.criteria[0]!.kind = 'survey-derived';
    const r = buildReport(future, allMet(), new Map(), { tool: { name: 't', version: '0' } });
    const c = r.sections[0]!.clauses[0]!.criteria[0]!;
    expect(c).toMatchObject({ outcome: 'unsupported', earned: 0, applicable: true });
    expect(r.gaps[0]).toMatchObject({ fix: 'upgrade' });
  });
});

describe('purity', () => {
  it('never reads the clock: the same input gives the same report in any year', () => {
    const ev = withCriteria({ '5.1.3.2': { status: 'met', evidence: [{ url: 'https://x.cn', expires: '2026-12-01' }] } });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01'));
    const a = score(ev);
    vi.setSystemTime(new Date('2035-06-01'));
    const b = score(ev);
    vi.useRealTimers();
    expect(b).toEqual(a);
  });

  it('covers every criterion of the rubric exactly once', () => {
    const r = score(allMet());
    const ids = r.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria.map((k) => k.id)));
    expect(ids).toEqual(allCriteria.map((c) => c.id));
  });
});
