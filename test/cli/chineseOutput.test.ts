// The Chinese report speaks Chinese: each case below printed English in a Chinese run before it was fixed
// (issue 21: "与基线比较: main → working tree", the Markdown batch header "File", the `completion tcsh` error,
// the YAML parser's errors, "bundled").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const THREE = 'examples/three-star/company.yaml';
const FIVE = 'examples/five-star/company.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-zh-'));

describe('Chinese output has no English wording of ours', () => {
  it('a baseline comparison names the working tree in Chinese; the JSON keeps its stable label', () => {
    const r = cli(['score', THREE, '--baseline', 'HEAD']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('与基线比较：HEAD → 当前工作区');
    expect(r.stdout).not.toContain('working tree');
    const json = JSON.parse(cli(['score', THREE, '--baseline', 'HEAD', '--format', 'json']).stdout) as { comparison: { diff: { head: { label: string } } } };
    expect(json.comparison.diff.head.label).toBe('working tree');
  });

  it('the Markdown batch table has Chinese column headers, the gate column named', () => {
    const r = cli(['score', THREE, FIVE, '--format', 'markdown']);
    expect(r.stdout).toContain('| 企业 | 文件 | 得分 | 等级 | 首要改进项 | 门槛 |');
    expect(r.stdout).not.toMatch(/\| File \|/);
  });

  it('a shell the completion command does not know is refused in Chinese, exit 2', () => {
    const r = cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：参数 shell 的取值“tcsh”无效。可选值：bash, zsh, fish');
    expect(r.stderr).not.toContain('is invalid for argument');
  });

  it('YAML syntax errors are described in Chinese, with their position', () => {
    const dir = tmp();
    const file = join(dir, 'company.yaml');
    writeFileSync(file, 'schemaVersion: 1\ncompany: {name: 甲\nassessment:\n  date: 2026-11-01\n');
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/company\.yaml:\d+:\d+: error: YAML 语法错误：[^\x00-\x7f]/);
    expect(r.stderr).not.toMatch(/must be|sufficiently indented|Flow map/);
    writeFileSync(file, 'schemaVersion: 1\nschemaVersion: 1\n');
    expect(cli(['validate', file]).stderr).toContain('company.yaml:2:1: error: YAML 语法错误：同一映射中有重复的键');
    // English keeps the parser's own detail, which is more specific.
    expect(cli(['validate', file, '--lang', 'en']).stderr).toContain('Map keys must be unique');
  });

  it('the rubric tree says the bundled rubric is 内置', () => {
    const first = cli(['rubric']).stdout.split('\n')[0]!;
    expect(first).toMatch(/（?\(gbt27922-2011 \S+, 内置, sha256 [0-9a-f]{12}\)/);
  });

  it('a custom rubric is named in the terminal report with its version and digest', () => {
    const r = cli(['score', THREE, '--rubric', 'rubrics/gbt27922-2011.yaml']);
    // At 80 columns the line wraps; its continuation is indented.
    expect(r.stdout.replace(/\n {2}/g, ' ').split('\n')[1]).toMatch(
      /^自定义评分规则：GB\/T 27922-2011 商品售后服务评价体系 2026\.11 · .*gbt27922-2011\.yaml · sha256 [0-9a-f]{12}$/,
    );
    expect(cli(['score', THREE]).stdout).not.toContain('自定义评分规则');
  });
});
