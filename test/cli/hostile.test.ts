// One test per defect found with hostile inputs and output targets (issue 9); each reproduced the
// defect before it was fixed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { detectTerminal } from '../../src/cli/io.js';
import { ROOT } from '../helpers.js';
import { cli as run } from './run.js';

/** These tests read the English wording; the Chinese wording of the same errors is checked once below. */
const cli = (args: string[], env: Record<string, string | undefined> = {}) => run([...args, '--lang', 'en'], env);

const FIVE = join(ROOT, 'examples/five-star/company.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-hostile-'));
const copyFive = () => {
  const d = tmp();
  cpSync(join(ROOT, 'examples/five-star'), join(d, 'fs'), { recursive: true });
  return join(d, 'fs', 'company.yaml');
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const mkfifo = (p: string) => spawnSync('mkfifo', [p]).status === 0;

describe('output targets', () => {
  it('--out /dev/null and /dev/full are written to, never replaced; a full device is exit 2', () => {
    expect(cli(['score', FIVE, '--format', 'json', '--out', '/dev/null']).code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const r = cli(['score', FIVE, '--format', 'json', '--out', '/dev/full']);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'aftersales-assess: cannot write /dev/full: no space left on the device']);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('--out /dev/stdout writes to the pipe', () => {
    const r = cli(['score', FIVE, '--format', 'json', '--out', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).score.final).toBe(97.1);
  });

  it('--out reaching an input through a symlink, a hard link or a symlinked folder is refused; nothing changes', () => {
    const file = copyFive();
    const dir = join(file, '..', '..');
    const before = readFileSync(file);
    symlinkSync(file, join(dir, 'link.yaml'));
    linkSync(file, join(dir, 'hard.yaml'));
    symlinkSync(join(dir, 'fs'), join(dir, 'folder'));
    const cited = join(dir, 'fs', 'docs', readdirSync(join(dir, 'fs', 'docs'))[0]!);
    for (const out of [
      join(dir, 'link.yaml'),
      join(dir, 'hard.yaml'),
      join(dir, 'folder', 'company.yaml'),
      join(dir, 'fs', '..', 'fs', 'company.yaml'),
      cited,
    ]) {
      const r = cli(['score', file, '--format', 'json', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("it is one of this run's input files");
    }
    expect(readFileSync(file)).toEqual(before);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a write error leaves no temporary file; a missing folder is named', () => {
    const d = tmp();
    const r = cli(['score', FIVE, '--format', 'json', '--out', join(d, 'no', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist; create it first');
    expect(readdirSync(d)).toEqual([]);
  });

  it('--out through a symlink to a report replaces the report and keeps the link', () => {
    const d = tmp();
    writeFileSync(join(d, 'old.json'), 'old');
    symlinkSync(join(d, 'old.json'), join(d, 'latest.json'));
    expect(cli(['score', FIVE, '--format', 'json', '--out', join(d, 'latest.json')]).code).toBe(0);
    expect(lstatSync(join(d, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(d, 'old.json'), 'utf8')).score.final).toBe(97.1);
  });

  it('EPIPE on stdout ends quietly with the decided exit code', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node ${join(ROOT, 'bin/aftersales-assess.cjs')} score ${ROOT}/examples/*/company.yaml --format json | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr.trim()).toBe('exit=0');
  });

  it('GITHUB_STEP_SUMMARY naming a folder is exit 2', () => {
    const r = cli(['score', FIVE, '--format', 'github'], { GITHUB_STEP_SUMMARY: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a regular file');
  });
});

describe('inputs that are not regular files never block', () => {
  it('a FIFO as --baseline, to diff, as --font, as the evidence file is exit 2', () => {
    const d = tmp();
    const fifo = join(d, 'f.json');
    if (!mkfifo(fifo)) return;
    for (const args of [
      ['score', FIVE, '--baseline', fifo],
      ['diff', fifo, FIVE],
      ['score', FIVE, '--format', 'pdf', '--out', join(d, 'x.pdf'), '--font', fifo],
      ['validate', fifo],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      noStack(r.stderr);
    }
  });

  it('--font /dev/zero, a folder, an empty or a text file is exit 2 with a reason', () => {
    const d = tmp();
    writeFileSync(join(d, 'empty.ttf'), '');
    writeFileSync(join(d, 'text.ttf'), 'not a font');
    for (const [font, says] of [
      ['/dev/zero', 'not a regular file'],
      [d, 'not a regular file'],
      [join(d, 'empty.ttf'), 'not a TrueType'],
      [join(d, 'text.ttf'), 'not a TrueType'],
    ] as const) {
      const r = cli(['score', FIVE, '--format', 'pdf', '--out', join(d, 'x.pdf'), '--font', font]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
    }
  });
});

describe('git revisions', () => {
  const repo = () => {
    const d = tmp();
    cpSync(join(ROOT, 'examples/five-star'), d, { recursive: true });
    const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...a], { cwd: d });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'x');
    return d;
  };
  it('a revision that looks like an option is refused before git runs; empty and unknown ones are exit 2', () => {
    const d = repo();
    const r = cli(['score', join(d, 'company.yaml'), '--baseline', '--output=pwned.txt']);
    expect(r.code).toBe(2);
    expect(existsSync(join(d, 'pwned.txt'))).toBe(false);
    expect(cli(['score', join(d, 'company.yaml'), '--baseline', '']).code).toBe(2);
    const u = cli(['score', join(d, 'company.yaml'), '--baseline', 'no-such-rev']);
    expect(u.code).toBe(2);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli(['score', join(d, 'company.yaml'), '--baseline', 'HEAD', '--format', 'json']).code).toBe(0);
  });
});

describe('JSON reports given to --baseline and diff are checked against the report schema', () => {
  it('a report missing fields is exit 2 naming what is missing', () => {
    const f = join(tmp(), 'b.json');
    writeFileSync(f, JSON.stringify({ schemaVersion: 1, sections: [], score: { final: 3 } }));
    for (const args of [
      ['score', FIVE, '--baseline', f],
      ['diff', f, FIVE],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("must have required property 'tool'");
    }
  });
});

describe('files cited from the evidence file stay inside the root', () => {
  it('a column mapping outside the root is not read and its content not echoed', () => {
    const d = tmp();
    cpSync(join(ROOT, 'examples/with-data'), join(d, 'repo'), { recursive: true });
    writeFileSync(join(d, 'secret.yaml'), 'columns: SECRET-CONTENT\n');
    const file = join(d, 'repo', 'company.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('datasets:\n', 'datasets:\n  mapping: ../secret.yaml\n'));
    const r = cli(['score', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the evidence root');
    expect(r.stderr + r.stdout).not.toContain('SECRET-CONTENT');
  });
});

describe('XLSX workbooks are checked before they are expanded', () => {
  const workbook = async (ref: string) => {
    const d = tmp();
    const f = join(d, 's.xlsx');
    await writeXlsxFile([[{ value: '整体满意度' }], [{ value: 5, type: Number }]] as never).toFile(f);
    const parts = unzipSync(readFileSync(f));
    const name = Object.keys(parts).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    parts[name] = strToU8(new TextDecoder().decode(parts[name]).replace(/r="A2"/, `r="${ref}"`));
    writeFileSync(f, zipSync(parts));
    return f;
  };
  for (const ref of ['XFD1048576', 'A999999999', 'ZZZZZZ1']) {
    it(`a cell at ${ref} is exit 2 without allocating the grid`, async () => {
      const r = cli(['survey', await workbook(ref)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/单元格范围异常|not read/);
    });
  }
});

describe('text from files reaches the terminal without control characters', () => {
  it('an escape sequence in a CSV team or a company name is removed', () => {
    const d = tmp();
    writeFileSync(join(d, 's.csv'), '团队,整体满意度\n"\u001b]0;pwned\u0007A组",5\n');
    const s = cli(['survey', join(d, 's.csv'), '--min-group', '1']);
    expect(s.code).toBe(0);
    expect(s.stdout).not.toContain('\u001b');
    expect(s.stdout).toContain('0;pwnedA组');
    const file = copyFive();
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 华东示例电器有限公司', 'name: "华东\\e]0;pwned\\a示例"'));
    const r = cli(['score', file]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('华东]0;pwned示例');
  });
  it('TERM=dumb gets no colour', () => {
    const tty = { isTTY: true, columns: 80 } as unknown as NodeJS.WriteStream;
    expect(detectTerminal(undefined, { TERM: 'dumb' }, tty).color).toBe(false);
    expect(detectTerminal(undefined, { TERM: 'xterm' }, tty).color).toBe(true);
  });
});

describe('broken or huge evidence files are refused quickly with a capped list of errors', () => {
  const head = 'schemaVersion: 1\ncompany: { name: X }\nassessment: { date: 2026-11-01 }\n';
  const write = (text: string) => {
    const f = join(tmp(), 'c.yaml');
    writeFileSync(f, text);
    return f;
  };
  it('500 000 stray `]`: the first 100 errors, then one line', () => {
    const r = cli(['validate', write(head + ']'.repeat(500000) + '\n'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/error:/g)!.length).toBe(101);
    expect(r.stderr).toContain('too many errors; only the first 100 are listed');
  });
  it.each([
    ['5 000 empty evidence items', head + 'criteria:\n  5.1.1.1:\n    status: met\n    evidence:\n' + '      - {}\n'.repeat(5000)],
    ['20 000 special deductions', head + 'specialDeductions:\n' + '  - { clause: "5.1", reason: r }\n'.repeat(20000)],
    ['30 000 flat keys', head + Array.from({ length: 30000 }, (_, i) => `k${i}: v\n`).join('')],
    [
      '20 000 anchors',
      head +
        'x:\n' +
        Array.from({ length: 1500 }, (_, i) => `  - &a${i} v\n`).join('') +
        'y: [' +
        Array.from({ length: 1500 }, (_, i) => `*a${i}`).join(', ') +
        ']\n',
    ],
  ])('%s: exit 2 naming the limit', (_name, text) => {
    const r = cli(['validate', write(text), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 2000 entries|more than 200 anchors and aliases|at most 100 entries/);
  });
  it('1 999 unknown criteria: at most 100 errors are listed', () => {
    const r = cli([
      'validate',
      write(head + 'criteria:\n' + Array.from({ length: 1999 }, (_, i) => `  9.${i}.1.1: { status: met }\n`).join('')),
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/: error:/g)!.length).toBeLessThanOrEqual(101);
  });
  it('a misspelt key inside a criterion or an item gets the keys allowed there, with did-you-mean', () => {
    const r = cli(['validate', write(head + 'criteria:\n  5.1.1.1:\n    stauts: met\n    evidence: [ { file: a.md, titel: x } ]\n'), '--lang', 'en']);
    expect(r.stderr).toContain('unknown property `stauts`');
    expect(r.stderr).toContain('Did you mean `status`?');
    expect(r.stderr).toContain('Did you mean `title`?');
    expect(r.stderr).not.toContain('Allowed here: schemaVersion');
  });
  it('a UTF-16 file is told it is UTF-16', () => {
    const f = join(tmp(), 'c.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(head, 'utf16le')]));
    expect(cli(['validate', f, '--lang', 'en']).stderr).toContain('UTF-16');
  });
});

describe('user mistakes are exit 2, never exit 0 or 3', () => {
  it.each([
    [['init', join(tmpdir(), 'asa-no-such-parent-xyz', 'a', 'b')], 'does not exist'],
    [['init', tmp(), '--date', '2026-02-30'], 'real date'],
    [['score', FIVE, '--top', ''], '--top must be a whole number'],
    [
      [
        'score',
        join(ROOT, 'examples/five-star/company.yaml'),
        join(ROOT, 'examples/three-star/company.yaml'),
        '--format',
        'pdf',
        '--out',
        join(tmpdir(), 'x.pdf'),
      ],
      'one report',
    ],
    [['records', 'test/fixtures/records/tickets.csv', '--as-of', '2026-02-30'], 'real date'],
  ])('%j', (args, says) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
  });
  it('init into a file, or over a dangling symlink, writes nothing', () => {
    const d = tmp();
    writeFileSync(join(d, 'afile'), 'x');
    expect(cli(['init', join(d, 'afile')]).code).toBe(2);
    symlinkSync(join(d, 'nowhere'), join(d, 'company.yaml'));
    expect(cli(['init', d]).code).toBe(2);
    expect(existsSync(join(d, 'nowhere'))).toBe(false);
  });
  it('usage errors are worded in the chosen language (zh-CN by default)', () => {
    const r = run(['score', FIVE, '--top', '']);
    expect(r.stderr.trim()).toBe('aftersales-assess: --top 须是 0 到 9999 的整数，收到 ""');
  });
  it('a huge SOURCE_DATE_EPOCH is exit 2', () => {
    expect(cli(['score', FIVE, '--format', 'pdf', '--out', join(tmp(), 'x.pdf')], { SOURCE_DATE_EPOCH: '99999999999999999999' }).code).toBe(2);
  });
  it('thousands of unknown criteria in mustPass are exit 2', () => {
    const f = join(tmp(), 't.yaml');
    writeFileSync(f, `mustPass: [${Array.from({ length: 1500 }, (_, i) => `"9.${i}.1.1"`).join(', ')}]\n`);
    const r = cli(['score', FIVE, '--thresholds', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/error:/g)!.length).toBeLessThanOrEqual(101);
  });
});

describe('records on absurd dates', () => {
  it('years 1000 and 9999 are row errors, counted at once', () => {
    const d = tmp();
    writeFileSync(join(d, 't.csv'), '工单号,类型,受理时间,完成时间\nA,投诉,1000-01-01 09:00,9999-12-31 09:00\nB,投诉,2026-01-05 09:00,2026-01-09 09:00\n');
    const j = JSON.parse(cli(['records', join(d, 't.csv'), '--as-of', '2026-11-01', '--format', 'json']).stdout);
    expect(j.valid).toBe(1);
    expect(j.invalid.items.map((p: { code: string }) => p.code)).toEqual(['date-implausible', 'date-implausible']);
  });
});

describe('personal data', () => {
  it('a phone number typed into a team or order column is masked like free text', () => {
    const d = tmp();
    writeFileSync(join(d, 's.csv'), '服务单号,团队,整体满意度\n138-1234-5678,138 1234 5678,5\n');
    const r = cli(['survey', join(d, 's.csv'), '--min-group', '1', '--format', 'json']);
    expect(r.stdout).not.toMatch(/1234.?5678/);
    expect(r.stdout).toContain('[phone]');
  });
});

describe('statSync guard', () => {
  it('a folder given as the evidence file is exit 2', () => {
    const d = tmp();
    mkdirSync(join(d, 'x.yaml'));
    expect(statSync(join(d, 'x.yaml')).isDirectory()).toBe(true);
    expect(cli(['validate', join(d, 'x.yaml')]).code).toBe(2);
  });
});

describe('evidence from standard input and pipes', () => {
  const feed = (args: string[], input: string | Buffer, cwd = ROOT) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const three = readFileSync(join(ROOT, 'examples/three-star/company.yaml'));

  it('score - reads the evidence from stdin and looks up cited files from the working directory', () => {
    const r = feed(['score', '-', '--format', 'json'], three, join(ROOT, 'examples/three-star'));
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    // The same score as the file itself: its cited documents were found beside it (81.4, the README's figure).
    expect(report.score.final).toBe(81.4);
    expect(report.evidenceFile).toEqual({ path: '-', sha256: createHash('sha256').update(three).digest('hex') });
  });

  it('/dev/stdin and a pipe path (bash <(…)) are read the same way', () => {
    const viaDev = feed(['score', '/dev/stdin', '--format', 'json'], three, join(ROOT, 'examples/three-star'));
    expect(viaDev.status, viaDev.stderr).toBe(0);
    expect(JSON.parse(viaDev.stdout).score.final).toBe(81.4);
    const bash = spawnSync('bash', ['-c', `node ${join(ROOT, 'bin/aftersales-assess.cjs')} score <(cat company.yaml) --format json`], {
      cwd: join(ROOT, 'examples/three-star'),
      encoding: 'utf8',
    });
    expect(bash.status, bash.stderr).toBe(0);
    expect(JSON.parse(bash.stdout).score.final).toBe(81.4);
  });

  it('validate - checks the evidence and its cited files from the working directory, naming <stdin> in errors', () => {
    const ok = feed(['validate', '-', '--lang', 'en'], three, join(ROOT, 'examples/three-star'));
    // three-star cites docs/public-docs-index.md, which is not in its folder (the example's missing file).
    expect(ok.status).toBe(2);
    expect(ok.stderr).toMatch(/^<stdin>:\d+:\d+: error: the cited file docs\/public-docs-index\.md does not exist/m);
    const five = feed(['validate', '-', '--lang', 'en'], readFileSync(join(ROOT, 'examples/five-star/company.yaml')), join(ROOT, 'examples/five-star'));
    expect(five.status, five.stderr).toBe(0);
    expect(five.stdout).toBe('<stdin>: valid\n');
    const broken = feed(['validate', '-', '--lang', 'en'], 'schemaVersion: 1\ncompany: [\n');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^<stdin>:3:1: error:/m);
  });

  it('diff takes a JSON report or an evidence file from a pipe', () => {
    const base = join(mkdtempSync(join(tmpdir(), 'asa-diff-')), 'base.json');
    expect(cli(['score', 'examples/three-star/company.yaml', '--format', 'json', '--out', base]).code).toBe(0);
    const head = cli(['score', 'examples/three-star/company.yaml', '--format', 'json', '--as-of', '2027-03-01']).stdout;
    const fromJson = feed(['diff', base, '-', '--format', 'json'], head);
    expect(fromJson.status, fromJson.stderr).toBe(0);
    expect(JSON.parse(fromJson.stdout).base.final).toBe(81.4);
    const fromYaml = feed(['diff', base, '-', '--format', 'json'], three, join(ROOT, 'examples/three-star'));
    expect(fromYaml.status, fromYaml.stderr).toBe(0);
    // The same evidence scored again: nothing changed.
    expect(JSON.parse(fromYaml.stdout).scoreDelta).toBe(0);
    const notReport = feed(['diff', base, '-', '--lang', 'en'], '{"schemaVersion": 1, "tool": {}}');
    expect(notReport.status).toBe(2);
    expect(notReport.stderr).toContain('<stdin> is not an aftersales-assess JSON report');
  });

  it('refuses an oversized stream, a named pipe nobody writes to ends at once, and stdin is one file only', () => {
    const big = feed(['score', '-', '--lang', 'en'], Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect(big.status).toBe(2);
    expect(big.stderr).toContain('more than 1048576 bytes');
    const dir = mkdtempSync(join(tmpdir(), 'asa-fifo-'));
    const fifo = join(dir, 'p');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/aftersales-assess.cjs'), 'score', fifo], { encoding: 'utf8', timeout: 180_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    const both = feed(['score', '-', 'examples/five-star/company.yaml', '--lang', 'en'], three);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('only be the one evidence file');
  });
});
