import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const WORKFLOW = 'examples/evidence-repo/.github/workflows/aftersales.yml';
const steps = (): Step[] => (parse(readFileSync(join(ROOT, WORKFLOW), 'utf8')) as { jobs: { assess: { steps: Step[] } } }).jobs.assess.steps;

describe(`${WORKFLOW}: the trend page as an artifact`, () => {
  it('checks out the whole history, writes trend.html with history --format html, and uploads it', () => {
    const all = steps();
    const checkout = all.find((s) => s.uses?.startsWith('actions/checkout@'));
    // A shallow clone is refused by history (exit 2): the checkout must fetch everything.
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    const trend = all.findIndex((s) => /\baftersales-assess history\b/.test(s.run ?? ''));
    expect(trend).toBeGreaterThan(all.indexOf(checkout!));
    expect(all[trend]!.run).toMatch(/--format html --out trend\.html/);
    const upload = all.slice(trend + 1).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path).split('\n')).toContain('trend.html');
  });

  it("runs the step's command on the example history (scripts/make-example-history.mjs) and writes the page", { timeout: 180_000 }, () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'asa-workflow-')), 'repo');
    execFileSync(process.execPath, [join(ROOT, 'scripts/make-example-history.mjs'), dir]);
    const run = steps().find((s) => /\baftersales-assess history\b/.test(s.run ?? ''))!.run!;
    // The step's words, with GitHub's expressions filled in as a run on github.com would, split as a shell does.
    const github: Record<string, string> = { 'github.server_url': 'https://github.com', 'github.repository': 'example/evidence-repo' };
    const line = run.replace(/\$\{\{ ([\w.]+) \}\}/g, (_, name: string) => github[name] ?? `<${name}>`).trim();
    const words = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    expect(words.slice(0, 3)).toEqual(['npx', 'aftersales-assess', 'history']);
    const r = cli(words.slice(2), {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'trend.html'), 'utf8');
    // Five commits, each linked to its page; the projection to the audit date the step names.
    const links = [...html.matchAll(/href="https:\/\/github\.com\/example\/evidence-repo\/commit\/([0-9a-f]{40})"/g)].map((m) => m[1]);
    expect(new Set(links).size).toBe(5);
    expect(html).toContain('data-projection');
    expect(html).toContain('2027-03-15');
    // Nothing written but trend.html: the working tree is otherwise clean.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir }).toString()).toBe('?? trend.html\n');
  });
});
