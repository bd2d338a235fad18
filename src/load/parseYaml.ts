import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { diag } from '../messages/diagnostics.js';
import { findExcessiveNesting } from './depthGuard.js';
import type { Source } from './readSource.js';

export interface ParsedYaml {
  source: Source;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, ready for schema validation. */
  value: unknown;
}

/** Aliases are rare in evidence files; this bounds "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;

/** YAML text -> document with positions; every syntax problem is reported at once as a Diagnostic. */
export function parseYaml(source: Source): ParsedYaml {
  const { file, text } = source;
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    // LineCounter only learns lines during parsing; compute from the text for the pre-parse guard.
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };

  // Parse to tokens once: the depth guard walks them, then the composer builds the document from them.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = findExcessiveNesting(tokens);
  if (deep) {
    throw new InputError([diag('too-deep', { depth: deep.depth - 1 }, { file, ...at(deep.offset) })]);
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

  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0];
    return diag('yaml-syntax', { code: e.code, detail: yamlDetail(e.message) }, { file, line: pos?.line ?? 0, column: pos?.col ?? 0 });
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws without a position for alias bombs and unresolved aliases.
    const msg = e instanceof Error ? e.message : String(e);
    const excessive = /alias/i.test(msg) && /count|excessive/i.test(msg);
    throw new InputError([excessive ? diag('alias-expansion', {}, { file, line: 0, column: 0 }) : diag('alias-unresolved', { detail: msg }, { file, line: 0, column: 0 })]);
  }
  return { source, doc, lineCounter, value };
}

/** yaml's own English text, first line only (the rest repeats the source with a caret). */
function yamlDetail(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
