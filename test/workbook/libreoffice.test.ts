// A real spreadsheet program: LibreOffice opens the workbook headless, saves it as its own XLSX, and what it
// saved is read back as the same evidence (drop-down and protection kept). A file LibreOffice had to repair
// or could not open would not convert.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from '../cli/run.js';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

function withoutSource(json: string): unknown {
  const r = JSON.parse(json) as Record<string, unknown>;
  delete r.evidenceFile;
  return JSON.parse(JSON.stringify(r, (k, v) => (['line', 'column', 'endLine', 'endColumn', 'cell'].includes(k) ? undefined : v)));
}

describe('LibreOffice Calc', () => {
  it('opens the workbook, saves it, and the saved file scores as the YAML does', async () => {
    if (!existsSync(SOFFICE)) throw new Error(`no LibreOffice at ${SOFFICE}: apt-get install libreoffice-calc (.ci/run does), or set SOFFICE_PATH`);
    const d = join(mkdtempSync(join(tmpdir(), 'asa-lo-')), 'failing');
    cpSync(join(ROOT, 'examples/failing'), d, { recursive: true });
    expect(cli(['convert', join(d, 'company.yaml'), '--to', 'xlsx']).code).toBe(0);
    const out = join(d, 'lo');
    mkdirSync(out);
    // A profile of its own: no first-start dialogs, no clash with another LibreOffice running.
    const r = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${join(d, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, join(d, 'company.xlsx')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const saved = join(d, 'saved.xlsx');
    cpSync(join(out, 'company.xlsx'), saved);
    const fromYaml = cli(['score', join(d, 'company.yaml'), '--format', 'json']);
    const fromSaved = cli(['score', saved, '--format', 'json']);
    expect(fromSaved.stderr).toBe(fromYaml.stderr);
    expect(withoutSource(fromSaved.stdout)).toEqual(withoutSource(fromYaml.stdout));
    // README: the failing example scores 66.4.
    expect(JSON.parse(fromSaved.stdout).score.final).toBe(66.4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('评价项')!;
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    // Protection survives; frozen panes do not survive a headless conversion (LibreOffice keeps views only
    // with a window), so they are checked on our own file (workbook.test.ts).
    const sheetXml = strFromU8(unzipSync(readFileSync(saved))['xl/worksheets/sheet3.xml']!);
    expect(sheetXml).toMatch(/<sheetProtection\b[^>]*sheet="(1|true)"/);
  }, 180_000);
});
