// The same clause shows the same figure in the terminal, Markdown, HTML and PDF reports.
// Hand-worked from examples/three-star/company.yaml: section 5.2 earns 5.2.1 3 + 5.2.2 6 + 5.2.4 10 + 5.2.5 7 = 26
// of 29 applicable (5.2.3 and 5.2.6 excluded: 35 − 4 − 2), shown "26.0"; clause 5.3.1 earns 9.5 of 15, "9.5".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const FILE = 'examples/three-star/company.yaml';

describe('one precision for points across formats', () => {
  it('terminal, Markdown, HTML and PDF print 26.0 for section 5.2 and 9.5 for clause 5.3.1', { timeout: 120_000 }, () => {
    const terminal = cli(['score', FILE, '--no-color']).stdout;
    const markdown = cli(['score', FILE, '--format', 'markdown']).stdout;
    const dir = mkdtempSync(join(tmpdir(), 'aa-precision-'));
    cli(['score', FILE, '--format', 'html', '--out', join(dir, 'r.html')]);
    cli(['score', FILE, '--format', 'pdf', '--out', join(dir, 'r.pdf')]);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const pdf = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(terminal).toMatch(/5\.2 商品服务\s.*\s26\.0\/29/);
    expect(markdown).toMatch(/\| 5\.2 商品服务 \| 35 \| 6 \| 26\.0 \|/);
    expect(html).toContain('26.0 / 29');
    expect(pdf).toContain('26.0 / 29');
    for (const text of [terminal, markdown, html, pdf]) expect(text).toMatch(/9\.5/);
    // Nowhere a two-decimal clause figure such as "26.00" or "9.50".
    for (const text of [terminal, markdown, pdf]) expect(text).not.toMatch(/\b(26\.00|9\.50)\b/);
  });
});
