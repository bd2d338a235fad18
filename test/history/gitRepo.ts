import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/**
 * A small evidence repository in a temp folder: examples/three-star committed, then edited commit by commit,
 * each commit dated by hand (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE) so the history is the same on every run.
 */
export function historyRepo(): { dir: string; file: string; commit: (message: string, date: string) => string; edit: (from: string, to: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'asa-history-'));
  cpSync(join(ROOT, 'examples/three-star'), dir, { recursive: true });
  const file = join(dir, 'company.yaml');
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env } })
      .toString()
      .trim();
  git(['init', '-q', '-b', 'main']);
  const commit = (message: string, date: string) => {
    git(['add', '-A']);
    const at = `${date}T12:00:00+08:00`;
    git(['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', message], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    return git(['rev-parse', 'HEAD']);
  };
  const edit = (from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`test setup: ${from} not in company.yaml`);
    writeFileSync(file, text.replace(from, to));
  };
  return { dir, file, commit, edit };
}
