import { describe, it } from 'vitest';
import { expectGolden } from './run.js';

const FIVE = 'examples/five-star/company.yaml';
const THREE = 'examples/three-star/company.yaml';
const FAIL = 'examples/failing/company.yaml';

describe('golden: JSON reports of the examples', () => {
  it('five-star', () => expectGolden('five-star.json', ['score', FIVE, '--format', 'json', '--lang', 'en']));
  it('three-star', () => expectGolden('three-star.json', ['score', THREE, '--format', 'json', '--lang', 'zh-CN']));
  it('failing', () => expectGolden('failing.json', ['score', FAIL, '--format', 'json', '--lang', 'en']));
});

describe('golden: terminal reports', () => {
  it('five-star in Chinese', () => expectGolden('five-star.terminal-zh', ['score', FIVE]));
  it('three-star in English', () => expectGolden('three-star.terminal-en', ['score', THREE, '--lang', 'en']));
  it('failing with ASCII borders', () => expectGolden('failing.terminal-ascii', ['score', FAIL, '--lang', 'en', '--ascii']));
});

describe('golden: errors and thresholds', () => {
  it('invalid evidence: every error with its position, exit 2', () => expectGolden('invalid-evidence', ['score', 'test/fixtures/invalid-evidence.yaml']));
  it('invalid evidence, errors in English', () => expectGolden('invalid-evidence-en', ['validate', 'test/fixtures/invalid-evidence.yaml', '--lang', 'en']));
  it('below --fail-under: exit 1', () => expectGolden('fail-under', ['score', THREE, '--format', 'json', '--fail-under', '85']));
  it('below --min-level: exit 1', () => expectGolden('min-level', ['score', FAIL, '--lang', 'en', '--min-level', 'compliant']));
  it('the rubric tree', () => expectGolden('rubric-tree-en', ['rubric', '--lang', 'en']));
});
