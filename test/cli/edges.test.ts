// One test per edge of issue 19; each reproduced the defect before it was fixed.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli as run } from './run.js';

/** These tests read the English wording. */
const cli = (args: string[], env: Record<string, string | undefined> = {}) => run([...args, '--lang', 'en'], env);

const THREE = join(ROOT, 'examples/three-star/company.yaml');
const REGULAR = join(ROOT, 'fonts/NotoSansSC-Regular.ttf');
const BOLD = join(ROOT, 'fonts/NotoSansSC-Bold.ttf');
const tmp = () => mkdtempSync(join(tmpdir(), 'asa-edges-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A TrueType collection of whole fonts: the TTC header, then each font with its table offsets moved past what precedes it. */
function collection(fonts: Buffer[]): Buffer {
  const head = Buffer.alloc(12 + 4 * fonts.length);
  head.write('ttcf', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(fonts.length, 8);
  const parts = [head];
  let at = head.length;
  fonts.forEach((font, i) => {
    head.writeUInt32BE(at, 12 + 4 * i);
    const f = Buffer.from(font);
    for (let t = 0; t < f.readUInt16BE(4); t++) f.writeUInt32BE(f.readUInt32BE(12 + 16 * t + 8) + at, 12 + 16 * t + 8);
    parts.push(f);
    at += f.length;
  });
  return Buffer.concat(parts);
}

describe('PDF fonts', () => {
  const pdf = (d: string, ...font: string[]) => cli(['score', THREE, '--format', 'pdf', '--out', join(d, 'x.pdf'), ...font]);

  it('a collection without a face (or with a face it lacks) lists its faces and how to choose one', () => {
    const d = tmp();
    const ttc = join(d, 'both.ttc');
    writeFileSync(ttc, collection([readFileSync(REGULAR), readFileSync(BOLD)]));
    for (const spec of [ttc, `${ttc}#Nope`]) {
      const r = pdf(d, '--font', spec);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${ttc} is a font collection (.ttc)`);
      expect(r.stderr).toContain(`use ${ttc}#PostScriptName, one of NotoSansSC-Regular, NotoSansSC-Bold`);
      expect(r.stderr).not.toContain('createSubset');
      noStack(r.stderr);
    }
    const r = pdf(d, '--font', `${ttc}#NotoSansSC-Regular`, '--font-bold', `${ttc}#NotoSansSC-Bold`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('a truncated or damaged font is "font unusable", naming the file, for --font and --font-bold', () => {
    const d = tmp();
    const bytes = readFileSync(REGULAR);
    const damaged = Buffer.from(bytes);
    damaged.fill(0, 200, 1200); // inside the table directory
    const fonts = {
      'cut-1mb.ttf': bytes.subarray(0, 1024 * 1024),
      'cut-3mb.ttf': bytes.subarray(0, 3 * 1024 * 1024),
      'zeroed.ttf': damaged,
    };
    for (const [name, b] of Object.entries(fonts)) {
      const file = join(d, name);
      writeFileSync(file, b);
      for (const args of [
        ['--font', file],
        ['--font', REGULAR, '--font-bold', file],
      ]) {
        const r = pdf(d, ...args);
        expect(r.code, `${name} ${args.join(' ')}`).toBe(2);
        expect(r.stderr).toContain(`font unusable: the PDF font ${file}`);
        expect(r.stderr).not.toContain('DataView');
        expect(r.stderr).not.toContain('internal error');
        noStack(r.stderr);
      }
    }
  }, 120_000);
});

describe('init', () => {
  it('refuses a blank company name or one with control characters, writing nothing; validate accepts what it writes', () => {
    for (const [name, says] of [
      ['', '--company needs the company\'s registered name, got ""'],
      ['  \u3000 ', "--company needs the company's registered name"],
      ['ACME\nLtd', '--company must not contain control characters'],
      ['ACME\u0007', '--company must not contain control characters'],
      ['\u202eDTL EMCA', 'got "\\u202eDTL EMCA"'],
    ] as const) {
      const dir = join(tmp(), 'co');
      const r = cli(['init', dir, '--company', name]);
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain('nothing was written');
      expect(existsSync(dir)).toBe(false);
    }
    const dir = join(tmp(), 'co');
    expect(cli(['init', dir, '--company', '  ACME 有限公司 ']).code).toBe(0);
    expect(readFileSync(join(dir, 'company.yaml'), 'utf8')).toContain('name: ACME 有限公司\n');
    const v = cli(['validate', join(dir, 'company.yaml')]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });
});
