// Issue 20: one reading of the report. For every example and both languages, every human format gives the
// same actions in the same order as the JSON: special deductions first, then each gap's `step`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF } from '../../src/messages/pdf.js';
import type { Lang } from '../../src/model/localized.js';
import { cli } from './run.js';

const EXAMPLES = ['five-star', 'three-star', 'failing', 'with-data'] as const;
const LANGS: Lang[] = ['zh-CN', 'en'];

/** Whitespace removed: a format may wrap a line anywhere, it may not change the words. */
const flat = (s: string) => s.replace(/\s+/g, '');
const htmlText = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Each expected text found after the previous one: the same items in the same order. */
function expectInOrder(where: string, text: string, items: readonly string[]): void {
  const hay = flat(text);
  let at = 0;
  for (const [i, item] of items.entries()) {
    const found = hay.indexOf(flat(item), at);
    expect(found, `${where}: action ${i + 1} "${item.slice(0, 60)}" not found after action ${i}`).toBeGreaterThanOrEqual(0);
    at = found + flat(item).length;
  }
}

interface JsonReport {
  gaps: Array<{ criterion: string; step: Record<Lang, string> }>;
  findings: Array<{ code: string }>;
  method: { failWhenSpecialDeductionsAtLeast: number };
}

/** What the JSON says to do, in order: one line per special deduction (worded once, in the catalogue), then the gaps' steps. */
function jsonActions(example: string, lang: Lang): { all: string[]; gaps: JsonReport['gaps'] } {
  const r = cli(['score', `examples/${example}/company.yaml`, '--format', 'json', '--lang', lang]);
  const json = JSON.parse(r.stdout) as JsonReport;
  const deduction = PDF.deductionAction[lang].replace('{failAt}', String(json.method.failWhenSpecialDeductionsAtLeast));
  const deductions = json.findings.filter((f) => f.code === 'special-deduction').map(() => deduction);
  return { all: [...deductions, ...json.gaps.map((g) => g.step[lang])], gaps: json.gaps };
}

describe('every format gives the JSON’s actions in the JSON’s order', () => {
  for (const example of EXAMPLES) {
    for (const lang of LANGS) {
      it(`${example}, ${lang}`, () => {
        const { all, gaps } = jsonActions(example, lang);
        const file = `examples/${example}/company.yaml`;
        if (example === 'failing') expect(all.slice(0, 2)).toEqual([all[0], all[0]]); // two special deductions lead
        if (example !== 'five-star') expect(gaps.length).toBeGreaterThan(0);

        const terminal = cli(['score', file, '--lang', lang, '--top', '999'], { COLUMNS: '100' }).stdout;
        expectInOrder('terminal', terminal, all);
        const label = lang === 'zh-CN' ? '措施：' : 'Action:';
        expect(terminal.split(label).length - 1).toBe(all.length);

        const markdown = cli(['score', file, '--lang', lang, '--top', '999', '--format', 'markdown']).stdout;
        expectInOrder('markdown', markdown.replace(/\\\|/g, '|'), all);

        const html = cli(['score', file, '--lang', lang, '--format', 'html']).stdout;
        const part = html.split('<div data-l="en" lang="en">')[lang === 'zh-CN' ? 0 : 1]!;
        const p = lang === 'zh-CN' ? 'zh' : 'en';
        const section = (id: string) => htmlText(part.split(`<section aria-labelledby="${p}-${id}"`)[1]!.split(`<section aria-labelledby=`)[0]!);
        expectInOrder('HTML summary', section('summary'), all.slice(0, 5));
        expectInOrder('HTML plan', section('plan'), all);
        // The criterion detail repeats each gap's action (in clause order, which is not the plan's order).
        for (const g of gaps) expectInOrder(`HTML detail ${g.criterion}`, section('detail'), [g.step[lang]]);

        const dir = mkdtempSync(join(tmpdir(), 'asa-reading-'));
        const pdf = join(dir, 'r.pdf');
        expect(cli(['score', file, '--lang', lang, '--format', 'pdf', '--out', pdf]).code).toBeLessThan(2);
        const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
        // A chapter runs from its numbered heading ("四、改进行动计划", "4. Action plan"; not a "（续）" page's) to the next one's.
        const heading = (title: string) => text.search(new RegExp(`^\\f?\\S{1,3}[、.] ?${title}$`, 'm'));
        const chapter = (from: string, to: string) => text.slice(heading(from), heading(to));
        expectInOrder('PDF summary', chapter(PDF.summaryChapter[lang], PDF.overview[lang]), all.slice(0, 5));
        expectInOrder('PDF action plan', chapter(PDF.plan[lang], PDF.evidenceIndex[lang]), all);
        const detail = chapter(PDF.detail[lang], PDF.plan[lang]);
        for (const g of gaps) expectInOrder(`PDF clause page ${g.criterion}`, detail, [g.step[lang]]);
      });
    }
  }
});

describe('one overview: the standard’s points and the excluded ones apart', () => {
  it('a clause that does not apply shows its points, all excluded, nothing earned — in the terminal, Markdown and the PDF', () => {
    // three-star excludes 5.2.3 配送 (4 points) and 5.2.6 回收 (2 points): 5.2 keeps its 35 points, 6 excluded.
    const terminal = cli(['score', 'examples/three-star/company.yaml', '--lang', 'en']).stdout;
    expect(terminal).toMatch(/│ 5\.2\.3\s+│ Delivery and installation\s+│\s+4 │\s+4 │\s+— │\s+— │/);
    const md = cli(['score', 'examples/three-star/company.yaml', '--lang', 'en', '--format', 'markdown']).stdout;
    expect(md).toContain('| 5.2 Product services | 35 | 6 | 26.0 | 89.7% |');
    expect(md).toContain('| 5.2.3 | Delivery and installation | 4 | 4 | — | — |');
    const dir = mkdtempSync(join(tmpdir(), 'asa-overview-'));
    const pdf = join(dir, 'r.pdf');
    cli(['score', 'examples/three-star/company.yaml', '--lang', 'en', '--format', 'pdf', '--out', pdf]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/5\.2\s+Product services\s+35\s+6\s+26\.0\s/);
    expect(text).toMatch(/5\.2\.3\s+Delivery and installation\s+4\s+4\s+—/);
  });
});

describe('what bears on the decision is in every human format, not only the JSON', () => {
  it('the one-year caveat on stars and the owner placeholder of an unassigned plan row', () => {
    for (const lang of LANGS) {
      const file = 'examples/three-star/company.yaml';
      const json = JSON.parse(cli(['score', file, '--format', 'json', '--lang', lang]).stdout) as {
        findings: Array<{ code: string; message: string }>;
        gaps: Array<{ owner: string | null }>;
      };
      const caveat = json.findings.find((f) => f.code === 'stars-need-one-year')!.message;
      expect(caveat.length).toBeGreaterThan(10);
      expect(flat(cli(['score', file, '--lang', lang]).stdout)).toContain(flat(caveat));
      expect(flat(cli(['score', file, '--lang', lang, '--format', 'markdown']).stdout)).toContain(flat(caveat));
      expect(flat(htmlText(cli(['score', file, '--lang', lang, '--format', 'html']).stdout))).toContain(flat(caveat));
      const dir = mkdtempSync(join(tmpdir(), 'asa-caveat-'));
      cli(['score', file, '--lang', lang, '--format', 'pdf', '--out', join(dir, 'r.pdf')]);
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(flat(text)).toContain(flat(caveat));
      // Five of the six three-star gaps have no owner in the evidence file: each plan row says so.
      const unassigned = json.gaps.filter((g) => g.owner === null).length;
      expect(unassigned).toBe(5);
      const placeholder = lang === 'zh-CN' ? '负责人：待定' : 'Owner: to be assigned';
      expect(flat(text).split(flat(placeholder)).length - 1).toBe(unassigned);
    }
  });
});

describe('warnings are listed wherever the report is read', () => {
  it('with-data: Markdown lists each of the JSON’s warnings, as the terminal does', () => {
    const file = 'examples/with-data/company.yaml';
    const json = JSON.parse(cli(['score', file, '--format', 'json', '--lang', 'en']).stdout) as { counts: { warnings: number } };
    expect(json.counts.warnings).toBe(5);
    const md = cli(['score', file, '--format', 'markdown', '--lang', 'en']).stdout;
    const section = md.split('### Warnings')[1]!.split('\n\n')[1]!;
    expect(section.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(5);
    const terminal = cli(['score', file, '--lang', 'en'], { COLUMNS: '400' }).stdout;
    for (const line of section.split('\n').filter((l) => l.startsWith('- '))) expect(terminal).toContain(line.slice(2).replace(/\\\|/g, '|'));
  });
});

describe('Chinese typesetting in every example (issue 21)', () => {
  it('labels take a full-width colon, and no PDF line starts with closing punctuation', () => {
    for (const example of EXAMPLES) {
      const file = `examples/${example}/company.yaml`;
      const dir = mkdtempSync(join(tmpdir(), 'asa-type-'));
      cli(['score', file, '--format', 'pdf', '--out', join(dir, 'r.pdf')]);
      const pdf = execFileSync('pdftotext', ['-raw', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      const texts = {
        terminal: cli(['score', file]).stdout,
        markdown: cli(['score', file, '--format', 'markdown']).stdout,
        html: htmlText(cli(['score', file, '--format', 'html']).stdout.split('<div data-l="en" lang="en">')[0]!),
        pdf,
      };
      for (const [format, text] of Object.entries(texts))
        expect([example, format, text.match(/[\p{Script=Han}）]: /u)?.[0] ?? null]).toEqual([example, format, null]);
      expect([example, pdf.match(/^[），。：；].*/mu)?.[0] ?? null]).toEqual([example, null]);
    }
    // Sixteen runs of the CLI (four formats of four examples): minutes on a loaded two-core machine.
  }, 120_000);
});

describe('the plan’s running score once 100 is reached', () => {
  it('with-data: the +1 bonus caps the score before the last gaps close; those rows say so instead of repeating 100.0', () => {
    // with-data: 95.69 normalized + 1 bonus; the gaps add 4.31 in all, so the running score passes 100 on the way.
    const json = JSON.parse(cli(['score', 'examples/with-data/company.yaml', '--format', 'json']).stdout) as {
      score: { final: number };
      gaps: Array<{ recoverable: number }>;
    };
    let running = json.score.final;
    const capped = json.gaps.filter((g) => {
      running += g.recoverable;
      return Math.round(running * 10) / 10 > 100;
    }).length;
    expect(capped).toBeGreaterThan(0);
    const html = cli(['score', 'examples/with-data/company.yaml', '--format', 'html']).stdout.split('<div data-l="en" lang="en">')[0]!;
    const plan = html.split('<section aria-labelledby="zh-plan"')[1]!.split('<section aria-labelledby=')[0]!;
    expect(plan.split('100（已封顶）').length - 1).toBe(capped);
  });
});

describe('the terminal repeats the score and level at the end (a 24-line terminal shows only the tail)', () => {
  it('every example: the line before the self-assessment note gives the JSON’s final score and level', () => {
    for (const example of EXAMPLES) {
      const file = `examples/${example}/company.yaml`;
      const json = JSON.parse(cli(['score', file, '--format', 'json', '--lang', 'en']).stdout) as { score: { final: number }; level: { name: { en: string } } };
      const lines = cli(['score', file, '--lang', 'en']).stdout.trimEnd().split('\n');
      expect(lines.at(-2)).toBe(`Score: ${json.score.final.toFixed(1)} / 100    Level: ${json.level.name.en}`);
    }
  });
});
