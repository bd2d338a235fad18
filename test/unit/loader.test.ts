import { en } from '../helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvidenceFile } from '../../src/validate/loadEvidence.js';
import { InputError, type Diagnostic } from '../../src/model/diagnostic.js';
import { rubric } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'asa-loader-'));
let n = 0;
function write(text: string): string {
  const file = join(dir, `e${n++}.yaml`);
  writeFileSync(file, text);
  return file;
}
function diagnostics(text: string, maxBytes?: number): Diagnostic[] {
  try {
    loadEvidenceFile(write(text), rubric, maxBytes);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  return [];
}
const HEAD = 'schemaVersion: 1\ncompany: { name: 测试 }\nassessment: { date: 2026-11-01 }\n';

describe('YAML traps', () => {
  it('keeps unquoted keys as strings: 5.1 and 5.10 do not collide', () => {
    const file = write(`${HEAD}metrics:\n  5.1: 1\n  5.10: 2\n`);
    const { evidence, warnings } = loadEvidenceFile(file, rubric);
    expect(Object.keys(evidence.metrics!)).toEqual(['5.1', '5.10']);
    expect(warnings.map((w) => w.severity)).toEqual(['warning', 'warning']);
  });

  it('reports a duplicate key at its position instead of keeping the last value', () => {
    const d = diagnostics(`${HEAD}criteria:\n  5.1.1.1: { status: met }\n  5.1.1.1: { status: not-met }\n`);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 6, column: 3 });
    expect(en(d[0]!).message).toMatch(/unique/);
  });

  it('refuses deep nesting without crashing, twice in one process', () => {
    const deep = `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    for (let i = 0; i < 2; i++) {
      const d = diagnostics(deep);
      expect(en(d[0]!).message).toMatch(/nesting deeper than 64/);
      expect(d[0]!.line).toBe(1);
    }
  });

  it('refuses an alias bomb', () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (const [p, c] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ])
      lines.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    const d = diagnostics(lines.join('\n') + '\n');
    expect(en(d[0]!).message).toMatch(/aliases expand too much/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const d = diagnostics(HEAD + '# ' + 'x'.repeat(5000) + '\n', 1000);
    expect(en(d[0]!).message).toMatch(/over the 1000-byte limit/);
  });

  it('reports every syntax error with line and column', () => {
    const d = diagnostics('schemaVersion: 1\ncompany:\n  name: x\n  name: y\nassessment: { date: 2026-11-01\n');
    expect(d.map((x) => x.line)).toEqual(expect.arrayContaining([4]));
    expect(d.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects text that is not UTF-8 with a hint to convert it', () => {
    const file = join(dir, 'gbk.yaml');
    writeFileSync(file, Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0x3a, 0x20, 0x31, 0x0a]));
    expect(() => loadEvidenceFile(file, rubric)).toThrow(InputError);
    try {
      loadEvidenceFile(file, rubric);
    } catch (e) {
      expect(en((e as InputError).diagnostics[0]!).hint).toMatch(/GB18030/);
    }
  });
});

describe('schema and semantic errors, all at once with positions', () => {
  const text = `schemaVersion: 1
company: { name: 测试 }
assesment: { date: 2026-11-01 }
criteria:
  5.1.3.9: { status: met }
  5.1.1: { status: met }
  5.2.4.2: { status: partial, sample: { checked: 5, conforming: 7 } }
  5.1.4.1: { status: n/a, justification: x }
  5.2.6.1: { status: n/a }
  5.3.1.1: { status: done }
  5.3.1.2: { status: met, sample: { checked: 5, conforming: 4 } }
  5.3.2.1: { status: met, evidence: [ { title: 无文件 } ] }
specialDeductions: [ { clause: 5.10, reason: x } ]
bonus: [ { reason: a }, { reason: b } ]
`;
  const d = diagnostics(text);
  const at = (line: number) => d.filter((x) => x.line === line);

  it('names the missing required property and the misspelt one with a suggestion', () => {
    expect(en(at(1)[0]!).message).toMatch(/missing the required property `assessment`/);
    expect(en(at(3)[0]!)).toMatchObject({ column: 1, hint: 'Did you mean `assessment`?' });
  });
  it('suggests the closest criterion id, and the criteria of a clause id', () => {
    expect(en(at(5)[0]!).hint).toBe('Did you mean 5.1.3.1?');
    expect(en(at(6)[0]!).hint).toMatch(/5\.1\.1\.1, 5\.1\.1\.2/);
  });
  it('checks samples, n/a permission and justification', () => {
    expect(en(at(7)[0]!).message).toMatch(/exceeds/);
    expect(en(at(8)[0]!).message).toMatch(/cannot be marked n\/a/);
    expect(en(at(9)[0]!).message).toMatch(/justification/);
    expect(en(at(11)[0]!).message).toMatch(/marked met but its sample/);
  });
  it('lists allowed values and asks for file or url', () => {
    expect(en(at(10)[0]!).message).toMatch(/one of: met, partial, not-met, n\/a/);
    expect(en(at(12)[0]!).message).toMatch(/needs `file` or `url`/);
  });
  it('tells to quote a clause id that YAML read as a number', () => {
    expect(en(at(13)[0]!).hint).toMatch(/quote it: '5.10'/);
  });
  it('refuses a second bonus at its position', () => {
    expect(at(14)[0]).toMatchObject({ column: 25 });
    expect(en(at(14)[0]!).message).toMatch(/at most 1 special bonus/);
  });
  it('reports all of them in one pass, sorted by position', () => {
    expect(d.length).toBe(12);
    const lines = d.map((x) => x.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('rejects impossible dates and metrics that cannot be', () => {
    const e = diagnostics(
      `schemaVersion: 1\ncompany: { name: x }\nassessment: { date: 2026-02-30 }\nmetrics: { certifiedServiceManagers: 4, serviceManagementStaff: 3 }\n`,
    );
    expect(e.map((x) => [x.line, en(x).message])).toEqual([
      [3, '`assessment.date` is not a real calendar date: 2026-02-30'],
      [4, '`metrics.certifiedServiceManagers` (4) cannot exceed `metrics.serviceManagementStaff` (3)'],
    ]);
  });
});

describe('more input rules', () => {
  it('refuses a second YAML document in one file, at its position', () => {
    const d = diagnostics(`${HEAD}---\nschemaVersion: 1\n`);
    expect(en(d[0]!)).toMatchObject({ line: 4, message: 'the file holds more than one YAML document' });
  });
  it('refuses an evidence item with both file and url', () => {
    const d = diagnostics(`${HEAD}criteria:\n  5.1.1.1:\n    status: met\n    evidence: [ { file: a.pdf, url: https://x.cn } ]\n`);
    expect(d.map((x) => [x.line, en(x).message])).toEqual([[7, 'criterion 5.1.1.1, evidence item 1 has both `file` and `url`']]);
  });
});

describe('bonus given as a mapping or a list', () => {
  it('names the allowed forms and the allowed keys', () => {
    expect(diagnostics(`${HEAD}bonus: 5\n`).map((d) => en(d).message)).toEqual(['`bonus` must be a mapping (key: value) or a list (- item)']);
    const d = diagnostics(`${HEAD}bonus: { reason: x, extra: 1 }\n`);
    expect(d.map((x) => [en(x).message, en(x).hint])).toEqual([['`bonus`: unknown property `extra`', 'Allowed here: reason, evidence.']]);
    expect(diagnostics(`${HEAD}bonus: [1, { reason: b }]\n`).map((x) => en(x).message)).toEqual([
      'item 1 of `bonus` must be a mapping (key: value)',
      'at most 1 special bonus (特别加分项) may be claimed; found 2',
    ]);
  });
});
