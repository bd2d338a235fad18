import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

/**
 * A rule added since a revision was written (a strict `company.industry`) must not make `--baseline` of that
 * revision fail the run: the past is compared, with a warning; today's file is still held to the rule.
 */
describe('a free-text company.industry in a past revision', () => {
  it('does not fail --baseline REV or history, an error (exit 2) in the file being scored', () => {
    const repo = mkdtempSync(join(tmpdir(), 'asa-past-'));
    cpSync('examples/three-star', repo, { recursive: true });
    const file = join(repo, 'company.yaml');
    const today = readFileSync(file, 'utf8');
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T00:00:00Z' },
      });
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    // The file as the old examples had it: a description, not a profile name.
    writeFileSync(file, today.replace(/^company:\n/m, 'company:\n  industry: 家用电器制造\n'));
    git('add', '-A');
    git('commit', '-qm', 'old rules');
    writeFileSync(file, today);
    const base = cli(['score', file, '--baseline', 'HEAD', '--format', 'json']);
    expect(base.code, base.stderr).toBe(0);
    // The comparison is made (the past file, one line longer, scores the same).
    const report = JSON.parse(base.stdout) as { comparison?: { kind: string; diff: { scoreDelta: number } } };
    expect(report.comparison?.kind).toBe('baseline');
    expect(report.comparison?.diff.scoreDelta).toBe(0);
    const history = cli(['history', file, '--format', 'json']);
    expect(history.code, history.stderr).toBe(0);
    writeFileSync(file, today.replace(/^company:\n/m, 'company:\n  industry: 家用电器制造\n'));
    const now = cli(['score', file, '--format', 'json']);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/company\.yaml:\d+:\d+/);
  });
});
