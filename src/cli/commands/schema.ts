import type { Rubric } from '../../model/rubric.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { writeOutput } from '../io.js';

/** `schema`: the evidence file's JSON Schema for editors, built from the rubric. */
export async function schemaCommand(rubric: Rubric, opts: { out?: string; rubric?: string }): Promise<ExitCode> {
  const { schemaText } = await import('../../validate/editorSchema.js');
  writeOutput(schemaText(rubric), opts.out, opts.rubric ? [opts.rubric] : []);
  return EXIT.ok;
}
