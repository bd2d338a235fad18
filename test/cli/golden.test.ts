// Golden files hold what a person reads (terminal reports at 80 columns in both languages, Markdown,
// errors), with the exit code. The JSON contract is covered by its schema and targeted assertions
// (contract.test.ts), not by whole-report snapshots that any wording change would rewrite.
import { describe, expect, it } from 'vitest';
import { cli, expectGolden } from './run.js';

const FIVE = 'examples/five-star/company.yaml';
const THREE = 'examples/three-star/company.yaml';
const FAIL = 'examples/failing/company.yaml';
const WITH_DATA = 'examples/with-data/company.yaml';
const at80 = (args: string[]) => cli(args, { COLUMNS: '80' });

describe('golden: terminal reports', () => {
  it('five-star in Chinese', () => expectGolden('five-star.terminal-zh', ['score', FIVE], at80(['score', FIVE])));
  it('five-star in English', () => expectGolden('five-star.terminal-en', ['score', FIVE, '--lang', 'en'], at80(['score', FIVE, '--lang', 'en'])));
  it('three-star in English', () => expectGolden('three-star.terminal-en', ['score', THREE, '--lang', 'en'], at80(['score', THREE, '--lang', 'en'])));
  it('three-star in Chinese', () => expectGolden('three-star.terminal-zh', ['score', THREE], at80(['score', THREE])));
  it('failing with ASCII borders', () =>
    expectGolden('failing.terminal-ascii', ['score', FAIL, '--lang', 'en', '--ascii'], at80(['score', FAIL, '--lang', 'en', '--ascii'])));
  it('with data, in Chinese', () => expectGolden('with-data.terminal-zh', ['score', WITH_DATA], at80(['score', WITH_DATA])));
  it('a batch summary', () => expectGolden('batch.terminal-zh', ['score', 'examples/*/company.yaml'], at80(['score', 'examples/*/company.yaml'])));
});

describe('golden: Markdown and dataset reports', () => {
  it('three-star as Markdown', () => expectGolden('three-star.markdown', ['score', THREE, '--format', 'markdown', '--lang', 'en']));
  it('the survey of the with-data example', () => expectGolden('survey-zh', ['survey', 'examples/with-data/data/survey-2026Q3.csv']));
  it('the records of the with-data example', () =>
    expectGolden('records-en', ['records', 'examples/with-data/data/tickets-2026Q3.csv', '--evidence', WITH_DATA, '--lang', 'en']));
});

describe('golden: errors and thresholds', () => {
  it('invalid evidence: every error with its position, exit 2', () => expectGolden('invalid-evidence', ['score', 'test/fixtures/invalid-evidence.yaml']));
  it('invalid evidence, errors in English', () => expectGolden('invalid-evidence-en', ['validate', 'test/fixtures/invalid-evidence.yaml', '--lang', 'en']));
  it('below --fail-under: exit 1', () => expectGolden('fail-under', ['score', THREE, '--fail-under', '85'], at80(['score', THREE, '--fail-under', '85'])));
  it('below --min-level: exit 1', () => expectGolden('min-level', ['score', FAIL, '--lang', 'en', '--min-level', 'compliant']));
  it('the rubric tree', () => expectGolden('rubric-tree-en', ['rubric', '--lang', 'en']));
});

describe('what the terminal goldens show', () => {
  it('every line fits 80 columns and none starts with closing punctuation; --ascii prints ASCII symbols', async () => {
    const { readFileSync } = await import('node:fs');
    const { default: stringWidth } = await import('string-width');
    for (const name of [
      'five-star.terminal-zh',
      'five-star.terminal-en',
      'three-star.terminal-en',
      'three-star.terminal-zh',
      'failing.terminal-ascii',
      'with-data.terminal-zh',
    ]) {
      const body = readFileSync(`test/golden/${name}.txt`, 'utf8').split('# stdout:\n')[1]!.split('# stderr:')[0]!;
      for (const line of body.split('\n')) {
        expect(stringWidth(line), `${name}: ${line}`).toBeLessThanOrEqual(80);
        expect(line, name).not.toMatch(/^\s*[，。、；：！？）]/u);
      }
      if (name.endsWith('ascii')) expect(body).not.toMatch(/[—–−·…“”‘’→±≥≤▼▲★☆✗✓█░]/);
    }
  });
});
