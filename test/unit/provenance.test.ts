import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/render/reading.js';
import { ROOT, allCriteria, allMet, rubric, score } from '../helpers.js';

// What the shipped sources say, checked against the rubric's client guidance. The seeds themselves are not
// shipped; each expected statement below was read in them by hand:
// - seed 001 (tender article): warranty "不少于一年，对于关键部件的保修期限可适当延长至两年"; repair "24小时内提供上门服务，
//   对于偏远地区可适当延长至48小时"; "某通信设备制造商每年对售后服务人员进行至少40小时的培训" (one company, not a rule).
// - seed 002 (survey method): results step "明确责任人与整改期限".
// - seed 003 (indicator article): "家电企业通常承诺整机保修一年，主要零部件保修三年"; care "客户联谊活动、生日祝福、节日优惠".
const byId = (id: string) => {
  const c = allCriteria.find((k) => k.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};
const sourcesDoc = readFileSync(join(ROOT, 'rubrics/sources.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };

describe('the rubric quotes its sources faithfully', () => {
  it('5.2.5.1: key parts "may be extended to two years" (seed 001), not "at least two"; the appliance example is one year / three years (seed 003)', () => {
    const c = byId('5.2.5.1');
    expect(c.expects['zh-CN']).toContain('关键部件可适当延长至两年');
    expect(c.expects['zh-CN']).toContain('整机保修一年、主要零部件保修三年');
    expect(c.expects['zh-CN']).not.toMatch(/关键部件不少于\s*2\s*年/);
    expect(c.expects.en).not.toMatch(/≥\s*2 years/);
    expect(c.expects.en).toContain('possibly extended to two years for key parts');
    expect(c.provenance.source).toBe('seed-001');
  });

  it('5.1.3.2: the 40 training hours are one telecom maker’s practice (seed 001), not a common requirement', () => {
    const c = byId('5.1.3.2');
    expect(c.expects['zh-CN']).not.toContain('常见要求');
    expect(c.expects['zh-CN']).toContain('通信设备制造商');
    expect(c.expects.en).not.toContain('common benchmark');
    expect(c.expects.en).toContain('one telecom equipment maker');
    expect(c.provenance.source).toBe('seed-001');
  });

  it('5.1.6.1: owners and deadlines come from the survey method (seed 002)', () => {
    const c = byId('5.1.6.1');
    expect(c.expects['zh-CN']).toContain('责任人与期限');
    expect(c.provenance.source).toBe('seed-002');
  });

  it('5.2.4.1: the 24 h / 48 h on-site response is the tender benchmark (seed 001)', () => {
    const c = byId('5.2.4.1');
    expect(c.expects['zh-CN']).toContain('24小时内上门');
    expect(c.expects['zh-CN']).toContain('48小时');
    expect(c.provenance.source).toBe('seed-001');
  });

  it('5.3.1.3: customer care as seed 003 names it (get-togethers, birthday greetings, holiday offers), no maintenance reminders', () => {
    const c = byId('5.3.1.3');
    expect(c.expects['zh-CN']).toContain('生日祝福');
    expect(c.expects['zh-CN']).not.toContain('保养提醒');
    expect(c.expects.en).not.toContain('maintenance reminders');
    expect(c.provenance.source).toBe('seed-003');
  });
});

describe('provenance the reader can follow', () => {
  it('every source is described in rubrics/sources.md, which the package ships, under the anchor the rubric names', () => {
    expect(pkg.files).toContain('rubrics');
    for (const [key, s] of Object.entries(rubric.sources)) {
      expect(s.see, key).toMatch(/^sources\.md#[a-z0-9-]+$/);
      const anchor = s.see!.split('#')[1]!;
      expect(sourcesDoc, `${key} → #${anchor}`).toContain(`<a id="${anchor}"></a>`);
      // No source points at material the user does not have.
      expect(s.title, key).not.toMatch(/shared\/|rubric-source\.md/);
    }
  });

  it('every node cites a declared source', () => {
    const nodes = [...rubric.sections, ...rubric.sections.flatMap((s) => s.clauses), ...allCriteria];
    for (const n of nodes) expect(Object.keys(rubric.sources), n.id).toContain(n.provenance.source);
  });

  it('the decision text states what the points rest on, in both languages', () => {
    const report = score(allMet());
    expect(report.method.pointsBasis).toEqual(rubric.pointsBasis);
    const zh = readReport(report, 'zh-CN').caveats;
    const en = readReport({ ...report, lang: 'en' }, 'en').caveats;
    expect(zh.some((c) => c.includes('40/35/25') && c.includes('网络文章') && c.includes('重构'))).toBe(true);
    expect(en.some((c) => c.includes('40/35/25') && c.includes('web article') && c.includes('reconstruction'))).toBe(true);
  });
});
