import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRubricFile } from '../validate/loadRubric.js';
import { schemaText } from '../validate/editorSchema.js';
import { InputError } from '../model/diagnostic.js';
import { formatDiagnostic } from '../render/diagnostics.js';

/** Build step: lint every rubric under rubrics/ and store it as JSON for a fast start. */
export function compileRubrics(fromDir: string, toDir: string): boolean {
  mkdirSync(toDir, { recursive: true });
  let ok = true;
  for (const name of readdirSync(fromDir).filter((n) => n.endsWith('.yaml'))) {
    try {
      const { loaded, warnings } = loadRubricFile(join(fromDir, name), 'bundled');
      for (const w of warnings) process.stderr.write(formatDiagnostic(w, false, 'en') + '\n');
      writeFileSync(join(toDir, name.replace(/\.yaml$/, '.json')), JSON.stringify({ rubric: loaded.rubric, sha256: loaded.sha256 }));
      // The editor schema of each bundled rubric, made at build time: `schema` prints it, and a repository
      // may point a modeline at the published file.
      writeFileSync(join(toDir, name.replace(/\.yaml$/, '.evidence.schema.json')), schemaText(loaded.rubric));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d, false, 'en') + '\n');
      ok = false;
    }
  }
  return ok;
}
