import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCriteria } from '../helpers.js';
import { cli } from './run.js';

// A smart-appliance company with two gaps the seed-004 profile speaks to and one it does not:
// 5.2.4.3 (repair records: seed 004 第三章第二节 asks for model, production date, purchase channel…),
// 5.3.1.4 (customer data: seed 004 第七章) and 5.2.6.1 (take-back: seed 004 says nothing → generic only).
const dir = mkdtempSync(join(tmpdir(), 'asa-industry-'));
const file = join(dir, 'company.yaml');
const gaps = new Set(['5.2.4.3', '5.3.1.4', '5.2.6.1']);
const entry = (id: string) =>
  gaps.has(id) ? `  ${id}: { status: not-met }\n` : `  ${id}:\n    status: met\n    evidence: [ { url: https://example.com/doc, date: 2026-10-01 } ]\n`;
writeFileSync(
  file,
  `schemaVersion: 1\ncompany: { name: 智能家电测试公司, industry: 智能家电 }\nassessment: { date: 2026-11-01 }\nmetrics: { certifiedServiceManagers: 3, serviceManagementStaff: 30 }\ncriteria:\n${allCriteria.map((k) => entry(k.id)).join('')}`,
);

// Written by hand from reference/industries/smart-appliances.yaml (5.2.4.3's entry).
const GUIDANCE = {
  'zh-CN': '故障报告记下型号、生产日期、购买渠道、故障现象、发生时间和使用环境；工单记录报价与用户同意。',
  en: "Fault reports record model, production date, purchase channel, symptoms, when it happened and the environment; repair orders record the quotation and the customer's consent.",
} as const;
const squash = (s: string) => s.replace(/\s+/g, '');
/** HTML escapes the apostrophe; compare the text as a browser shows it. */
const htmlText = (s: string) => s.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&amp;/g, '&');

describe('industry profiles', () => {
  it('company.industry selects the profile by name; JSON gives each gap the industry guidance beside the generic', () => {
    const j = JSON.parse(cli(['score', file, '--format', 'json']).stdout);
    expect(j.industry.id).toBe('smart-appliances');
    expect(j.industry.kpis.map((k: { id: string }) => k.id)).toContain('remote-resolution-share');
    const byId = Object.fromEntries(j.gaps.map((g: { criterion: string }) => [g.criterion, g]));
    expect(byId['5.2.4.3'].industry).toMatchObject({
      profile: 'smart-appliances',
      expects: GUIDANCE,
      source: '《智能家电售后服务预案》第三章第二节；第四章第一节',
    });
    expect(byId['5.2.4.3'].expects.en).not.toBe(GUIDANCE.en);
    expect(byId['5.3.1.4'].industry.source).toBe('《智能家电售后服务预案》第七章');
    // The seed says nothing about take-back: the generic guidance alone.
    expect(byId['5.2.6.1'].industry).toBeUndefined();
    expect(byId['5.2.4.3'].step.en).toContain(GUIDANCE.en);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`every human format shows it (${lang})`, () => {
      expect(squash(cli(['score', file, '--lang', lang]).stdout)).toContain(squash(GUIDANCE[lang]));
      expect(cli(['score', file, '--lang', lang, '--format', 'markdown']).stdout).toContain(GUIDANCE[lang]);
      const html = htmlText(cli(['score', file, '--lang', lang, '--format', 'html']).stdout);
      expect(html).toContain(GUIDANCE['zh-CN']);
      expect(html).toContain(GUIDANCE.en);
      const pdf = join(dir, `r-${lang}.pdf`);
      cli(['score', file, '--lang', lang, '--format', 'pdf', '--out', pdf]);
      expect(squash(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }))).toContain(squash(GUIDANCE[lang]));
    });
  }

  it('an unknown company.industry is refused with a did-you-mean, naming file:line:col (exit 2)', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'schemaVersion: 1\ncompany:\n  name: X\n  industry: electronic\nassessment: { date: 2026-11-01 }\n');
    const r = cli(['score', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:4:13: error: no industry profile \`electronic\``);
    expect(r.stderr).toContain('Did you mean electronics?');
  });

  it('industry list, industry lint, rubric --expects --industry, init --industry', () => {
    expect(cli(['industry', 'list', '--lang', 'en']).stdout).toMatch(/^electronics {2}Electronics, 电子产品/m);
    expect(cli(['industry', 'lint', 'reference/industries/smart-appliances.yaml', '--lang', 'en'])).toMatchObject({ code: 0 });
    const lint = join(dir, 'lint.yaml');
    writeFileSync(lint, readFileSync('reference/industries/electronics.yaml', 'utf8').replace('"5.2.4.2":', '"5.2.4.9":'));
    const r = cli(['industry', 'lint', lint, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lint\.yaml:\d+:3: error: rubric gbt27922-2011 has no criterion 5\.2\.4\.9/);
    expect(r.stderr).toContain('Did you mean 5.2.4.1?');

    const tree = cli(['rubric', '--expects', '--industry', 'smart-appliances', '--lang', 'en']).stdout;
    expect(tree).toContain(`Smart appliances: ${GUIDANCE.en}`);
    expect(cli(['rubric', '--expects', '--industry', 'smart-appliance', '--lang', 'en'])).toMatchObject({ code: 2 });

    const target = join(dir, 'new');
    expect(cli(['init', target, '--industry', 'smart-appliances', '--lang', 'en']).code).toBe(0);
    const scaffold = readFileSync(join(target, 'company.yaml'), 'utf8');
    expect(scaffold).toContain('  industry: smart-appliances');
    expect(scaffold).toContain(`#   Smart appliances: ${GUIDANCE.en}`);
    expect(cli(['validate', join(target, 'company.yaml')]).code).toBe(0);
  });
});
