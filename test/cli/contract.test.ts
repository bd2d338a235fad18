import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

const FIVE = 'examples/five-star/company.yaml';
const THREE = 'examples/three-star/company.yaml';
const FAIL = 'examples/failing/company.yaml';
const json = (args: string[]) => JSON.parse(cli(['score', ...args, '--format', 'json']).stdout);

describe('pinned example scores', () => {
  it.each([
    [FIVE, 97.1, 'five-star'],
    [THREE, 81.4, 'three-star'],
    [FAIL, 66.4, 'fail'],
  ])('%s scores %s (%s)', (file, final, level) => {
    const r = json([file]);
    expect(r.score.final).toBe(final);
    expect(r.level.id).toBe(level);
  });

  it('the failing example has its special deductions', () => {
    expect(json([FAIL]).score.specialDeductions).toEqual({ count: 2, points: 2 });
  });
});

describe('JSON contract', () => {
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
    JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')),
  );

  it.each([FIVE, THREE, FAIL])('%s validates against schema/report.schema.json', (file) => {
    const ok = validate(json([file]));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('same input, same bytes, and no absolute paths', () => {
    const a = cli(['score', THREE, '--format', 'json']).stdout;
    const b = cli(['score', THREE, '--format', 'json']).stdout;
    expect(a).toBe(b);
    expect(a).not.toContain(ROOT);
    expect(a).not.toMatch(/"\/(?:tmp|home|work|root)\//);
  });

  it('gaps are sorted by recoverable points on the 100-point scale', () => {
    const gaps = json([THREE]).gaps as Array<{ recoverable: number }>;
    expect(gaps.length).toBeGreaterThan(3);
    expect(gaps.map((g) => g.recoverable)).toEqual([...gaps.map((g) => g.recoverable)].sort((x, y) => y - x));
  });
});

describe('exit codes', () => {
  it('0 for a scored file, also at the threshold', () => {
    expect(cli(['score', THREE, '--fail-under', '81.4']).code).toBe(0);
    expect(cli(['score', THREE, '--min-level', 'three-star']).code).toBe(0);
  });
  it('1 below a threshold, still printing the report', () => {
    const r = cli(['score', THREE, '--fail-under', '81.5', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).score.final).toBe(81.4);
    expect(cli(['score', THREE, '--min-level', 'four-star']).code).toBe(1);
  });
  it('2 for usage errors', () => {
    for (const args of [
      ['score'],
      ['score', FIVE, '--lang', 'fr'],
      ['score', FIVE, '--fail-under', 'abc'],
      ['score', FIVE, '--min-level', 'gold'],
      ['score', FIVE, '--as-of', '2026-13-01'],
      ['frobnicate'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    }
  });
  it('2 for invalid input, with file:line:col and no stack trace', () => {
    const r = cli(['validate', 'test/fixtures/invalid-evidence.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^test\/fixtures\/invalid-evidence\.yaml:3:1: error: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('validate exits 0 on a good file and 2 on a missing one', () => {
    expect(cli(['validate', FIVE, '--lang', 'en'])).toMatchObject({ code: 0, stdout: `${FIVE}: valid\n` });
    expect(cli(['validate', 'nope.yaml']).code).toBe(2);
  });
  it('help and version exit 0', () => {
    expect(cli(['--help']).code).toBe(0);
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('rubric commands', () => {
  it('rubric lint passes the bundled rubric and fails a broken one with positions', () => {
    expect(cli(['rubric', 'lint', 'rubrics/gbt27922-2011.yaml']).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'asa-cli-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8').replace('points: 40', 'points: 41'));
    const r = cli(['rubric', 'lint', broken, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(cli(['rubric', 'lint', broken]).stderr).toMatch(/一级指标合计 101 分，不是 100 分/);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error: sections add up to 101, not 100/);
    expect(r.stderr).toMatch(/section 5\.1 is worth 41 but its clauses add up to 40/);
  });
  it('--rubric scores against another rubric file and names it in the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-cli-'));
    const edited = join(dir, 'corrected.yaml');
    // A consultant's correction: the partial credit without a sample lowered to 0.4.
    writeFileSync(edited, readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8').replace('partialCredit: 0.5', 'partialCredit: 0.4'));
    const r = json([FIVE, '--rubric', edited]);
    expect(r.rubric.origin).toBe('corrected.yaml');
    expect(r.score.earned).toBe(json([FIVE]).score.earned - 0.3);
  });
});

describe('output and terminal behaviour', () => {
  it('--out writes the file and refuses to overwrite the evidence file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-out-'));
    cpSync(join(ROOT, 'examples/five-star'), dir, { recursive: true });
    const evidence = join(dir, 'company.yaml');
    const before = readFileSync(evidence, 'utf8');
    expect(cli(['score', evidence, '--format', 'json', '--out', join(dir, 'report.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).level.id).toBe('five-star');
    const r = cli(['score', evidence, '--format', 'json', '--out', evidence, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write the report over .*: it is one of this run's input files/);
    expect(readFileSync(evidence, 'utf8')).toBe(before);
  });
  it('colour only when asked for, and NO_COLOR wins', () => {
    expect(cli(['score', FIVE], { NO_COLOR: undefined }).stdout).not.toContain('\u001b[');
    expect(cli(['score', FIVE], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(cli(['score', FIVE], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(cli(['score', FIVE, '--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
  it('cited files are checked relative to the evidence file, from any working directory', () => {
    const r = cli(['score', join(ROOT, FIVE), '--format', 'json'], {}, tmpdir());
    expect(JSON.parse(r.stdout).score.final).toBe(97.1);
  });
  it('a cited file that escapes the evidence folder is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-esc-'));
    cpSync(join(ROOT, 'examples/five-star'), join(dir, 'repo'), { recursive: true });
    copyFileSync(join(ROOT, 'README.md'), join(dir, 'outside.md'));
    const file = join(dir, 'repo/company.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('file: docs/org-chart.md', 'file: ../outside.md')
        .replace('{ file: docs/job-descriptions.md, title: 岗位职责说明书 }', '{ file: /etc/hostname }'),
    );
    const c = JSON.parse(cli(['score', file, '--format', 'json']).stdout).sections[0].clauses[0].criteria[0];
    expect(c.evidence.map((e: { state: string }) => e.state)).toEqual(['outside-root', 'outside-root']);
    expect(c.earned).toBe(0);
  });
});

describe('validate checks the files an evidence file cites', () => {
  it('a misspelt or Windows-style path is an error at its line with a suggestion; --no-files skips the check', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-validate-'));
    cpSync(join(ROOT, 'examples/five-star'), d, { recursive: true });
    const file = join(d, 'company.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('docs/org-chart.md', 'docs/org-chrt.md').replace('docs/job-descriptions.md', 'docs\\job-descriptions.md'),
    );
    const r = cli(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the cited file docs/org-chrt.md does not exist\n  hint: Did you mean docs/org-chart.md?');
    expect(r.stderr).toContain('hint: Separate folders with / (docs/x.md), not the Windows \\.');
    expect(cli(['validate', file, '--no-files', '--lang', 'en']).code).toBe(0);
  });
  it('a mistyped status value gets a did-you-mean', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'asa-validate-')), 'c.yaml');
    writeFileSync(f, 'schemaVersion: 1\ncompany: { name: X }\nassessment: { date: 2026-11-01 }\ncriteria:\n  5.1.1.1: { status: meet }\n');
    expect(cli(['validate', f, '--lang', 'en']).stderr).toContain('hint: Did you mean `met`?');
  });
});

describe('rubric --expects', () => {
  it('prints what an auditor expects and the action under each criterion', () => {
    const r = cli(['rubric', '--expects', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5\.3\.1\.2 Follow-up calls and satisfaction measurement .*\n\s+Auditor expects: Regular follow-up and satisfaction surveys/);
  });
});

describe('help', () => {
  it('is in Chinese by default and in English with --lang en, each command with an example', () => {
    const zh = cli(['score', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('为证据文件评分并输出差距报告');
    expect(zh.stdout).toContain('示例：\n  aftersales-assess score company.yaml');
    const en = cli(['records', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('analyse service and complaint records');
    expect(en.stdout).toContain('Example:\n  aftersales-assess records tickets.xlsx --evidence company.yaml');
  });
});

describe('help and parse errors in the user language', () => {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uff60\u3000-\u303f]/u.test(ch) ? 2 : 1), 0);

  it('translates commander headings, option details and errors for zh-CN, and fits 80 columns', () => {
    const help = cli(['score', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：');
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toMatch(/可选值：/);
    expect(help.stdout).not.toMatch(/^(Usage|Options|Arguments):/m);
    for (const line of help.stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
    const bad = cli(['score', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('错误：未知选项 --bogus');
    const typo = cli(['scor']);
    expect(typo.stderr).toContain('是否想输入 score');
  });

  it('keeps commander wording with --lang en', () => {
    const help = cli(['score', '--help', '--lang', 'en']);
    expect(help.stdout).toMatch(/^Usage:/m);
    expect(cli(['score', '--bogus', '--lang', 'en']).stderr).toContain("error: unknown option '--bogus'");
  });
});

describe('the editor schema made from the rubric', () => {
  const schemaOf = (args: string[] = []) => JSON.parse(cli(['schema', ...args]).stdout);

  it('lists every criterion of the rubric by id with titles, and refuses ids it does not have', () => {
    const s = schemaOf();
    const criteria = s.properties.criteria;
    expect(criteria.additionalProperties).toBe(false);
    expect(criteria.properties['5.1.1.1'].markdownDescription).toContain('售后服务部门与岗位职责');
    expect(criteria.properties['5.1.1.1'].markdownDescription).toContain('After-sales department');
    // n/a is offered only where the rubric allows exclusion (5.2.3.1 delivery may be excluded; 5.1.1.1 may not).
    expect(JSON.stringify(criteria.properties['5.1.1.1'].allOf)).not.toContain('n/a');
    expect(JSON.stringify(criteria.properties['5.2.3.1'].allOf)).toContain('n/a');
  });

  it('accepts every bundled example and rejects file with url and an impossible date (ajv)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schemaOf());
    for (const ex of ['five-star', 'three-star', 'failing', 'with-data']) {
      const doc = parse(readFileSync(join(ROOT, 'examples', ex, 'company.yaml'), 'utf8'));
      expect(validate(doc), `${ex}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const base = { schemaVersion: 1, company: { name: 'x' }, assessment: { date: '2026-11-01' } };
    expect(validate({ ...base, criteria: { '5.1.1.1': { status: 'met', evidence: [{ file: 'a.md', url: 'https://e.com' }] } } })).toBe(false);
    expect(validate({ ...base, criteria: { '5.1.1.1': { status: 'met', evidence: [{ file: 'a.md', expires: '2026-13-45' }] } } })).toBe(false);
    expect(validate({ ...base, criteria: { '5.9.9.9': { status: 'met' } } })).toBe(false);
  });

  it('schema --rubric FILE describes a custom rubric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-schema-'));
    const custom = join(dir, 'custom.yaml');
    writeFileSync(custom, readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8').replace('售后服务部门与岗位职责', '售后部门与职责（企业自定）'));
    expect(schemaOf(['--rubric', custom]).properties.criteria.properties['5.1.1.1'].title).toContain('售后部门与职责（企业自定）');
  });

  it('the evidence repository example carries a current copy, and every example modeline resolves', () => {
    const copy = readFileSync(join(ROOT, 'examples/evidence-repo/evidence/evidence.schema.json'), 'utf8');
    expect(copy).toBe(cli(['schema']).stdout);
    // The build makes the same schema for the bundled rubric and ships it in the package.
    expect(readFileSync(join(ROOT, 'dist/rubrics/gbt27922-2011.evidence.schema.json'), 'utf8')).toBe(copy);
    for (const file of [
      'evidence-repo/evidence/company.yaml',
      'five-star/company.yaml',
      'three-star/company.yaml',
      'failing/company.yaml',
      'with-data/company.yaml',
    ]) {
      const path = join(ROOT, 'examples', file);
      const target = /\$schema=(\S+)/.exec(readFileSync(path, 'utf8').split('\n')[0]!)![1]!;
      expect(existsSync(join(dirname(path), target)), `${file} → ${target}`).toBe(true);
    }
  });
});

describe('reports name their evidence file; Markdown is literal text', () => {
  it('every JSON/JSONL report carries the evidence path relative to the working directory and its sha256', () => {
    const dir = mkdtempSync(join(ROOT, '.tmp-batch-'));
    try {
      for (const d of ['a', 'b']) cpSync(join(ROOT, 'examples/five-star'), join(dir, d), { recursive: true });
      const lines = cli(['score', join(dir, 'a/company.yaml'), join(dir, 'b/company.yaml'), '--format', 'jsonl'])
        .stdout.trim()
        .split('\n');
      const reports = lines.map((l) => JSON.parse(l));
      const rel = (d: string) => relative(ROOT, join(dir, d, 'company.yaml'));
      expect(reports.map((r) => r.evidenceFile.path)).toEqual([rel('a'), rel('b')]);
      // Same company, same bytes: told apart by path; the hash is the sha256 of the file's bytes.
      const sha = createHash('sha256')
        .update(readFileSync(join(dir, 'a/company.yaml')))
        .digest('hex');
      expect(reports.map((r) => r.evidenceFile.sha256)).toEqual([sha, sha]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes rubric and evidence text: a | keeps the columns, HTML and emphasis stay literal (markdown-it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-md-'));
    const rubric = join(dir, 'r.yaml');
    const title = '组织|架构 *强调* <img src=x onerror=alert(1)>';
    writeFileSync(
      rubric,
      readFileSync(join(ROOT, 'rubrics/gbt27922-2011.yaml'), 'utf8').replace(
        'title: { zh-CN: 组织架构, en: Organisation }',
        `title: { zh-CN: "${title}", en: Organisation }`,
      ),
    );
    const md = cli(['score', THREE, '--rubric', rubric, '--format', 'markdown']).stdout;
    const html = new MarkdownIt().render(md);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<em>强调</em>');
    const row = /<tr>\s*<td>5\.1\.1<\/td>([\s\S]*?)<\/tr>/.exec(html)![1]!;
    // Six cells: id, title, points, excluded, earned, percent; the title whole, as typed.
    expect(row.match(/<td/g)).toHaveLength(5);
    expect(row).toContain('组织|架构 *强调* &lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('shell completion', () => {
  it('bash: completes commands, options, option values and nested commands from the program itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-comp-'));
    const script = join(dir, 'c.bash');
    writeFileSync(script, cli(['completion', 'bash']).stdout);
    const complete = (...words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _aftersales_assess; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      ).stdout.trim();
    expect(complete('aftersales-assess', 'sc')).toBe('score schema');
    expect(complete('aftersales-assess', 'score', '--form')).toBe('--format');
    expect(complete('aftersales-assess', 'score', '--format', '')).toBe('terminal json jsonl markdown github sarif junit pdf html');
    expect(complete('aftersales-assess', 'diff', '--format', '')).not.toContain('pdf');
    expect(complete('aftersales-assess', 'score', 'x.yaml', '--min-level', 'f')).toBe('fail four-star five-star');
    expect(complete('aftersales-assess', 'rubric', '')).toBe('lint');
    expect(complete('aftersales-assess', 'rubric', 'lint', '--l')).toBe('--lang');
  });

  it('zsh and fish scripts carry the same commands and choices', () => {
    const zsh = cli(['completion', 'zsh']).stdout;
    expect(zsh.startsWith('#compdef aftersales-assess\n')).toBe(true);
    expect(zsh).toContain('bashcompinit');
    const fish = cli(['completion', 'fish']).stdout;
    expect(fish).toContain("complete -c aftersales-assess -n '__fish_use_subcommand' -a score");
    expect(fish).toMatch(/-n '__fish_seen_subcommand_from score' -l format -x -a 'terminal json jsonl markdown github sarif junit pdf html'/);
    expect(cli(['completion', 'tcsh']).code).toBe(2);
  });
});
