import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

/** The part of a JSON report this file counts findings in. */
type Section = { clauses: Array<{ criteria: Array<{ findings: unknown[] }> }> };

const THREE = 'examples/three-star/company.yaml';
const FIVE = 'examples/five-star/company.yaml';
const require = createRequire(import.meta.url);
// CommonJS default export seen from ESM under NodeNext.
type AjvCtor = new (opts: object) => { compile: (s: object) => ((d: unknown) => boolean) & { errors?: unknown[] | null } };
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: AjvCtor }).default ?? AjvDraft04Module) as unknown as AjvCtor;

/** A scratch evidence repository: a copy of an example in a temp folder. */
function scratch(example = 'three-star'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'asa-ci-'));
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  return { dir, file: join(dir, 'company.yaml') };
}
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit: ${from} not found`);
  writeFileSync(file, text.replace(from, to));
};
const lineOf = (file: string, needle: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('evidence that holds up', () => {
  it('refuses symlinks that resolve outside the evidence root, and follows those inside', () => {
    const { dir, file } = scratch('five-star');
    const outside = mkdtempSync(join(tmpdir(), 'asa-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'x');
    symlinkSync(join(outside, 'secret.md'), join(dir, 'docs/link-out.md'));
    symlinkSync(join(dir, 'docs/org-chart.md'), join(dir, 'docs/link-in.md'));
    edit(file, '{ file: docs/org-chart.md, title: 售后服务部组织架构图, date: 2026-03-01 }', '{ file: docs/link-out.md }');
    edit(file, '{ file: docs/job-descriptions.md, title: 岗位职责说明书 }', '{ file: docs/link-in.md }');
    const c = JSON.parse(cli(['score', file, '--format', 'json']).stdout).sections[0].clauses[0].criteria[0];
    expect(c.evidence.map((e: { state: string }) => e.state)).toEqual(['outside-root', 'found']);
    expect(c.earned).toBe(2);
  });

  it('--root widens the evidence root', () => {
    const { dir, file } = scratch('five-star');
    writeFileSync(join(dir, '..', `shared-${process.pid}.md`), 'x');
    edit(file, 'file: docs/org-chart.md', `file: ../shared-${process.pid}.md`);
    const state = (args: string[]) => JSON.parse(cli(['score', file, '--format', 'json', ...args]).stdout).sections[0].clauses[0].criteria[0].evidence[0].state;
    expect(state([])).toBe('outside-root');
    expect(state(['--root', join(dir, '..')])).toBe('found');
  });

  it('verifies sha256 against the file on disk', () => {
    const { dir, file } = scratch('five-star');
    const good = createHash('sha256')
      .update(readFileSync(join(dir, 'docs/org-chart.md')))
      .digest('hex');
    edit(file, 'title: 售后服务部组织架构图, date: 2026-03-01', `title: 售后服务部组织架构图, date: 2026-03-01, sha256: ${good}`);
    expect(JSON.parse(cli(['score', file, '--format', 'json']).stdout).sections[0].clauses[0].criteria[0].evidence[0].state).toBe('found');
    appendFileSync(join(dir, 'docs/org-chart.md'), 'edited after review\n');
    const r = JSON.parse(cli(['score', file, '--format', 'json']).stdout);
    const f = r.sections[0].clauses[0].criteria[0].findings.find((x: { code: string }) => x.code === 'evidence-hash-mismatch');
    expect(f.args.expected).toBe(good);
    expect(f.line).toBeGreaterThan(0);
  });

  it('--as-of shows what expires or ages out by the audit day, and what it costs', () => {
    const r = JSON.parse(cli(['score', THREE, '--format', 'json', '--as-of', '2027-06-01']).stdout);
    expect(r.assessmentDate).toBe('2027-06-01');
    const d = r.comparison.diff;
    expect(r.comparison.kind).toBe('as-of');
    expect([d.base.final, d.head.final, d.base.level, d.head.level]).toEqual([81.4, 76.6, 'three-star', 'compliant']);
    expect(d.criteria.map((c: { id: string; causes: string[]; refs: string[] }) => [c.id, c.causes, c.refs])).toEqual([
      ['5.3.1.2', ['evidence-aged'], ['docs/nps-2026.md']],
      ['5.1.4.2', ['evidence-aged'], ['docs/law-register.md']],
    ]);
  });
});

describe('CI output formats', () => {
  it('github: workflow commands at the exact line of each finding', () => {
    const out = cli(['score', THREE, '--format', 'github']).stdout.split('\n');
    const missing = out.find((l) => l.includes('public-docs-index.md'))!;
    expect(missing).toBe(
      `::error file=${THREE},line=${lineOf(THREE, 'public-docs-index.md')},col=17,endLine=${lineOf(THREE, 'public-docs-index.md')},endColumn=68,title=5.2.1.2 公开可查的商品与服务信息::证据文件不存在：docs/public-docs-index.md (−3.0)%0A措施：补正证据：恢复文件 docs/public-docs-index.md`,
    );
    // A criterion left out points at `criteria:`, where it should be added.
    expect(out.some((l) => l.startsWith(`::error file=${THREE},line=${lineOf(THREE, 'criteria:')},col=1,`) && l.includes(',title=5.3.1.3'))).toBe(true);
    expect(out.some((l) => l.startsWith('::notice ') && l.includes('81.4'))).toBe(true);
    // `%` and `:` are escaped as the runner requires.
    expect(out.find((l) => l.includes('5.1.2.2'))).toContain('10%25');
  });

  it('github: the reasons the run fails first, at most 10 errors and 10 warnings, the rest counted and in the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-cap-'));
    const summary = join(dir, 'summary.md');
    const r = cli(['score', 'examples/failing/company.yaml', '--format', 'github', '--thresholds', 'examples/evidence-repo/thresholds.yml', '--lang', 'en'], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    const warnings = lines.filter((l) => l.startsWith('::warning '));
    expect(errors.length).toBe(10);
    expect(warnings.length).toBeLessThanOrEqual(10);
    // Every gate failure is an annotation, before any finding.
    const gate = r.stderr.trim().split('\n').length;
    expect(errors.slice(0, gate).every((l) => l.includes('title=aftersales-assess threshold'))).toBe(true);
    // Then findings by points lost: special deductions, then 5.1.2.2 (5 points), never a smaller loss before a larger.
    const lost = errors.slice(gate).map((l) => Number(/\(−([\d.]+)\)$/.exec(l)?.[1] ?? Infinity));
    expect([...lost].sort((a, b) => b - a)).toEqual(lost);
    // What did not fit is counted in a notice, and every finding is in the step summary.
    const json = JSON.parse(cli(['score', 'examples/failing/company.yaml', '--format', 'json']).stdout);
    const all = json.findings.length + json.sections.flatMap((s: Section) => s.clauses.flatMap((c) => c.criteria.flatMap((x) => x.findings))).length;
    expect(lines.some((l) => l.startsWith('::notice ') && /\d+ more errors/.test(l))).toBe(true);
    const table = readFileSync(summary, 'utf8')
      .split('\n')
      .filter((l) => /^\| (error|warning) \|/.test(l));
    expect(table.length).toBeGreaterThan(errors.length + warnings.length);
    expect(table.length).toBeLessThanOrEqual(all + gate);
  });

  it('github is chosen automatically on GitHub Actions, appends the step summary, and annotates invalid input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-gh-'));
    const summary = join(dir, 'summary.md');
    const r = cli(['score', THREE], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.stdout.startsWith('::error file=')).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## 商品售后服务认证自评报告：蓝鲸云软件科技有限公司/);
    const bad = cli(['score', 'test/fixtures/invalid-evidence.yaml', '--lang', 'en'], { GITHUB_ACTIONS: 'true' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(
      '::error file=test/fixtures/invalid-evidence.yaml,line=3,col=1,title=aftersales-assess::the top level: unknown property `assesment`',
    );
    // In the default language, the same annotation in Chinese.
    expect(cli(['score', 'test/fixtures/invalid-evidence.yaml'], { GITHUB_ACTIONS: 'true' }).stdout).toContain(
      'line=3,col=1,title=aftersales-assess::文件顶层：未知的属性 `assesment`',
    );
    expect(cli(['score', THREE, '--format', 'json'], { GITHUB_ACTIONS: 'true' }).stdout.startsWith('{')).toBe(true);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, one rule per criterion, regions in the YAML', () => {
    const sarif = JSON.parse(cli(['score', THREE, '--format', 'sarif']).stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = // The official schema has a pattern that is only valid without the u flag.
      new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.filter((r: { id: string }) => /^\d/.test(r.id))).toHaveLength(34);
    const missing = run.results.find((r: { properties: { code: string } }) => r.properties.code === 'evidence-file-missing');
    expect(missing.ruleId).toBe('5.2.1.2');
    expect(run.tool.driver.rules[missing.ruleIndex].id).toBe('5.2.1.2');
    // The region underlines the whole evidence item from column 17: the flow mapping
    // "{ file: docs/public-docs-index.md, title: 公开文档站索引 }" is 51 UTF-16 code units.
    const line = lineOf(THREE, 'public-docs-index.md');
    expect(missing.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: THREE },
      region: { startLine: line, startColumn: 17, endLine: line, endColumn: 17 + '{ file: docs/public-docs-index.md, title: 公开文档站索引 }'.length },
    });
  });

  it("sarif: passes GitHub's ingestion rules (rules described, fingerprints, regions, relative URIs, a category)", () => {
    const run = JSON.parse(
      cli(['score', THREE, 'examples/failing/company.yaml', '--format', 'sarif', '--thresholds', 'examples/evidence-repo/thresholds.yml']).stdout,
    ).runs[0];
    expect(run.automationDetails.id).toMatch(/^aftersales-assess\/.+\/$/);
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.name).not.toBe(rule.id);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
    const prints = new Set<string>();
    for (const r of run.results) {
      expect(r.message.text).not.toMatch(/\{\d+\}/);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^([a-z]+:|\/)/i);
      if (loc.region) {
        expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
        expect(loc.region.endLine).toBeGreaterThanOrEqual(loc.region.startLine);
        expect(loc.region.endColumn).toBeGreaterThan(loc.region.startColumn);
      }
      const fp = r.partialFingerprints['aftersalesFinding/v1'];
      expect(fp).toMatch(/^[0-9a-f]{32}$/);
      prints.add(fp);
    }
    // Distinct findings are distinct results.
    expect(prints.size).toBe(run.results.length);
    // The same input gives the same fingerprints (identity across runs).
    const again = JSON.parse(cli(['score', THREE, 'examples/failing/company.yaml', '--format', 'sarif']).stdout).runs[0];
    expect(again.results.map((r: { partialFingerprints: object }) => r.partialFingerprints)).toEqual(
      JSON.parse(cli(['score', THREE, 'examples/failing/company.yaml', '--format', 'sarif']).stdout).runs[0].results.map(
        (r: { partialFingerprints: object }) => r.partialFingerprints,
      ),
    );
  });

  it('junit --gate-only: a company that passes its gate is a green build; every requested check is a test with a stable name', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const suite = (args: string[]) => parser.parse(cli(['score', ...args, '--format', 'junit']).stdout).testsuites.testsuite;
    // five-star against a four-star bar: passes, so no failures at all although some points were lost.
    const green = suite([FIVE, '--gate-only', '--min-level', 'four-star', '--fail-under', '90']);
    expect(Number(green.failures)).toBe(0);
    const gateCases = green.testcase.filter((t: { classname: string }) => t.classname === 'thresholds');
    expect(gateCases.map((t: { name: string }) => t.name)).toEqual(['minimum score', 'minimum level']);
    expect(green.testcase.some((t: { 'system-out'?: string }) => t['system-out'])).toBe(true);
    // three-star against the same bars: exactly the two gate checks fail, under the same names.
    const red = suite([THREE, '--gate-only', '--min-level', 'four-star', '--fail-under', '90']);
    expect(Number(red.failures)).toBe(2);
    const failed = red.testcase.filter((t: { failure?: unknown }) => t.failure).map((t: { name: string }) => t.name);
    expect(failed).toEqual(['minimum score', 'minimum level']);
    // zh-CN wording names levels in words, never ids.
    const message = red.testcase.find((t: { name: string }) => t.name === 'minimum level').failure.message;
    expect(message).toBe('等级“三星级”低于要求的“四星级”');
  });

  it('junit: well-formed XML, a test case per criterion, failures for lost points, n/a skipped', () => {
    const xml = cli(['score', THREE, '--format', 'junit']).stdout;
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    expect(suite.testcase).toHaveLength(34);
    expect(Number(suite.tests)).toBe(34);
    const failed = suite.testcase.filter((t: { failure?: unknown }) => t.failure);
    expect(failed).toHaveLength(Number(suite.failures));
    expect(failed.map((t: { name: string }) => t.name.split(' ')[0])).toEqual(['5.1.2.2', '5.1.3.2', '5.1.6.2', '5.2.1.2', '5.3.1.2', '5.3.1.3']);
    expect(suite.testcase.filter((t: { skipped?: unknown }) => t.skipped !== undefined)).toHaveLength(3);
  });

  it('markdown: a summary with the score, level, clause table and gaps', () => {
    const md = cli(['score', THREE, '--format', 'markdown', '--lang', 'en']).stdout;
    expect(md).toMatch(/^## After-sales service certification self-assessment: 蓝鲸云软件科技有限公司/);
    expect(md).toContain('**Score: 81.4 / 100 · Level: Three-star ★★★**');
    expect(md).toContain('| 1 | 5.1.2.2 Certified service managers are at least 10 % of service management staff | +5.3 |');
  });
});

describe('thresholds file', () => {
  const write = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'asa-th-')), 'thresholds.yaml');
    writeFileSync(f, text);
    return f;
  };
  it('per-section minimums and must-pass criteria: exit 1 with the reasons', () => {
    const r = cli([
      'score',
      THREE,
      '--format',
      'json',
      '--lang',
      'en',
      '--thresholds',
      write(`minScore: 80\nsections:\n  '5.1': 35\nclauses:\n  '5.3.2': 8\nmustPass: [5.1.2.2, 5.3.2.1]\n`),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('aftersales-assess: 5.1 earned 31, below the required 35\naftersales-assess: must-pass criterion 5.1.2.2 is not met\n');
    expect(cli(['score', THREE, '--thresholds', write('minLevel: three-star\nmustPass: [5.3.2.1]\n')]).code).toBe(0);
  });
  it('a bad thresholds file is an input error with its position', () => {
    const f = write(`minScore: 80\nmustPass: [5.1.2.2, 5.1.9.9]\nsection: {}\n`);
    const r = cli(['score', THREE, '--thresholds', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:3:1: error: the top level: unknown property \`section\``);
  });
});

describe('baseline and diff', () => {
  function gitRepo() {
    const { dir, file } = scratch('three-star');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    return { dir, file, git };
  }

  it('--baseline REV scores the file as it was at that revision and attributes each change', () => {
    const { dir, file } = gitRepo();
    // After the commit: a document deleted, a status downgraded.
    execFileSync('rm', [join(dir, 'docs/user-guide.md')]);
    edit(file, '  5.3.2.3:\n    status: met', '  5.3.2.3:\n    status: not-met');
    const r = cli(['score', file, '--baseline', 'HEAD', '--format', 'json', '--fail-on-regression']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).comparison.diff;
    expect(d.regression).toBe(true);
    expect(d.criteria.map((c: { id: string; causes: string[] }) => [c.id, c.causes])).toEqual([
      ['5.2.1.1', ['file-missing']],
      ['5.3.2.3', ['evidence-edited']],
    ]);
    expect(r.stderr).toBe('aftersales-assess: 与基线 HEAD 相比退步：81.4 → 75，三星级 → 达标级\n');
  });

  it('--baseline with an unknown revision is a usage error', () => {
    const { file } = gitRepo();
    const r = cli(['score', file, '--baseline', 'no-such-rev', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/git rev-parse failed for --baseline "no-such-rev": unknown revision/);
  });

  it('diff BASE HEAD takes evidence files and JSON reports; a rubric change is attributed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-diff-'));
    const base = join(dir, 'base.json');
    expect(cli(['score', THREE, '--format', 'json', '--out', base]).code).toBe(0);
    const rubric = join(dir, 'rubric.yaml');
    writeFileSync(rubric, readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8').replace('partialCredit: 0.5', 'partialCredit: 0.25'));
    const r = cli(['diff', base, THREE, '--rubric', rubric, '--format', 'json', '--fail-on-regression']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.criteria).toEqual([expect.objectContaining({ id: '5.3.1.2', causes: ['rubric-changed'] })]);
    expect(cli(['diff', THREE, FIVE, '--fail-on-regression']).code).toBe(0);
  });
});

describe('batch', () => {
  it('scores many files, reports a broken one and keeps going, exits 2 at the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-batch-'));
    for (const e of ['five-star', 'three-star']) cpSync(join(ROOT, 'examples', e), join(dir, e), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/invalid-evidence.yaml'), join(dir, 'broken.yaml'));
    writeFileSync(join(dir, 'workflow.yml'), 'on: push\njobs: {}\n');
    const r = cli(['score', dir, '--format', 'jsonl']);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((x) => [x.company.name, x.score.final])).toEqual([
      ['华东示例电器有限公司', 97.1],
      ['蓝鲸云软件科技有限公司', 81.4],
    ]);
    expect(r.stderr).toContain('broken.yaml:3:1: error:');
    expect(r.stderr).toContain('3 个文件中有 1 个无效，已跳过');
    expect(r.stderr).not.toContain('workflow.yml');
  });
  it('a summary table in the terminal, and globs', () => {
    const r = cli(['score', 'examples/*/company.yaml', '--lang', 'en', '--fail-under', '80']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/北方示例家居有限公司.*66\.4.*Fail/);
    expect(r.stdout).toMatch(/华东示例电器有限公司.*97\.1.*Five-star/);
    expect(r.stderr).toBe('aftersales-assess: examples/failing/company.yaml: score 66.4 is below the required 80\n');
  });
});

describe('init', () => {
  it('scaffolds every criterion unanswered, with the schema modeline; it validates and scores as not assessed', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'asa-init-')), 'acme');
    const r = cli(['init', dir, '--company', '测试公司', '--date', '2026-11-01']);
    expect(r.code).toBe(0);
    const file = join(dir, 'company.yaml');
    const text = readFileSync(file, 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(existsSync(join(dir, modeline))).toBe(true);
    expect(text).toContain('  # 5.1.2.2 售后服务管理师不少于服务管理人员的10% (5)');
    expect(cli(['validate', file]).code).toBe(0);
    const report = JSON.parse(cli(['score', file, '--format', 'json']).stdout);
    expect(report.counts['not-assessed']).toBe(34);
    expect(report.score.final).toBe(0);
    const again = cli(['init', dir]);
    expect(again.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
