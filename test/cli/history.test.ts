import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyRepo } from '../history/gitRepo.js';
import { cli } from './run.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' }).toString().trim();

describe('aftersales-assess history', () => {
  function threeCommits() {
    const r = historyRepo();
    const c1 = r.commit('three-star as in the example', '2026-03-02');
    // As in the --baseline test: a cited document deleted and 5.3.2.3 downgraded, 81.4 → 75.
    rmSync(join(r.dir, 'docs/user-guide.md'));
    r.edit('  5.3.2.3:\n    status: met', '  5.3.2.3:\n    status: not-met');
    const c2 = r.commit('lost a document', '2026-04-01');
    r.edit('  5.3.2.3:\n    status: not-met', '  5.3.2.3:\n    status: met');
    const c3 = r.commit('follow-up restored', '2026-05-01');
    return { ...r, commits: [c1, c2, c3] };
  }

  it('each point equals `score --baseline <rev>` for that revision (JSON and JSONL carry the same rows)', () => {
    const { file, commits } = threeCommits();
    const r = cli(['history', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.points.map((p: { commit: string }) => p.commit)).toEqual(commits);
    for (const p of h.points) {
      const b = cli(['score', file, '--baseline', p.short, '--format', 'json']);
      const base = JSON.parse(b.stdout).comparison.diff.base;
      expect([p.final, p.level, p.assessmentDate]).toEqual([base.final, base.level, base.assessmentDate]);
    }
    // Worked before the run: 81.4 → 75 → 75 + 5.3.2.3's 3.19 back: the last point is 78.2 (one decimal), not the first's 81.4
    // (the document is still gone).
    expect(h.points.map((p: { final: number }) => p.final)).toEqual([81.4, 75, 78.2]);
    const lines = cli(['history', file, '--format', 'jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.commit, l.final])).toEqual(h.points.map((p: { commit: string; final: number }) => [file, p.commit, p.final]));
  });

  it('the terminal and Markdown tables show date, commit, score, level and the largest changes with causes', () => {
    const { file, commits } = threeCommits();
    const t = cli(['history', file, '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`2026-04-01  ${commits[1]!.slice(0, 12)}  75.0   Compliant     −6.4  lost a document`);
    expect(t.stdout).toContain('5.2.1.1 Documentation supplied with the product — file missing: docs/user-guide.md');
    expect(t.stdout).toContain('From ');
    const md = cli(['history', file, '--lang', 'en', '--format', 'markdown']).stdout;
    expect(md).toContain(`| 2026-04-01 | \`${commits[1]!.slice(0, 12)}\` | 75.0 | Compliant | −6.4 |`);
  });

  it('bad revisions, a shallow clone, a missing object and a file outside git are usage errors (exit 2)', () => {
    const { dir, file, commits } = threeCommits();
    expect(cli(['history', file, '--since', '--output=x', '--lang', 'en']).stderr).toMatch(/needs a git revision/);
    const unknown = cli(['history', file, '--until', 'no-such-rev', '--lang', 'en']);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'aftersales-assess: git rev-parse failed for history: unknown revision (not a commit in this repository)\n',
    ]);
    expect(cli(['history', file, '--since', '2026-02-30']).code).toBe(2);
    expect(cli(['history', file, '--every', '2', '--monthly', '--lang', 'en']).stderr).toBe(
      'aftersales-assess: --every and --monthly cannot be combined; choose one\n',
    );
    // Three commits, every 2nd: #0, #2 (also the last) — two points.
    expect(JSON.parse(cli(['history', file, '--every', '2', '--format', 'json']).stdout).points.map((p: { commit: string }) => p.commit)).toEqual([
      commits[0],
      commits[2],
    ]);

    const shallow = join(dir, '..', `${dir.split('/').at(-1)}-shallow`);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow], { stdio: 'pipe' });
    const s = cli(['history', join(shallow, 'company.yaml'), '--lang', 'en']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/shallow clone.*git fetch --unshallow/);

    // The first commit's company.yaml blob removed from the object store.
    const blob = git(dir, 'rev-parse', `${commits[0]}:company.yaml`);
    rmSync(join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const m = cli(['history', file, '--lang', 'en']);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe(
      `aftersales-assess: the git repository lacks the object ${commits[0]!.slice(0, 12)}:company.yaml (${blob}) (a partial clone or a damaged repository); run git fetch or git fsck first\n`,
    );
  });

  it('writes nothing into the repository', () => {
    const { dir, file } = threeCommits();
    const before = git(dir, 'status', '--porcelain', '--ignored');
    expect(cli(['history', file]).code).toBe(0);
    expect(git(dir, 'status', '--porcelain', '--ignored')).toBe(before);
  });
});
