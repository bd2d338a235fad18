// Build: precompile the JSON Schemas with ajv (no run-time compilation: +85 ms saved per start),
// bundle the CLI with esbuild (one file: fast start), and compile the bundled rubric to JSON after
// linting it, so a broken rubric edit fails the build instead of a user's run.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const schema = (name) => JSON.parse(readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, esm: false, lines: false } });
ajv.addSchema(schema('evidence'), 'evidence');
ajv.addSchema(schema('rubric'), 'rubric');
ajv.addSchema(schema('thresholds'), 'thresholds');
ajv.addSchema(schema('brand'), 'brand');
ajv.addSchema(schema('report'), 'report');
ajv.addSchema(schema('industry'), 'industry');
const generated = join(root, 'src', 'generated');
mkdirSync(generated, { recursive: true });
// One module per schema, so that scoring with the bundled rubric never loads the rubric validator.
for (const [name, exportName] of [
  ['evidence', 'validateEvidence'],
  ['rubric', 'validateRubric'],
  ['thresholds', 'validateThresholds'],
  ['brand', 'validateBrand'],
  ['report', 'validateReport'],
  ['industry', 'validateIndustry'],
]) {
  writeFileSync(join(generated, `${name}-validator.cjs`), standaloneCode(ajv, { [exportName]: name }));
  writeFileSync(
    join(generated, `${name}-validator.d.cts`),
    `import type { ErrorObject } from 'ajv';
export declare const ${exportName}: { (data: unknown): boolean; errors?: ErrorObject[] | null };
`,
  );
}

// Reference data (survey complaint themes and answer scales, the holiday calendar, how record values are read) is authored as YAML and bundled as JSON:
// no YAML parse at run time, and a malformed edit fails the build here.
{
  const { parse } = await import('yaml');
  for (const name of ['survey-themes', 'survey-scales', 'cn-work-calendar', 'record-values']) {
    const data = parse(readFileSync(join(root, 'reference', `${name}.yaml`), 'utf8'), { schema: 'core' });
    if (name === 'survey-scales') {
      // A scale with a score missing or out of range would rate answers silently wrong.
      for (const [item, langs] of Object.entries(data.scales)) {
        for (const lang of ['zh-CN', 'en']) {
          const words = Object.entries(langs?.[lang] ?? {});
          for (const [w, n] of words) {
            if (!w.trim() || !Number.isInteger(n) || n < 1 || n > 5)
              throw new Error(`reference/${name}.yaml: ${item}.${lang}: ${JSON.stringify(w)}: ${n} is not a score 1–5`);
          }
          for (let n = 1; n <= 5; n++) if (!words.some(([, v]) => v === n)) throw new Error(`reference/${name}.yaml: ${item}.${lang} has no word for ${n}`);
        }
      }
    } else if (name === 'survey-themes') {
      for (const t of data.themes) for (const p of [...t.complaint, ...(t.praise ?? []), ...(t.topics ?? [])]) new RegExp(p);
      for (const p of data.improvers ?? []) new RegExp(p);
      const ids = new Set(data.themes.map((t) => t.id));
      const classes = new Set((data.classes ?? []).map((c) => c.id));
      for (const t of data.themes) {
        if (!classes.has(t.class)) throw new Error(`reference/${name}.yaml: theme ${t.id}: class ${t.class} is not one of ${[...classes].join(', ')}`);
        for (const x of [...(t.supersedes ?? []), ...(t.carriesOver ?? [])])
          if (!ids.has(x)) throw new Error(`reference/${name}.yaml: theme ${t.id}: no theme ${x}`);
      }
    } else if (name === 'record-values') {
      // A bad pattern or a class without a label would misread every row of an export.
      for (const c of data.resolutionChannels.classes) {
        if (!c.label?.['zh-CN'] || !c.label?.en) throw new Error(`reference/${name}.yaml: channel ${c.id} needs a label in both languages`);
        for (const p of c.patterns) new RegExp(p, 'i');
      }
      if (!data.resolutionChannels.classes.some((c) => c.id === 'remote')) throw new Error(`reference/${name}.yaml: no "remote" channel`);
      for (const p of data.partsShortage.patterns) new RegExp(p, 'i');
    } else {
      for (const [year, y] of Object.entries(data.years)) {
        for (const d of [...(y.holidays ?? []), ...(y.workdays ?? [])]) {
          const s = d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
          if (!s.startsWith(`${year}-`) || Number.isNaN(Date.parse(s))) throw new Error(`reference/${name}.yaml: ${s} is not a day of ${year}`);
        }
      }
    }
    writeFileSync(
      join(generated, `${name}.json`),
      JSON.stringify(data, (_k, v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v)),
    );
  }
}

// Industry profiles: checked against their schema and the bundled rubric's criterion ids, then bundled as one
// JSON list (a profile is selected by company.industry on every run: no YAML parse for it).
{
  const { parse } = await import('yaml');
  const dir = join(root, 'reference', 'industries');
  const ids = new Set();
  for (const line of readFileSync(join(root, 'rubrics', 'gbt27922-2011.yaml'), 'utf8').split('\n')) {
    const m = /^\s*- id: "(\d+\.\d+\.\d+\.\d+)"$/.exec(line);
    if (m) ids.add(m[1]);
  }
  const check = ajv.getSchema('industry');
  const profiles = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const data = parse(readFileSync(join(dir, name), 'utf8'), { schema: 'core' });
    if (!check(data)) throw new Error(`reference/industries/${name}: ${ajv.errorsText(check.errors)}`);
    if (`${data.id}.yaml` !== name) throw new Error(`reference/industries/${name}: id ${data.id} must match the file name`);
    for (const id of Object.keys(data.criteria))
      if (!ids.has(id)) throw new Error(`reference/industries/${name}: ${id} is not a criterion of the bundled rubric`);
    const cites = [...Object.values(data.criteria), ...data.commitments, ...data.kpis].map((e) => e.source.split(' ')[0]);
    for (const c of cites) if (!(c in data.sources)) throw new Error(`reference/industries/${name}: source ${c} is not declared`);
    profiles.push(data);
  }
  writeFileSync(join(generated, 'industries.json'), JSON.stringify(profiles));
}

// The mock audit's sampling rule (ours, not the standard's): checked against the bundled rubric — every listed
// criterion is one it samples, every sampled criterion is listed, every population's metric is the rubric's.
{
  const { parse } = await import('yaml');
  const name = 'audit-sampling';
  const data = parse(readFileSync(join(root, 'reference', `${name}.yaml`), 'utf8'), { schema: 'core' });
  const rubric = parse(readFileSync(join(root, 'rubrics', 'gbt27922-2011.yaml'), 'utf8'), { schema: 'core' });
  const bad = (why) => {
    throw new Error(`reference/${name}.yaml: ${why}`);
  };
  const r = data.rule;
  if (r?.id !== 'ceil-sqrt') bad('rule.id must be ceil-sqrt (the only rule this build computes)');
  if (!(r.factor > 0 && r.factor <= 10)) bad('rule.factor must be a number above 0 and at most 10');
  const sized = (x, what) => (Number.isInteger(x) && x >= 1 && x <= 10000 ? x : bad(`${what} must be a whole number 1–10000`));
  sized(r.minimum, 'rule.minimum');
  if (sized(r.maximum, 'rule.maximum') < r.minimum) bad('rule.maximum is below rule.minimum');
  if (!r.label?.['zh-CN'] || !r.label?.en) bad('rule.label needs zh-CN and en');
  const types = ['repair', 'installation', 'consultation', 'complaint', 'return', 'recall', 'other'];
  for (const [id, p] of Object.entries(data.populations)) {
    if (!p.title?.['zh-CN'] || !p.title?.en || !p.unit?.['zh-CN'] || !p.unit?.en) bad(`population ${id}: title and unit need zh-CN and en`);
    if ((p.metric === undefined) === (p.records === undefined)) bad(`population ${id}: give metric or records, one of them`);
    if (p.metric !== undefined && !(p.metric in rubric.metrics)) bad(`population ${id}: metric ${p.metric} is not the rubric's`);
    if (p.records !== undefined && !types.includes(p.records)) bad(`population ${id}: records ${p.records} is not one of ${types.join(', ')}`);
    if (p.minimum !== undefined) sized(p.minimum, `population ${id}: minimum`);
    if (p.maximum !== undefined) sized(p.maximum, `population ${id}: maximum`);
  }
  const sampled = rubric.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria)).filter((k) => k.sampling);
  for (const [id, pop] of Object.entries(data.criteria)) {
    if (!sampled.some((k) => k.id === id)) bad(`${id} is not a sampled criterion of the bundled rubric`);
    if (!(pop in data.populations)) bad(`${id}: no population ${pop}`);
  }
  for (const k of sampled) if (!(k.id in data.criteria)) bad(`${k.id} is sampled (rubric \`sampling:\`) but has no population here`);
  writeFileSync(join(generated, `${name}.json`), JSON.stringify(data));
}

const common = {
  bundle: true,
  platform: 'node',
  // One CommonJS file: no ESM loader work per start (resolving and linking dozens of chunks), and a file
  // V8's code cache can cover as a whole (see bin/aftersales-assess.cjs and scripts/codeCache.mjs).
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  // Smaller source compiles faster at every start; names are kept so internal-error traces stay readable.
  minify: !process.env.NO_MINIFY,
  keepNames: true,
  define: { __TOOL_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__moduleUrl' },
  banner: { js: "const __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import('pdfkit') becomes require('pdfkit'): a script compiled with a code cache has no dynamic-import
  // host, and pdfkit is CommonJS anyway.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  // yaml's ESM build (the one its exports map gives non-Node targets; same code, no Node or browser APIs)
  // instead of its CommonJS one: it can be tree-shaken.
  alias: { yaml: join(root, 'node_modules/yaml/browser/index.js') },
};
// The PDF font faces, subset (see scripts/subsetFonts.mjs); rebuilt only when missing.
if (!existsSync(join(root, 'fonts/NotoSansSC-Regular.ttf')) || !existsSync(join(root, 'fonts/NotoSansSC-Bold.ttf'))) {
  const { subsetFonts } = await import('./subsetFonts.mjs');
  await subsetFonts(root);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });

/**
 * Pure ASCII, so that bin/aftersales-assess.cjs can read a bundle as latin1: a one-byte string without UTF-8
 * decoding (~4 ms of every start on 1.2 MB). esbuild escapes strings and identifiers but leaves regular
 * expression literals as written; \uXXXX means the same code unit there (and in u-mode, a pair the same
 * code point).
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII character; escaping it would change its meaning`);
  writeFileSync(
    file,
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

// The CLI. Modules only some commands need (terminal renderer, data analysis) are still evaluated on demand:
// esbuild keeps each dynamic import() as a lazily run wrapper inside the one file. The PDF renderer is not
// in it: it is its own bundle (below), loaded by cli/pdfRenderer.ts.
await build({
  ...common,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/cli.cjs'),
  plugins: [
    {
      name: 'pdf-renderer-apart',
      setup(b) {
        b.onResolve({ filter: /render\/pdf\/renderPdf\.js$/ }, () => ({ path: './pdf.cjs', external: true }));
      },
    },
    {
      // exceljs (~1 MB) only for writing workbooks: its own bundle, like the PDF renderer.
      name: 'workbook-writer-apart',
      setup(b) {
        b.onResolve({ filter: /workbook\/writeWorkbook\.js$/ }, () => ({ path: './workbook.cjs', external: true }));
      },
    },
  ],
});
await build({ ...common, entryPoints: [join(root, 'src/workbook/writeWorkbook.ts')], outfile: join(root, 'dist/workbook.cjs') });
// The PDF renderer with pdfkit, fontkit and their dependencies inside (no font data files are read from
// the package: the fonts come from fonts/ or --font, and pdfkit's standard fonts are never used).
await build({
  ...common,
  entryPoints: [join(root, 'src/render/pdf/renderPdf.ts')],
  outfile: join(root, 'dist/pdf.cjs'),
  alias: { ...common.alias, 'brotli/decompress.js': join(root, 'scripts/stubs/brotli-decompress.cjs') },
});
asciiOnly(join(root, 'dist/cli.cjs'));
asciiOnly(join(root, 'dist/pdf.cjs'));
asciiOnly(join(root, 'dist/workbook.cjs'));
const compiler = join(root, 'dist/compile-rubrics.cjs');
await build({ ...common, entryPoints: [join(root, 'src/build/compileRubrics.ts')], outfile: compiler });
try {
  const { compileRubrics } = createRequire(import.meta.url)(compiler);
  const ok = compileRubrics(join(root, 'rubrics'), join(root, 'dist/rubrics'));
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(compiler);
}

if (!process.exitCode) {
  const { buildCodeCache } = await import('./codeCache.mjs');
  buildCodeCache(root);
}
