import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadedRubric, Rubric } from '../model/rubric.js';

export const BUNDLED_RUBRIC_ID = 'gbt27922-2011';

/**
 * The rubric that ships with the tool. The build lints it and stores it as JSON next to the bundle,
 * which saves parsing and validating YAML on every start; running from source falls back to the YAML.
 */
export async function loadBundledRubric(): Promise<LoadedRubric> {
  for (const rel of ['./rubrics/', '../rubrics/']) {
    const compiled = new URL(`${rel}${BUNDLED_RUBRIC_ID}.json`, import.meta.url);
    if (existsSync(compiled)) {
      const { rubric, sha256 } = JSON.parse(readFileSync(compiled, 'utf8')) as { rubric: Rubric; sha256: string };
      return { rubric, sha256, origin: 'bundled' };
    }
  }
  for (const rel of ['../rubrics/', '../../rubrics/']) {
    const yaml = new URL(`${rel}${BUNDLED_RUBRIC_ID}.yaml`, import.meta.url);
    if (existsSync(yaml)) {
      const { loadRubricFile } = await import('./loadRubric.js');
      return loadRubricFile(fileURLToPath(yaml), 'bundled').loaded;
    }
  }
  throw new Error(`bundled rubric ${BUNDLED_RUBRIC_ID} not found; reinstall aftersales-assess`);
}
