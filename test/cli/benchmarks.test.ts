// Seed 001's benchmarks against the declared commitments (#22): a looser commitment is a report finding, so
// every format shows it through the one reading. Expected values follow from the seed's figures by hand.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looserCommitments } from '../../src/model/benchmarks.js';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

describe('commitments against seed 001 benchmarks', () => {
  it('names each looser commitment; hours are compared with working days as 7/5 calendar days each', () => {
    // Benchmarks: repair 24 h, remote 48 h, complaint reply 5 working days, resolution 30 working days.
    expect(
      looserCommitments({ repairResponseHours: 72, remoteRepairResponseHours: 48, complaintReplyWorkingDays: 5, complaintResolutionWorkingDays: 60 }),
    ).toEqual([
      { commitment: 'repairResponseHours', declared: 72, unit: 'hours', benchmark: 24, benchmarkUnit: 'hours' },
      { commitment: 'complaintResolutionWorkingDays', declared: 60, unit: 'working days', benchmark: 30, benchmarkUnit: 'working days' },
    ]);
    // Seed 003: 24 h contact, 48 h solution — both stricter than 5 and 30 working days.
    expect(looserCommitments({ complaintReplyHours: 24, complaintResolutionHours: 48 })).toEqual([]);
    // 5 working days span 5 × 24 × 7/5 = 168 calendar hours: 168 h is not looser, 169 h is.
    expect(looserCommitments({ complaintReplyHours: 168 })).toEqual([]);
    expect(looserCommitments({ complaintReplyHours: 169 })).toEqual([
      { commitment: 'complaintReplyHours', declared: 169, unit: 'hours', benchmark: 5, benchmarkUnit: 'working days' },
    ]);
  });

  it('a 72-hour repair response and 60 working days for complaints are warnings in JSON, terminal and Markdown', () => {
    const d = mkdtempSync(join(tmpdir(), 'asa-bench-'));
    cpSync(join(ROOT, 'examples/with-data'), d, { recursive: true });
    const file = join(d, 'company.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('repairResponseHours: 24\n', 'repairResponseHours: 72\n')
        .replace('complaintResolutionWorkingDays: 15', 'complaintResolutionWorkingDays: 60'),
    );
    const j = JSON.parse(cli(['score', file, '--format', 'json', '--lang', 'en']).stdout);
    const found = j.findings.filter((f: { code: string }) => f.code === 'commitment-looser-than-benchmark').map((f: { args: unknown }) => f.args);
    expect(found).toEqual([
      { commitment: 'repairResponseHours', declared: 72, unit: 'hours', benchmark: 24, benchmarkUnit: 'hours' },
      { commitment: 'complaintResolutionWorkingDays', declared: 60, unit: 'working days', benchmark: 30, benchmarkUnit: 'working days' },
    ]);
    for (const format of ['terminal', 'markdown']) {
      const out = cli(['score', file, '--format', format, '--lang', 'en']).stdout;
      expect(out, format).toContain('commitment repairResponseHours is 72 hours, looser than the common benchmark of 24 hours');
      expect(out, format).toContain('complaintResolutionWorkingDays is 60 working days');
    }
  });
});
