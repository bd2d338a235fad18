import evidenceSchema from '../../../schema/evidence.schema.json' with { type: 'json' };
import type { Rubric } from '../../model/rubric.js';
import { editorSchema } from '../../validate/editorSchema.js';

/** Marks a schema file as ours, so `init` may refresh it and never touches anyone else's. */
export const SCHEMA_ID_PREFIX = 'urn:aftersales-assess:evidence:';

/** The editor schema of a rubric as the file `schema` and `init` write (stable bytes for the same rubric). */
export function schemaText(rubric: Rubric): string {
  return `${JSON.stringify(editorSchema(evidenceSchema, rubric, `${SCHEMA_ID_PREFIX}${rubric.id}:${rubric.version}`), null, 2)}\n`;
}
