import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
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
    throw new InputError([{
      file, ...at(deep.offset), severity: 'error',
      message: `nesting deeper than ${deep.depth - 1} levels`,
      hint: 'An evidence file needs a handful of levels; check for runaway brackets or indentation.',
    }]);
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
    throw new InputError([{ file, line, column: col, severity: 'error', message: 'the file holds more than one YAML document', hint: 'Keep one document per evidence file; remove the `---` separator.' }]);
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
    return {
      file,
      line: pos?.line ?? 0,
      column: pos?.col ?? 0,
      severity: 'error',
      message: yamlMessage(e.code, e.message),
      hint: yamlHint(e.code),
    };
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws without a position for alias bombs and unresolved aliases.
    const msg = e instanceof Error ? e.message : String(e);
    const excessive = /alias/i.test(msg) && /count|excessive/i.test(msg);
    throw new InputError([{
      file, line: 0, column: 0, severity: 'error',
      message: excessive ? 'YAML aliases expand too much (possible "billion laughs" file)' : `YAML cannot be resolved: ${msg}`,
      hint: excessive ? 'Write the values out instead of using many nested aliases (*name).' : 'Check that every alias (*name) refers to an anchor (&name) defined before it.',
    }]);
  }
  return { source, doc, lineCounter, value };
}

function yamlMessage(code: string, message: string): string {
  // prettyErrors appends the offending line with a caret; keep only the first line of the message.
  const first = message.split('\n')[0] ?? message;
  const cleaned = first.replace(/ at line \d+, column \d+:?$/, '');
  return `YAML: ${cleaned}`;
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping; merge the two entries (the second would silently replace the first).';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation and the colon after each key.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A key cannot span several lines; check for a missing colon on the line above.';
    default:
      return undefined;
  }
}
