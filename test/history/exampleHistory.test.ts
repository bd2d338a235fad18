import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessHistory } from '../../src/assess/history.js';
import { assessFile } from './assessToday.js';
import { ROOT, loaded } from '../helpers.js';

const opts = { rubric: loaded, lang: 'en' as const, tool: { name: 'aftersales-assess', version: 'test' } };
const make = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'asa-example-history-')), 'repo');
  const file = execFileSync(process.execPath, [join(ROOT, 'scripts/make-example-history.mjs'), dir])
    .toString()
    .trim();
  return { dir, file, head: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim() };
};

describe('scripts/make-example-history.mjs', () => {
  it('builds the same five monthly commits on every run, ending at the example as it is', async () => {
    const a = make();
    const b = make();
    // Same content, names and dates: the same commit ids.
    expect(a.head).toBe(b.head);
    expect(readFileSync(a.file, 'utf8')).toBe(readFileSync(join(ROOT, 'examples/evidence-repo/evidence/company.yaml'), 'utf8'));
    const h = await assessHistory(a.file, {}, opts);
    expect(h.points.map((p) => p.date)).toEqual(['2026-03-02', '2026-04-01', '2026-05-06', '2026-06-01', '2026-07-01']);
    // 12, 8, 4, 1, 0 criteria not met: every step gains, and the last point is today's score of the example.
    const finals = h.points.map((p) => (p.kind === 'scored' ? p.final : Number.NaN));
    for (let i = 1; i < finals.length; i++) expect(finals[i]).toBeGreaterThan(finals[i - 1]!);
    expect(finals.at(-1)).toBe((await assessFile(join(ROOT, 'examples/evidence-repo/evidence/company.yaml'), opts)).score.final);
  });
});
