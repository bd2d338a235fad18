import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportFileNames } from '../../src/cli/commands/score.js';
import { renderHtml } from '../../src/render/html/renderHtml.js';
import { ROOT, allMet, score } from '../helpers.js';
import { cli } from './run.js';

// What the HTML report promises without a browser: bytes, size, what it refuses to contain. The browser
// behaviour is in test/browser/html.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'asa-html-cli-'));
const EXAMPLES = ['five-star', 'three-star', 'failing', 'with-data'];

describe('score --format html', () => {
  it('writes the same bytes for the same input, within 300 KB for every example', () => {
    for (const e of EXAMPLES) {
      const a = join(dir, `${e}-a.html`);
      const b = join(dir, `${e}-b.html`);
      for (const out of [a, b]) {
        const r = cli(['score', `examples/${e}/company.yaml`, '--format', 'html', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(readFileSync(a).equals(readFileSync(b)), e).toBe(true);
      expect(statSync(a).size, e).toBeLessThanOrEqual(300 * 1024);
    }
  });

  it('allows only its own script: the policy hashes exactly the inline script, and nothing can be fetched', () => {
    const page = readFileSync(join(dir, 'three-star-a.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(page.match(/<script/g)).toHaveLength(1);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
    // No address outside the page: no fonts, stylesheets or scripts from anywhere.
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\/(?!example\.com)/);
    expect(page).not.toMatch(/@import|url\(http/);
  });

  it('holds both languages, the report’s own first', () => {
    const zh = readFileSync(join(dir, 'three-star-a.html'), 'utf8');
    expect(zh).toMatch(/^<!doctype html>\n<html lang="zh-CN" data-ui="zh-CN"/);
    expect(zh).toContain('一、执行摘要');
    expect(zh).toContain('1. Executive summary');
    const r = cli(['score', 'examples/three-star/company.yaml', '--format', 'html', '--lang', 'en']);
    expect(r.stdout).toMatch(/<html lang="en" data-ui="en"/);
  });

  it('never shows personal data from the survey (names, phone numbers, free-text suggestions)', () => {
    const page = readFileSync(join(dir, 'with-data-a.html'), 'utf8');
    const rows = parse(readFileSync(join(ROOT, 'examples/with-data/data/survey-2026Q3.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(page).not.toContain(row['联系电话']);
      expect(page).not.toContain(`>${row['客户']}<`);
      if ((row['建议'] ?? '').length > 6) expect(page).not.toContain(row['建议']);
    }
    expect(page).toContain('满意度调查');
  });

  it('links only web addresses and files that exist, never a javascript: URL', () => {
    const report = score({
      ...allMet(),
      criteria: { ...allMet().criteria, '5.1.1.1': { status: 'met', evidence: [{ url: 'javascript:alert(1)' }, { url: 'https://example.com/a?b=1&c=2' }] } },
    });
    const page = renderHtml(report, { hrefFor: () => null });
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('javascript:alert(1)');
    expect(page).toContain('href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer"');
  });

  it('names the --out-dir files after the evidence paths, never two alike', () => {
    expect(reportFileNames(['clients/acme/company.yaml', 'clients/acme-company.yml', '../x/华东 电器.yaml', 'clients/ACME/company.yaml'])).toEqual([
      'clients-acme-company.html',
      'clients-acme-company-2.html',
      'x-华东-电器.html',
      'clients-ACME-company-3.html',
    ]);
    // The portfolio's own file in the same folder is never given to a company.
    expect(reportFileNames(['index.yaml', 'a/index.yml'], ['index.html'])).toEqual(['index-2.html', 'a-index.html']);
  });

  it('refuses to embed more than 100 companies in one page, pointing at --out-dir, before assessing any', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-many-'));
    for (let i = 0; i < 101; i++) writeFileSync(join(d, `c${i}.yaml`), 'schemaVersion: 1\n');
    const r = cli(['score', d, '--format', 'html', '--out', join(d, 'p.html'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('101 companies');
    expect(r.stderr).toContain('--out-dir DIR');
    // Nothing was assessed: the (invalid) evidence files would each have been reported.
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses --out-dir outside an HTML batch, and an --out-dir that is a file', () => {
    const one = cli(['score', 'examples/three-star/company.yaml', '--format', 'html', '--out-dir', dir]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--out-dir');
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = cli(['score', 'examples/*/company.yaml', '--format', 'html', '--out-dir', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out-dir ${file} is not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
