import type { ErrorObject } from 'ajv';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { locate, pointerSegments, sourceTextAt } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { didYouMean } from '../shared/didYouMean.js';
import { MAX_ERRORS } from '../load/parseYaml.js';

type Json = Record<string, unknown>;

/**
 * ajv errors -> positioned, plain-language diagnostics. ajv reports one error per failed keyword,
 * several of which describe one mistake (anyOf branches, if/then); these are folded into one.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], parsed: ParsedYaml, schema: Json): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const folded = foldAnyOf(errors);
  // Beyond this many distinct problems a person fixes the first ones and runs again; describing more
  // only costs time and memory (a broken 1 MiB file can yield hundreds of thousands of errors).
  let described = 0;
  for (const err of folded) {
    if (described >= DESCRIBE_LIMIT) break;
    const d = describe(err, parsed, schema);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.code}:${JSON.stringify(d.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
    described++;
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  const shown = out.slice(0, MAX_ERRORS);
  if (folded.length > shown.length && out.length > MAX_ERRORS)
    shown.push(diag('too-many-errors', { shown: MAX_ERRORS }, { file: parsed.source.file, line: 0, column: 0 }));
  return shown;
}

const DESCRIBE_LIMIT = 1000;

/**
 * Keeps the branch of an anyOf whose type matches the data; all-`required` branches become one error.
 * Errors are indexed by instance path, so the work is linear in the number of errors.
 */
function foldAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return errors.filter((e) => e.keyword !== 'if');
  // Every error under each ancestor instance path (an error at /a/b/c is under /a/b/c, /a/b, /a and '').
  const under = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    let p = e.instancePath;
    for (;;) {
      const list = under.get(p);
      if (list) list.push(e);
      else under.set(p, [e]);
      if (p === '') break;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
  const drop = new Set<ErrorObject>();
  const keep = new Set<ErrorObject>();
  const extra: ErrorObject[] = [];
  for (const a of anyOfs) {
    const prefix = a.schemaPath.replace(/\/anyOf$/, '/anyOf/');
    const nearby = under.get(a.instancePath) ?? [];
    const branchErrors = nearby.filter((e) => e.schemaPath.startsWith(prefix));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      const list = byBranch.get(branch);
      if (list) list.push(e);
      else byBranch.set(branch, [e]);
    }
    for (const e of branchErrors) drop.add(e);
    drop.add(a);
    const all = [...byBranch.values()];
    if (all.length > 0 && all.every((es) => es.length === 1 && es[0]!.keyword === 'required' && es[0]!.instancePath === a.instancePath)) {
      const names = all.map((es) => String(es[0]!.params.missingProperty));
      extra.push({ ...a, keyword: 'required-one-of', params: { names } });
      continue;
    }
    const wrongType = (es: ErrorObject[]) => es.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath);
    const viable = all.filter((es) => !wrongType(es));
    const types = all.flatMap((es) => es.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)));
    if (viable.length > 0) extra.push(...viable[0]!);
    else if (types.length > 0) extra.push({ ...a, keyword: 'type', params: { type: types.join(' or ') } });
    // Branches behind a $ref report under the definition's path and cannot be told apart: keep them as they are.
    else for (const e of nearby) if (!e.schemaPath.startsWith(prefix) && e !== a) keep.add(e);
  }
  return [...errors.filter((e) => (!drop.has(e) || keep.has(e)) && e.keyword !== 'if'), ...extra];
}

function describe(err: ErrorObject, parsed: ParsedYaml, schema: Json): Diagnostic | null {
  const where = pointerSegments(err.instancePath);
  const file = parsed.source.file;
  const pos = (path: string[] = where, at: 'key' | 'value' = 'value') => ({ file, ...locate(parsed, path, at) });
  const p = err.params as Record<string, unknown>;

  if ((err as { propertyName?: string }).propertyName !== undefined || err.keyword === 'propertyNames') {
    if (err.keyword === 'propertyNames') return null;
    const name = String((err as { propertyName?: string }).propertyName);
    return diag('invalid-key', { where, name }, pos([...where, name], 'key'));
  }
  switch (err.keyword) {
    case 'required':
      return diag('missing-property', { where, name: String(p.missingProperty) }, pos(where, 'key'));
    case 'required-one-of':
      return diag('needs-one-of', { where, names: p.names as string[] }, pos(where, 'key'));
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = allowedProperties(schema, where);
      return diag('unknown-property', { where, name, guess: didYouMean(name, allowed), allowed }, pos([...where, name], 'key'));
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).filter((v) => v !== null).map(String);
      const typed = sourceTextAt(parsed, where);
      return diag('not-one-of', { where, values, guess: typed ? didYouMean(typed.replace(/^['"]|['"]$/g, ''), values) : null }, pos());
    }
    case 'const':
      return diag('must-equal', { where, value: JSON.stringify(p.allowedValue) }, pos());
    case 'type': {
      const expected = String(p.type)
        .split(/\s*(?:,|or)\s*/)
        .filter(Boolean);
      const typed = sourceTextAt(parsed, where);
      const numberForString = expected.includes('string') && typed !== null && /^[\d.+-]+$/.test(typed) ? typed : null;
      return diag('wrong-type', { where, expected, typed: numberForString }, pos());
    }
    case 'pattern':
      return diag('bad-format', { where, format: patternFormat(err.schemaPath) }, pos());
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return diag(
        'out-of-range',
        { where, bound: err.keyword === 'maximum' ? 'max' : err.keyword === 'minimum' ? 'min' : 'above', limit: Number(p.limit) },
        pos(),
      );
    case 'minLength':
      return diag('empty', { where }, pos());
    case 'minItems':
      return diag('too-few-items', { where, limit: Number(p.limit) }, pos());
    case 'maxItems':
    case 'maxProperties':
      return diag('too-many-items', { where, limit: Number(p.limit) }, pos());
    default:
      return diag('schema-other', { where, detail: err.message ?? 'is invalid' }, pos());
  }
}

function patternFormat(schemaPath: string): 'date' | 'url' | 'sha256' | 'id' | 'other' {
  if (schemaPath.includes('/date/')) return 'date';
  if (schemaPath.includes('/url/')) return 'url';
  if (schemaPath.includes('/sha256/')) return 'sha256';
  if (schemaPath.includes('/clause/') || schemaPath.includes('/id/') || schemaPath.includes('/mustPass/')) return 'id';
  return 'other';
}

/** The property names the schema allows at the object at `where`, following the instance path through the schema. */
function allowedProperties(schema: Json, where: readonly string[]): string[] {
  const deref = (node: unknown): Json | undefined => {
    let n = node as Json | undefined;
    for (let i = 0; i < 10 && n && typeof n.$ref === 'string'; i++) {
      n = String(n.$ref)
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((x, seg) => (x as Json | undefined)?.[seg], schema) as Json | undefined;
    }
    return n;
  };
  let node = deref(schema);
  for (const seg of where) {
    if (!node) return [];
    const props = node.properties as Json | undefined;
    if (props && seg in props) node = deref(props[seg]);
    else if (node.items && /^\d+$/.test(seg)) node = deref(node.items);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = deref(node.additionalProperties);
    else if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
      const branch = ((node.anyOf ?? node.oneOf) as unknown[])
        .map(deref)
        .find((b) => b?.type === 'array' || (b?.properties as Json | undefined)?.[seg] !== undefined);
      node = branch?.type === 'array' ? deref(branch.items) : deref((branch?.properties as Json | undefined)?.[seg]);
    } else return [];
  }
  const props = node?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}
