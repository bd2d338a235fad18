import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The source tree cut by direction: each folder of src/ sits in one layer and imports only from its own
 * folder, from folders of lower layers, or from folders of its own layer without closing a circle. Type-only
 * imports count too: a type that runs up a layer still ties the lower folder to the upper one.
 * The README's "Architecture" section draws the same table.
 */
const LAYERS: readonly (readonly string[])[] = [
  // ground: model types and small shared helpers; build output (validators, reference data) is data
  ['model', 'generated'],
  ['shared'],
  // input: reading, parsing, validating, file trees, datasets
  ['load'],
  ['validate', 'datasets', 'workbook'],
  // the pure core
  ['evaluate', 'score', 'compare', 'audit'],
  ['report'],
  // the application: the one assessment, its baseline and forecast
  ['assess'],
  // wording, then its users
  ['messages'],
  ['render'],
  // entry points: the CLI and the build's rubric compiler
  ['cli', 'build'],
];

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** The relative specifiers of a module: `import … from`, `import type`, `export … from`, side-effect `import '…'`, `import()`. */
function specifiersOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
}

interface Edge {
  file: string;
  spec: string;
  from: string;
  to: string;
}

/** Every relative import of src/**\/*.ts: static, `import type`, `export … from` and `import()`. */
function importsOf(root: string): Edge[] {
  const edges: Edge[] = [];
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    for (const spec of specifiersOf(text)) {
      const target = relative(root, resolve(root, dirname(f), spec));
      if (target.startsWith('..')) continue; // outside src/: data (schema/, package.json)
      const from = f.split(/[\\/]/)[0]!;
      const to = target.split(/[\\/]/)[0]!;
      if (from !== to) edges.push({ file: `src/${f.split('\\').join('/')}`, spec, from, to });
    }
  }
  return edges;
}

/** What is wrong with these edges: a folder no layer names, an import up a layer, a folder-level circle. */
function layerViolations(edges: readonly Edge[], layers: readonly (readonly string[])[] = LAYERS): string[] {
  const rank = new Map(layers.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
  const out: string[] = [];
  for (const e of edges) {
    for (const folder of [e.from, e.to]) {
      if (!rank.has(folder)) out.push(`${e.file}: imports '${e.spec}' — folder ${folder}/ is in no layer (add it to LAYERS in test/unit/layers.test.ts)`);
    }
    const a = rank.get(e.from);
    const b = rank.get(e.to);
    if (a !== undefined && b !== undefined && b > a) out.push(`${e.file}: imports '${e.spec}' — ${e.from}/ (layer ${a}) may not import ${e.to}/ (layer ${b})`);
  }
  // Circles among folders: depth-first over the folder graph, each circle reported with the imports that close it.
  const next = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Map());
    if (!next.get(e.from)!.has(e.to)) next.get(e.from)!.set(e.to, e);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    state.set(n, 'open');
    path.push(n);
    for (const [m] of next.get(n) ?? []) {
      if (state.get(m) === 'open') {
        const cycle = [...path.slice(path.indexOf(m)), m];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          const via = cycle.slice(0, -1).map((x, i) => {
            const e = next.get(x)!.get(cycle[i + 1]!)!;
            return `${e.file} imports '${e.spec}'`;
          });
          out.push(`folder circle ${cycle.join(' → ')}: ${via.join('; ')}`);
        }
      } else if (!state.has(m)) visit(m);
    }
    path.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return out;
}

describe('layers', () => {
  it('every import of src/ runs down a layer, and no folders import each other in a circle', () => {
    expect(layerViolations(importsOf(SRC))).toEqual([]);
  });

  it('finds an import up a layer, a type-only one, a dynamic one and a circle', () => {
    const e = (file: string, spec: string): Edge => ({ file, spec, from: file.split('/')[1]!, to: spec.split('/')[1]! });
    expect(layerViolations([e('src/load/a.ts', '../cli/main.js')])).toEqual([
      "src/load/a.ts: imports '../cli/main.js' — load/ (layer 2) may not import cli/ (layer 9)",
    ]);
    expect(layerViolations([e('src/score/a.ts', '../compare/b.js'), e('src/compare/b.ts', '../score/a.js')])).toEqual([
      "folder circle compare → score → compare: src/compare/b.ts imports '../score/a.js'; src/score/a.ts imports '../compare/b.js'",
    ]);
    // The scanner itself: type-only and dynamic imports are imports.
    const text = "import type { X } from '../cli/x.js';\nconst m = await import('../render/y.js');\nexport { z } from '../messages/z.js';\n";
    expect(specifiersOf(text)).toEqual(['../cli/x.js', '../render/y.js', '../messages/z.js']);
  });
});
