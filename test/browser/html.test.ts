import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { ROOT } from '../helpers.js';
import { cli } from '../cli/run.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download;
 * .ci/run installs the package). Screenshots and the browser's printout are kept in test-artifacts/html/
 * for a person to look at; nothing is compared pixel by pixel.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts/html');
// The flags this machine needs: no sandbox as root, and no background connections (refused here).
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'asa-html-'));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

/** A page that records what a reader would never see: console errors, script errors, requests, dialogs. */
async function open(url: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests, close: () => context.close() };
}

function scoreJson(file: string): Report {
  const r = cli(['score', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Lowest contrast ratio (WCAG 2) of any visible text against the first opaque background behind it. */
async function lowestContrast(page: Page): Promise<{ ratio: number; text: string; fg: string; bg: string }> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.99)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    let worst = { ratio: 99, text: '', fg: '', bg: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('svg, script, style')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const fg = parse(getComputedStyle(el).color).slice(0, 3);
      const bg = background(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: n.textContent.trim().slice(0, 40), fg: fg.join(','), bg: bg.join(',') };
    }
    return worst;
  });
}

describe('the HTML report in Chromium', () => {
  // Written beside the evidence, as a consultant would: the links to cited files must open them.
  const dir = join(work, 'three-star');
  cpSync(join(ROOT, 'examples/three-star'), dir, { recursive: true });
  const htmlFile = join(dir, 'report.html');
  let report: Report;

  beforeAll(() => {
    const r = cli(['score', join(dir, 'company.yaml'), '--format', 'html', '--out', htmlFile]);
    expect(r.code, r.stderr).toBe(0);
    report = scoreJson(join(dir, 'company.yaml'));
  });

  it('shows the score, the level and the 15 clauses, fetching nothing and logging no error', async () => {
    const { page, problems, requests, close } = await open(pathToFileURL(htmlFile).href);
    // The page opens in the report's language (zh-CN by default): the visible copy is the Chinese one.
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const zh = page.locator('[data-l="zh-CN"]');
    await expect.poll(() => zh.locator('[data-score]').innerText()).toBe(report.score.final.toFixed(1));
    expect(await zh.locator('[data-level]').innerText()).toBe(report.level.name['zh-CN']);
    expect(await page.locator('[data-l="en"] [data-score]').isVisible()).toBe(false);
    // GB/T 27922 has 15 second-level clauses (rubric-source.md): one overview row each, plus one per section.
    expect(await zh.locator('tr[data-overview-clause]').count()).toBe(15);
    expect(await zh.locator('table.overview tr.group').count()).toBe(3);
    expect(await zh.locator('svg.chart').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'report-desktop.png'), fullPage: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-top.png') });
    expect(problems).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(htmlFile).href]));
    await close();
  });

  it('switches language in the page, filters by outcome, searches, and expands clauses from the keyboard', async () => {
    const { page, problems, close } = await open(pathToFileURL(htmlFile).href);
    await page.locator('[data-l="zh-CN"] [data-act="lang"]').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const en = page.locator('[data-l="en"]');
    expect(await en.locator('h2').first().innerText()).toBe('1. Executive summary');
    expect(await en.locator('[data-level]').innerText()).toBe(report.level.name.en);
    expect(await page.title()).toContain(report.company.name);

    // Outcome filter: only the criteria not met remain, and the count says how many of the 34.
    const total = report.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).length;
    const notMet = report.counts['not-met'];
    expect(notMet).toBeGreaterThan(0);
    await en.locator('select[data-filter="outcome"]').selectOption('not-met');
    const visible = en.locator('tr[data-outcome]:visible');
    expect(await visible.count()).toBe(notMet);
    for (const o of await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))) expect(o).toBe('not-met');
    // A section heading stays only where a criterion not met is left under it.
    const sectionsWithNotMet = report.sections.filter((s) => s.clauses.some((cl) => cl.criteria.some((c) => c.outcome === 'not-met'))).length;
    expect(await en.locator('[data-section-block]:visible h3').count()).toBe(sectionsWithNotMet);
    expect(await en.locator('.count').innerText()).toBe(`${notMet} of ${total} criteria shown`);

    // The filter follows the language switch back.
    await page.locator('[data-l="en"] [data-act="lang"]').click();
    const zh = page.locator('[data-l="zh-CN"]');
    expect(await zh.locator('select[data-filter="outcome"]').inputValue()).toBe('not-met');
    expect(await zh.locator('tr[data-outcome]:visible').count()).toBe(notMet);

    // Search by id: one criterion.
    await zh.locator('button[type="reset"]').click();
    await zh.locator('input[data-filter="q"]').fill('5.1.2.2');
    await expect.poll(() => zh.locator('tr[data-outcome]:visible').count()).toBe(1);
    await zh.locator('button[type="reset"]').click();
    await expect.poll(() => zh.locator('.count').innerText()).toBe(`显示 ${total} / ${total} 个评价项`);

    // Keyboard: a clause opens with Enter and closes with Space.
    await zh.locator('[data-act="collapse-all"]').click();
    const toggle = zh.locator('[data-clause-block="5.1.1"] button[aria-expanded]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await zh.locator('[data-clause-block="5.1.1"] tr[data-outcome]:visible').count()).toBe(report.sections[0]!.clauses[0]!.criteria.length);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await close();
  });

  it('links cited files relative to the report, so they open from where it was written', async () => {
    const { page, close } = await open(pathToFileURL(htmlFile).href);
    const hrefs = await page.locator('[data-l="zh-CN"] a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const files = hrefs.filter((h) => h.startsWith('file:') && !h.includes('#'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(existsSync(fileURLToPath(f)), f).toBe(true);
    await close();
  });

  it('meets WCAG AA contrast for every visible text, in both languages, and fits a 360 px phone', async () => {
    const { page, close } = await open(pathToFileURL(htmlFile).href, { width: 360, height: 760 });
    await page.locator('[data-l="zh-CN"] [data-act="expand-all"]').click();
    const zh = await lowestContrast(page);
    expect(zh.ratio, JSON.stringify(zh)).toBeGreaterThanOrEqual(4.5);
    // Nothing wider than the screen: wide tables scroll inside their own box, the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: false });
    await page.locator('[data-l="zh-CN"] [data-act="lang"]').click();
    const en = await lowestContrast(page);
    expect(en.ratio, JSON.stringify(en)).toBeGreaterThanOrEqual(4.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await close();
  });

  it('at 390 px shows the plan as labelled cards and chart text at 11 px or more; reasons sit level with their row', async () => {
    const { page, close } = await open(pathToFileURL(htmlFile).href, { width: 390, height: 844 });
    const zh = page.locator('[data-l="zh-CN"]');
    const cells = await zh
      .locator('table.plan tbody tr')
      .first()
      .locator('td')
      .evaluateAll((tds) =>
        tds.map((td) => ({ display: getComputedStyle(td).display, width: td.getBoundingClientRect().width, label: getComputedStyle(td, '::before').content })),
      );
    // A card: the reason and action cells take the row's width (not ~4 characters) and say what they are.
    const wide = cells.filter((c) => c.display === 'block');
    expect(wide.length).toBeGreaterThanOrEqual(4);
    for (const c of wide.filter((x) => x.label !== 'none')) expect(c.width).toBeGreaterThan(300);
    expect(cells.some((c) => c.label.includes('措施'))).toBe(true);
    // Rendered size of every chart label: the SVG scales down to the screen, its text must stay readable.
    const sizes = await zh.locator('svg.chart text').evaluateAll((ts) => ts.map((t) => (t as SVGTextElement).getBoundingClientRect().height));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: join(ARTIFACTS, 'report-390.png'), fullPage: false });
    await close();
    // On a desktop: the first reason in each plan row starts level with the row's first cell.
    const desk = await open(pathToFileURL(htmlFile).href);
    const offsets = await desk.page.locator('[data-l="zh-CN"] table.plan tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const first = tr.querySelector('td:nth-child(2) > :first-child')!.getBoundingClientRect().top;
        const p = tr.querySelector('td:nth-child(5) p');
        return p ? Math.abs(p.getBoundingClientRect().top - first) : 0;
      }),
    );
    expect(Math.max(...offsets)).toBeLessThan(4);
    await desk.close();
  });

  it('prints to A4 through the browser with every clause expanded and the controls left out', async () => {
    const { page, close } = await open(pathToFileURL(htmlFile).href);
    const pdf = join(ARTIFACTS, 'report-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Collapsed on screen, printed in full: every criterion id is in the printout.
    for (const c of report.sections.flatMap((s) => s.clauses.flatMap((cl) => cl.criteria))) expect(text).toContain(c.id);
    expect(text).toContain(report.score.final.toFixed(1));
    expect(text).not.toContain('清除筛选');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(ARTIFACTS, 'report-print')]);
    await close();
  });
});

/**
 * axe-core's automated accessibility rules (WCAG 2.x A and AA: names, roles, headings, tables, contrast,
 * language) on the page as a reader sees it. axe is injected, so this one context lets scripts past the
 * page's policy; the other tests keep the policy.
 */
async function axeViolations(url: string, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await prepare?.(page);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  });
  await context.close();
  return violations;
}

describe('accessibility (axe-core)', () => {
  const dir = join(work, 'a11y');
  cpSync(join(ROOT, 'examples/with-data'), dir, { recursive: true });
  const report = join(dir, 'report.html');
  const portfolio = join(work, 'a11y-portfolio.html');
  beforeAll(() => {
    expect(cli(['score', join(dir, 'company.yaml'), '--format', 'html', '--out', report]).code).toBe(0);
    expect(cli(['score', join(ROOT, 'examples/*/company.yaml'), '--format', 'html', '--out', portfolio]).code).toBe(0);
  });

  it('finds nothing in the report, in Chinese and in English, with every clause open', async () => {
    const open = async (page: Page) => page.locator('[data-l="zh-CN"] [data-act="expand-all"]').click();
    expect(await axeViolations(pathToFileURL(report).href, open)).toEqual([]);
    expect(await axeViolations(`${pathToFileURL(report).href}#en`, async (page) => page.locator('[data-l="en"] [data-act="expand-all"]').click())).toEqual([]);
  });

  it('finds nothing in the portfolio, nor in a report opened from it, embedded or written with --out-dir', async () => {
    expect(await axeViolations(pathToFileURL(portfolio).href)).toEqual([]);
    expect(await axeViolations(`${pathToFileURL(portfolio).href}#r-2`)).toEqual([]);
    const site = join(work, 'a11y-site');
    expect(cli(['score', join(ROOT, 'examples/*/company.yaml'), '--format', 'html', '--out-dir', site]).code).toBe(0);
    expect(await axeViolations(pathToFileURL(join(site, 'examples-three-star-company.html')).href)).toEqual([]);
    // Three axe runs over pages of four embedded reports: ~15 s on a quiet two-core machine.
  }, 180_000);
});

describe('hostile text in the HTML report', () => {
  it('shows markup from the evidence file as text, running nothing', async () => {
    const dir = join(work, 'hostile');
    cpSync(join(ROOT, 'examples/three-star'), dir, { recursive: true });
    const name = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const yaml = readFileSync(join(dir, 'company.yaml'), 'utf8').replace('  name: 蓝鲸云软件科技有限公司', `  name: "${name}"`);
    writeFileSync(join(dir, 'company.yaml'), yaml);
    const out = join(dir, 'report.html');
    const r = cli(['score', join(dir, 'company.yaml'), '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { page, problems, requests, close } = await open(pathToFileURL(out).href);
    expect(await page.locator('[data-l="zh-CN"] h1').innerText()).toBe(name);
    expect(await page.title()).toContain(name);
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(out).href]));
    await close();
  });
});

describe('a malformed address fragment', () => {
  it('is ignored on load and on every hashchange, with no script error; a good one still switches the language', async () => {
    const dir = join(work, 'fragment');
    cpSync(join(ROOT, 'examples/three-star'), dir, { recursive: true });
    const out = join(dir, 'report.html');
    const r = cli(['score', join(dir, 'company.yaml'), '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // decodeURIComponent throws a URIError on each of these.
    const { page, problems, close } = await open(`${pathToFileURL(out).href}#%E0%A4%A`);
    for (const bad of ['%', '%E0%A4%A', '%ZZ', '%C0%AF']) {
      await page.evaluate((h) => {
        location.hash = h;
      }, bad);
      await page.waitForFunction((h) => location.hash === `#${h}`, bad);
    }
    await page.evaluate(() => {
      location.hash = 'en';
    });
    // The page script ran (the CSP hash still matches it) and still routes.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the portfolio page', () => {
  const glob = join(ROOT, 'examples/*/company.yaml');
  const reports = ['failing', 'five-star', 'three-star', 'with-data'].map((e) => scoreJson(join(ROOT, 'examples', e, 'company.yaml')));

  it('lists every company, sorts by score, filters by level, and opens an embedded report', async () => {
    const out = join(work, 'portfolio.html');
    const r = cli(['score', glob, '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { page, problems, requests, close } = await open(pathToFileURL(out).href);
    const zh = page.locator('#portfolio [data-l="zh-CN"]');
    expect(await zh.locator('table.portfolio tbody tr').count()).toBe(4);
    await zh.locator('th[data-key="score"] button').click();
    const scores = await zh.locator('table.portfolio tbody tr').evaluateAll((rows) => rows.map((x) => Number(x.getAttribute('data-score'))));
    expect(scores).toEqual(reports.map((x) => x.score.final).sort((a, b) => a - b));
    expect(await zh.locator('th[data-key="score"]').getAttribute('aria-sort')).toBe('ascending');
    // Headers align as their values do: the level reads as words (left), the score as a number (right).
    const align = (sel: string) =>
      zh
        .locator(sel)
        .first()
        .evaluate((e) => getComputedStyle(e).textAlign);
    expect(await align('th[data-key="level"]')).toBe(await align('table.portfolio tbody td[data-label]:nth-of-type(3)'));
    expect(await align('th[data-key="score"]')).toBe('right');
    await zh.locator('select[data-pf="level"]').selectOption('five-star');
    expect(await zh.locator('table.portfolio tbody tr:visible').count()).toBe(reports.filter((x) => x.level.id === 'five-star').length);
    await zh.locator('button[type="reset"]').click();
    await page.screenshot({ path: join(ARTIFACTS, 'portfolio-desktop.png'), fullPage: true });

    const three = reports.find((x) => x.level.id === 'three-star')!;
    await zh.getByRole('link', { name: three.company.name }).click();
    const shown = page.locator('.company-report:visible [data-l="zh-CN"]');
    await expect.poll(() => shown.locator('[data-score]').innerText()).toBe(three.score.final.toFixed(1));
    expect(await page.locator('#portfolio').isVisible()).toBe(false);
    await shown.locator('a.back').click();
    await expect.poll(() => page.locator('#portfolio').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(out).href]));
    await close();
  });

  it('with --out-dir, links each row to the report written beside it, in the language being read', async () => {
    const dir = join(work, 'clients');
    const r = cli(['score', glob, '--format', 'html', '--out-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const index = join(dir, 'index.html');
    const { page, problems, close } = await open(pathToFileURL(index).href);
    await page.locator('#portfolio [data-l="zh-CN"] [data-act="lang"]').click();
    const five = reports.find((x) => x.level.id === 'five-star')!;
    await page.locator('#portfolio [data-l="en"]').getByRole('link', { name: five.company.name }).first().click();
    await page.waitForURL(/examples-(five-star|with-data)-company\.html#en$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-l="en"] [data-level]').innerText()).toBe(five.level.name.en);
    await page.locator('[data-l="en"] a.back').click();
    await page.waitForURL(/index\.html$/);
    expect(problems).toEqual([]);
    await close();
  });

  it('is phone-readable: rows become cards with their labels, text contrast AA', async () => {
    const out = join(work, 'portfolio.html');
    const { page, close } = await open(pathToFileURL(out).href, { width: 360, height: 760 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const worst = await lowestContrast(page);
    expect(worst.ratio, JSON.stringify(worst)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(ARTIFACTS, 'portfolio-phone.png') });
    await close();
  });
});

describe('the history trend page (history --format html)', () => {
  // The example history (five monthly commits, deterministic), a YAML error committed after it (a gap), and
  // the fix; the projection to an audit date after take-back.md expires (2027-01-15).
  const repo = join(work, 'history-repo');
  const trend = join(work, 'trend.html');
  let file = '';
  beforeAll(() => {
    file = execFileSync(process.execPath, [join(ROOT, 'scripts/make-example-history.mjs'), repo])
      .toString()
      .trim();
    const commit = (message: string, date: string) => {
      const at = `${date}T10:00:00+08:00`;
      const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', message], { cwd: repo, env, stdio: 'pipe' });
    };
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('company:', 'company: ['));
    commit('broken', '2026-08-03');
    writeFileSync(file, text);
    commit('fixed', '2026-09-01');
    const r = cli([
      'history',
      file,
      '--format',
      'html',
      '--out',
      trend,
      '--as-of',
      '2027-02-01',
      '--commit-url',
      'https://git.example.com/org/repo/commit/{sha}',
    ]);
    expect(r.code, r.stderr).toBe(0);
  }, 180_000);

  it('draws the trend, its bands, the gap and the projection; fetches nothing; links each commit', async () => {
    const { page, problems, requests, close } = await open(pathToFileURL(trend).href);
    const zh = page.locator('[data-l="zh-CN"]');
    const chart = zh.locator('svg.trend-chart');
    // Five level bands, named in the page's language (the rubric's levels), and the projection marked.
    expect(await chart.locator('text.band').allTextContents()).toEqual(['不合格', '达标级', '三星级', '四星级', '五星级']);
    expect(await chart.locator('line[stroke-dasharray="6 4"]').count()).toBe(1);
    expect(await chart.locator('circle[fill="#fff"]').count()).toBe(1);
    // The gap breaks the line: two runs (five points, then one), one dotted upright with its reason.
    expect(await chart.locator('polyline').count()).toBe(1);
    expect(await chart.locator('text.gap').count()).toBe(1);
    expect(await zh.locator('ul.gaps li').innerText()).toContain('证据文件无法评估');
    expect(await zh.locator('[data-projection]').innerText()).toContain('2027-02-01');
    // Three small multiples, one per section.
    expect(await zh.locator('figure.small').count()).toBe(3);
    const links = await zh.locator('table.history-points a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(8);
    for (const l of links) expect(l).toMatch(/^https:\/\/git\.example\.com\/org\/repo\/commit\/[0-9a-f]{40}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'trend-desktop.png'), fullPage: true });
    expect(problems).toEqual([]);
    // Links are not followed: the only request is the page itself.
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(trend).href]));
    await close();
  });

  it('fits a 360 px phone in both languages with chart text at 11 px or more and AA contrast', async () => {
    const { page, close } = await open(pathToFileURL(trend).href, { width: 360, height: 760 });
    for (const lang of ['zh-CN', 'en']) {
      if (lang === 'en') await page.locator('[data-l="zh-CN"] [data-act="lang"]').click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // The size a reader sees: the font size times the scale the SVG is drawn at.
      const sizes = await page.locator(`[data-l="${lang}"] svg text`).evaluateAll((ts) =>
        ts.map((t) => {
          const svg = (t as SVGTextElement).ownerSVGElement!;
          return (Number.parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
        }),
      );
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
      const c = await lowestContrast(page);
      expect(c.ratio, JSON.stringify(c)).toBeGreaterThanOrEqual(4.5);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'trend-phone.png'), fullPage: true });
    await close();
  });

  it('prints to A4 with the charts whole and the controls left out', async () => {
    const { page, close } = await open(pathToFileURL(trend).href);
    const pdf = join(ARTIFACTS, 'trend-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of ['总分趋势', '各一级指标得分趋势', '各提交得分', '变化的评价项及原因', '预测（2027-02-01）']) expect(text).toContain(s);
    // The language switch and print buttons are screen controls.
    expect(text).not.toMatch(/^\s*English\s+打印/m);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(ARTIFACTS, 'trend-print')]);
    await close();
  });

  it('has no accessibility violation (axe-core) in either language', async () => {
    expect(await axeViolations(pathToFileURL(trend).href)).toEqual([]);
    expect(await axeViolations(`${pathToFileURL(trend).href}#en`)).toEqual([]);
  });
});
