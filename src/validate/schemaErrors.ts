import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model/diagnostic.js';
import { locate, pointerSegments, sourceTextAt } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { didYouMean } from './didYouMean.js';
import { diag } from '../messages/diagnostics.js';

type Json = Record<string, unknown>;

/**
 * ajv errors -> positioned, plain-language diagnostics. ajv reports one error per failed keyword,
 * several of which describe one mistake (anyOf branches, if/then); these are folded into one.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], parsed: ParsedYaml, schema: Json): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anyOfFolded = foldAnyOf(errors);
  for (const err of anyOfFolded) {
    const d = describe(err, parsed, schema);
    if (d && !out.some((o) => o.line === d.line && o.column === d.column && o.message === d.message)) out.push(d);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Keeps the branch of an anyOf whose type matches the data; all-`required` branches become one error. */
function foldAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return errors.filter((e) => e.keyword !== 'if');
  const drop = new Set<ErrorObject>();
  const extra: ErrorObject[] = [];
  for (const a of anyOfs) {
    const prefix = a.schemaPath.replace(/\/anyOf$/, '/anyOf/');
    const branchErrors = errors.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(a.instancePath));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    branchErrors.forEach((e) => drop.add(e));
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
    else errors.filter((e) => !e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(a.instancePath) && e !== a).forEach((e) => drop.delete(e));
  }
  return [...errors.filter((e) => !drop.has(e) && e.keyword !== 'if'), ...extra];
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
      const allowed = allowedProperties(schema, err.schemaPath);
      return diag('unknown-property', { where, name, guess: didYouMean(name, allowed), allowed }, pos([...where, name], 'key'));
    }
    case 'enum':
      return diag('not-one-of', { where, values: (p.allowedValues as unknown[]).filter((v) => v !== null).map(String) }, pos());
    case 'const':
      return diag('must-equal', { where, value: JSON.stringify(p.allowedValue) }, pos());
    case 'type': {
      const expected = String(p.type).split(/\s*(?:,|or)\s*/).filter(Boolean);
      const typed = sourceTextAt(parsed, where);
      const numberForString = expected.includes('string') && typed !== null && /^[\d.+-]+$/.test(typed) ? typed : null;
      return diag('wrong-type', { where, expected, typed: numberForString }, pos());
    }
    case 'pattern':
      return diag('bad-format', { where, format: patternFormat(err.schemaPath) }, pos());
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return diag('out-of-range', { where, bound: err.keyword === 'maximum' ? 'max' : err.keyword === 'minimum' ? 'min' : 'above', limit: Number(p.limit) }, pos());
    case 'minLength':
      return diag('empty', { where }, pos());
    case 'minItems':
      return diag('too-few-items', { where, limit: Number(p.limit) }, pos());
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

/** The property names the schema allows at the object whose `additionalProperties` failed. */
function allowedProperties(schema: Json, schemaPath: string): string[] {
  const parentPath = schemaPath.replace(/^#/, '').replace(/\/?additionalProperties$/, '');
  let node: unknown = schema;
  for (const seg of parentPath.split('/').filter(Boolean)) {
    node = (node as Json | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const props = (node as Json | undefined)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}
