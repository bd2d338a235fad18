// YAML → workbook → YAML loses nothing the contract holds: generated evidence files, written with the
// workbook writer and read back by the reader, give the same evidence object and pass the same checks.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allCriteria, rubric } from '../helpers.js';
import type { EvidenceFile } from '../../src/model/evidence.js';
import { WORKBOOK_INSTRUCTIONS } from '../../src/messages/workbook.js';
import { evidenceSource, loadEvidenceSource } from '../../src/validate/loadEvidence.js';
import { sourceFromBytes } from '../../src/load/readSource.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeWorkbook } from '../../src/workbook/writeWorkbook.js';

// Text as people type it: CJK, Latin, digits, punctuation, spaces and line breaks, strings that look like
// numbers, dates or OOXML escapes; no control characters (the loader strips them from YAML as well).
const piece = fc.constantFrom('售后', '服务', 'abc', ' ', '123', '5.10', '2026-11-01', '\n', '_x0041_', '&<>"\'', 'true', '#', '：', '😀', 'null', '-');
const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const item = fc.record(
  {
    file: fc.constantFrom('docs/a.pdf', 'docs/培训记录.xlsx', 'b.md'),
    title: text,
    date,
    expires: date,
    sha256: fc.constant('a'.repeat(64)),
  },
  { requiredKeys: ['file'] },
);
const urlItem = fc.record({ url: fc.constantFrom('https://example.com/x', 'http://例子.cn/a?b=1'), title: text }, { requiredKeys: ['url'] });
const evidenceList = fc.array(fc.oneof(item, urlItem), { minLength: 1, maxLength: 3 });

const entry = (id: string) => {
  const na = allCriteria.find((c) => c.id === id)!.notApplicable !== undefined;
  return fc
    .record(
      {
        status: fc.constantFrom(...(na ? (['met', 'partial', 'not-met', 'n/a'] as const) : (['met', 'partial', 'not-met'] as const))),
        note: text,
        owner: text.filter((s) => s.length > 0),
        due: date,
        effort: fc.constantFrom(0.5, 1, 3, 20, 1000),
        evidence: evidenceList,
        sample: fc
          .integer({ min: 1, max: 500 })
          .chain((checked) => fc.record({ checked: fc.constant(checked), conforming: fc.integer({ min: 0, max: checked }) })),
      },
      { requiredKeys: [] },
    )
    .map((e) => {
      const out: Record<string, unknown> = { ...e };
      if (e.status === 'n/a') out.justification = '本公司不涉及';
      // The rule `met` with non-conforming samples is an input error: keep generated files valid.
      if (e.status === 'met' && e.sample) out.sample = { checked: e.sample.checked, conforming: e.sample.checked };
      return out;
    })
    .filter((e) => Object.keys(e).length > 0);
};

const evidenceFile: fc.Arbitrary<EvidenceFile> = fc
  .record({
    ids: fc.subarray(
      allCriteria.map((c) => c.id),
      { maxLength: 12 },
    ),
    name: text.filter((s) => s.trim().length > 0),
    extras: fc.record(
      {
        creditCode: text,
        // company.industry must name an industry profile (reference/industries/): any of them, by any of its names.
        industry: fc.constantFrom('electronics', 'smart-appliances', '智能家电', 'Electronics'),
        products: fc.array(text, { minLength: 1, maxLength: 3 }),
        employees: fc.integer({ min: 0, max: 100000 }),
        sites: fc.array(text, { minLength: 1, maxLength: 2 }),
        listed: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    date,
    assessor: fc.option(text, { nil: undefined }),
    metrics: fc.option(
      fc.record(
        {
          certifiedServiceManagers: fc.integer({ min: 0, max: 10 }),
          serviceManagementStaff: fc.integer({ min: 10, max: 100 }),
          satisfactionRate: fc.double({ min: 0, max: 1, noNaN: true }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    commitments: fc.option(
      fc.record(
        {
          repairResponseHours: fc.integer({ min: 1, max: 72 }),
          complaintReplyWorkingDays: fc.integer({ min: 0, max: 10 }),
          freeRepairDays: fc.integer({ min: 1, max: 3650 }),
          holidays: fc.array(date, { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    deductions: fc.array(
      fc.record({ clause: fc.constantFrom('5.3.2', '5.1.4', '5.2.1.1'), reason: text, evidence: evidenceList }, { requiredKeys: ['clause', 'reason'] }),
      { maxLength: 3 },
    ),
    bonus: fc.option(fc.record({ reason: text, evidence: evidenceList }, { requiredKeys: ['reason'] }), { nil: undefined }),
  })
  .chain((g) =>
    fc.tuple(fc.constant(g), fc.tuple(...g.ids.map((id) => entry(id)))).map(([g, entries]) => {
      const e: Record<string, unknown> = {
        schemaVersion: 1,
        company: { name: g.name, ...g.extras },
        assessment: { date: g.date, ...(g.assessor !== undefined ? { assessor: g.assessor } : {}) },
      };
      if (g.ids.length) e.criteria = Object.fromEntries(g.ids.map((id, i) => [id, entries[i]]));
      if (g.metrics && Object.keys(g.metrics).length) e.metrics = g.metrics;
      if (g.commitments && Object.keys(g.commitments).length) e.commitments = g.commitments;
      if (g.deductions.length) e.specialDeductions = g.deductions;
      if (g.bonus) e.bonus = g.bonus;
      return e as unknown as EvidenceFile;
    }),
  );

describe('YAML → workbook → YAML', () => {
  it('keeps every value the contract holds', async () => {
    await fc.assert(
      fc.asyncProperty(evidenceFile, async (generated) => {
        const yaml = stringify(generated);
        // Only valid files are converted: the generated one must load as YAML, and what it loads to is the reference.
        const original = loadEvidenceSource({ file: 'g.yaml', text: yaml, bytes: Buffer.from(yaml) }, rubric).evidence;
        const bytes = await writeWorkbook(rubric, original, 'zh-CN', { instructions: WORKBOOK_INSTRUCTIONS });
        expect(readWorkbook('g.xlsx', bytes).value).toEqual(original);
        // Read as an evidence file: the same checks pass and the same evidence comes out.
        expect(loadEvidenceSource(await evidenceSource(sourceFromBytes('g.xlsx', bytes, bytes.length)), rubric).evidence).toEqual(original);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('English workbooks too', async () => {
    await fc.assert(
      fc.asyncProperty(evidenceFile, async (generated) => {
        const yaml = stringify(generated);
        const original = loadEvidenceSource({ file: 'g.yaml', text: yaml, bytes: Buffer.from(yaml) }, rubric).evidence;
        const bytes = await writeWorkbook(rubric, original, 'en', { instructions: WORKBOOK_INSTRUCTIONS });
        expect(readWorkbook('g.xlsx', bytes).value).toEqual(original);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
