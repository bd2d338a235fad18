// Issue 19: a phone number typed on a Chinese input method (full-width digits, －, ＋８６, U+3000) was
// printed unmasked by the survey reports.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/datasets/themes.js';
import { cli } from '../cli/run.js';

describe('maskPersonalData on full-width text', () => {
  it.each([
    ['请回电１３８１２３４５６７８，谢谢', '请回电[phone]，谢谢'],
    ['＋８６　１３８－１２３４－５６７８。', '[phone]。'],
    ['１３８　１２３４　５６７８', '[phone]'],
    ['座机０２１－１２３４５６７８', '座机[phone]'],
    ['138—1234—5678', '[phone]'],
    ['邮箱 用户＠例子．中国，谢谢', '邮箱 [email]，谢谢'],
    ['x.y@z.cn,ok', '[email],ok'],
    ['订单２０２６０１０１', '订单２０２６０１０１'],
    // The country code written straight before the number (red team of issue 19).
    ['一组＋８６１３８１２３４５６７８', '一组[phone]'],
    ['＋86１３８１２３４５６７８', '[phone]'],
    ['+8613812345678', '[phone]'],
    ['8613812345678', '[phone]'],
    ['008613812345678', '[phone]'],
    ['(021)62345678', '[phone]'],
    ['（０２１）６２３４５６７８', '[phone]'],
    ['a@b@c.cn', 'a@[email]'],
    ['@x.cn 与 y@.cn', '@x.cn 与 y@.cn'],
  ])('%s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('a 200 000-character cell with one @ at its end is read in one pass (the old pattern took minutes)', () => {
    // No clock here: a quadratic scan of this cell overruns the test's own timeout many times over.
    expect(maskPersonalData(`${'x'.repeat(200_000)}@`)).toHaveLength(200_001);
    expect(maskPersonalData(`${'x'.repeat(200_000)}@a.cn`)).toBe('[email]');
  });
});

describe('survey reports', () => {
  const FULL = '１３８１２３４５６７８';
  const header = '服务单号,团队,总体满意度,建议';
  const rows = [`S1,华东一组,2,收费有点贵 请回电${FULL}`, 'S2,华东一组,5,', 'S3,华东一组,4,'];
  const leaks = (s: string) => expect(s).not.toMatch(/[１1]\s*[３3][８8]\s*[１1][２2][３3][４4]/);

  it('masks the number in JSON and terminal output, from CSV and XLSX, now and in an earlier period', async () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-personal-'));
    writeFileSync(join(d, 'now.csv'), [header, ...rows].join('\n') + '\n');
    writeFileSync(join(d, 'before.csv'), [header, ...rows].join('\n') + '\n');
    const cells = [header.split(','), ...rows.map((r) => r.split(','))].map((r) => r.map((value) => ({ value })));
    await writeXlsxFile(cells as never).toFile(join(d, 'now.xlsx'));
    for (const file of ['now.csv', 'now.xlsx'])
      for (const format of ['json', 'terminal']) {
        const r = cli(['survey', join(d, file), join(d, 'before.csv'), '--min-group', '1', '--format', format, '--lang', 'en']);
        expect(r.code).toBe(0);
        leaks(r.stdout + r.stderr);
        expect(r.stdout).toContain('[phone]');
      }
  });
});
