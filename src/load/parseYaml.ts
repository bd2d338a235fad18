import { Composer, LineCounter, Parser, type CST, type Document } from 'yaml';
import { InputError, type Diagnostic, diag } from '../model/diagnostic.js';
import { checkCst } from './depthGuard.js';
import type { Source } from './readSource.js';

export interface ParsedYaml {
  source: Source;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, ready for schema validation. */
  value: unknown;
}

/** A broken file reports this many problems, then how many more: enough to fix, never a flood. */
export const MAX_ERRORS = 100;

/** Error tokens inside a flow collection (`[` `]` soup): counted without composing. */
function collectionErrors(token: CST.Token): number {
  let n = 0;
  const stack: CST.Token[] = [token];
  while (stack.length > 0 && n <= MAX_ERRORS) {
    const t = stack.pop()!;
    if (t.type === 'error') n++;
    else if (t.type === 'document') {
      if (t.value) stack.push(t.value);
      for (const e of t.end ?? []) if ((e as { type: string }).type === 'error') n++;
    } else if (t.type === 'flow-collection' || t.type === 'block-map' || t.type === 'block-seq') {
      for (const it of t.items as Array<{ start?: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token }>) {
        for (const s of [...(it.start ?? []), ...(it.sep ?? [])]) if ((s as { type: string }).type === 'error') n++;
        if (it.key) stack.push(it.key);
        if (it.value) stack.push(it.value);
      }
      if (t.type === 'flow-collection') for (const e of t.end ?? []) if ((e as { type: string }).type === 'error') n++;
    }
  }
  return n;
}

/** Aliases are rare in evidence files; this bounds "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;

/** YAML text -> document with positions; every syntax problem is reported at once as a Diagnostic. */
export function parseYaml(source: Source): ParsedYaml {
  const { file, text } = source;
  const lineCounter = new LineCounter();
  // The LineCounter learns line starts as the parser goes, which is always ahead of the offsets asked about.
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // Parse to tokens once: the guard walks them, then the composer builds the document from them. A file
  // that is mostly syntax errors (500 000 stray `]`) is refused after the first MAX_ERRORS, before composing.
  const tokens: CST.Token[] = [];
  const syntax: Diagnostic[] = [];
  let moreErrors = 0;
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
    if (token.type === 'error') {
      if (syntax.length < MAX_ERRORS) syntax.push(diag('yaml-syntax', { code: 'SYNTAX', detail: yamlDetail(token.message) }, { file, ...at(token.offset) }));
      else moreErrors++;
      continue;
    }
    tokens.push(token);
    if (collectionErrors(token) > MAX_ERRORS) {
      syntax.push(diag('too-many-errors', { shown: syntax.length }, { file, ...at(token.offset) }));
      throw new InputError(syntax);
    }
  }
  if (moreErrors > 0) {
    syntax.push(diag('too-many-errors', { shown: syntax.length }, { file, line: 0, column: 0 }));
    throw new InputError(syntax);
  }
  const bad = checkCst(tokens);
  if (bad) {
    const where = { file, ...at(bad.offset) };
    throw new InputError([
      bad.kind === 'too-deep'
        ? diag('too-deep', { depth: bad.depth - 1 }, where)
        : bad.kind === 'too-many-items' || bad.kind === 'too-many-values'
          ? diag('too-many-entries', { limit: bad.limit }, where)
          : diag('too-many-aliases', { limit: bad.limit }, where),
    ]);
  }

  const composer = new Composer({
    // Unquoted keys such as 5.1 or 1.10 would otherwise become floats and collide.
    stringKeys: true,
    uniqueKeys: true,
    prettyErrors: true,
    logLevel: 'error',
  });
  const docs = [...composer.compose(tokens, true, text.length)];
  // compose(…, forceDoc = true) yields at least one document, even for an empty file.
  const doc = docs[0]!;
  if (docs.length > 1) {
    const second = docs[1]!;
    const { line, col } = lineCounter.linePos(second.range[0]);
    throw new InputError([diag('multiple-documents', {}, { file, line, column: col })]);
  }
  // prettyErrors adds line and column to each error from the LineCounter; the Composer path must do it itself.
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (!e.linePos) {
      const start = lineCounter.linePos(e.pos[0]);
      e.linePos = [start];
    }
  }

  const diagnostics: Diagnostic[] = [
    ...syntax,
    ...[...doc.errors, ...doc.warnings].slice(0, MAX_ERRORS).map((e) => {
      const pos = e.linePos?.[0];
      return diag('yaml-syntax', { code: e.code, detail: yamlDetail(e.message) }, { file, line: pos?.line ?? 0, column: pos?.col ?? 0 });
    }),
  ];
  if (doc.errors.length + doc.warnings.length > MAX_ERRORS) diagnostics.push(diag('too-many-errors', { shown: MAX_ERRORS }, { file, line: 0, column: 0 }));
  if (diagnostics.length > 0) throw new InputError(diagnostics);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws without a position for alias bombs and unresolved aliases.
    const msg = e instanceof Error ? e.message : String(e);
    const excessive = /alias/i.test(msg) && /count|excessive/i.test(msg);
    throw new InputError([
      excessive ? diag('alias-expansion', {}, { file, line: 0, column: 0 }) : diag('alias-unresolved', { detail: msg }, { file, line: 0, column: 0 }),
    ]);
  }
  return { source, doc, lineCounter, value };
}

/** yaml's own English text, first line only (the rest repeats the source with a caret). */
function yamlDetail(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
