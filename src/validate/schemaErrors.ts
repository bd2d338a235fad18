import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model/diagnostic.js';
import { locate, pointerSegments, sourceTextAt } from '../load/locate.js';
import type { ParsedYaml } from '../load/parseYaml.js';
import { didYouMean } from './didYouMean.js';

type Json = Record<string, unknown>;

/**
 * ajv errors -> positioned, plain-language diagnostics. ajv reports one error per failed keyword,
 * several of which describe one mistake (anyOf branches, if/then); these are folded into one.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], parsed: ParsedYaml, schema: Json): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anyOfFolded = foldAnyOf(errors, parsed);
  for (const err of anyOfFolded) {
    const d = describe(err, parsed, schema);
    if (d && !out.some((o) => o.line === d.line && o.column === d.column && o.message === d.message)) out.push(d);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Keeps the branch of an anyOf whose type matches the data; all-`required` branches become one error. */
function foldAnyOf(errors: readonly ErrorObject[], parsed: ParsedYaml): ErrorObject[] {
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
  void parsed;
  return [...errors.filter((e) => !drop.has(e) && e.keyword !== 'if'), ...extra];
}

function describe(err: ErrorObject, parsed: ParsedYaml, schema: Json): Diagnostic | null {
  const segs = pointerSegments(err.instancePath);
  const file = parsed.source.file;
  const where = segs.length ? `\`${segs.join('.')}\`` : 'the top level';
  const make = (message: string, hint?: string, at: 'key' | 'value' = 'value', path = segs): Diagnostic => ({
    file, ...locate(parsed, path, at), severity: 'error', message, ...(hint ? { hint } : {}),
  });
  const p = err.params as Record<string, unknown>;

  if ((err as { propertyName?: string }).propertyName !== undefined || err.keyword === 'propertyNames') {
    if (err.keyword === 'propertyNames') return null;
    const name = String((err as { propertyName?: string }).propertyName);
    return make(`${where}: \`${name}\` is not a valid criterion id`, 'Criterion ids are dotted numbers such as 5.1.1.1; list them with `aftersales-assess rubric`.', 'key', [...segs, name]);
  }
  switch (err.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return make(`${where} is missing the required property \`${name}\``, requiredHint(segs, name), 'key');
    }
    case 'required-one-of': {
      const names = (p.names as string[]).map((n) => `\`${n}\``).join(' or ');
      return make(`${where} needs ${names}`, 'Cite a file relative to the evidence file (file: docs/x.pdf) or a web page (url: https://…).', 'key');
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = allowedProperties(schema, err.schemaPath);
      const guess = didYouMean(name, allowed);
      const hint = guess ? `Did you mean \`${guess}\`?` : allowed.length ? `Allowed here: ${allowed.join(', ')}.` : undefined;
      return make(`${where}: unknown property \`${name}\``, hint, 'key', [...segs, name]);
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).filter((v) => v !== null).join(', ');
      return make(`${where} must be one of: ${values}`, undefined);
    }
    case 'const':
      return make(`${where} must be ${JSON.stringify(p.allowedValue)}`);
    case 'type': {
      const expected = String(p.type);
      const typed = sourceTextAt(parsed, segs);
      const hint = expected.includes('string') && typed !== null && /^[\d.+-]+$/.test(typed)
        ? `YAML reads ${typed} as a number; quote it: '${typed}'.`
        : undefined;
      return make(`${where} must be ${article(expected)}`, hint);
    }
    case 'pattern':
      return make(...patternMessage(err.schemaPath, where));
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return make(`${where} must be ${err.keyword === 'maximum' ? 'at most' : err.keyword === 'minimum' ? 'at least' : 'more than'} ${String(p.limit)}`);
    case 'minLength':
      return make(`${where} must not be empty`);
    case 'minItems':
      return make(`${where} must have at least ${String(p.limit)} item(s)`);
    default:
      return make(`${where} ${err.message ?? 'is invalid'}`);
  }
}

function patternMessage(schemaPath: string, where: string): [string, string?] {
  if (schemaPath.includes('/date/')) return [`${where} must be a date written YYYY-MM-DD`, 'For example 2026-11-01.'];
  if (schemaPath.includes('/url/')) return [`${where} must be a web address starting with http:// or https://`];
  if (schemaPath.includes('/sha256/')) return [`${where} must be a SHA-256 digest (64 hexadecimal digits)`, 'Compute it with `sha256sum FILE`.'];
  if (schemaPath.includes('/clause/') || schemaPath.includes('/id/')) return [`${where} must be a dotted clause id such as 5.3.2`];
  return [`${where} has an invalid format`];
}

function requiredHint(segs: string[], name: string): string | undefined {
  const path = [...segs, name].join('.');
  const hints: Record<string, string> = {
    schemaVersion: 'Add `schemaVersion: 1` at the top of the file.',
    company: 'Add `company: { name: 你的公司名称 }`.',
    'company.name': 'Add the registered company name: `name: …`.',
    assessment: 'Add `assessment: { date: 2026-11-01 }` — the as-of date of the assessment.',
    'assessment.date': 'Add `date: YYYY-MM-DD`, the as-of date against which expiry is judged.',
  };
  if (hints[path]) return hints[path];
  if (name === 'justification') return 'Say why the criterion does not apply, e.g. `justification: 软件产品，无实物回收`.';
  return undefined;
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

function article(type: string): string {
  // ajv gives union types as "object,array".
  if (/[, ]/.test(type)) return type.split(/\s*(?:,|or)\s*/).filter(Boolean).map(article).join(' or ');
  if (type === 'object') return 'a mapping (key: value)';
  if (type === 'array') return 'a list (- item)';
  if (type === 'integer') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
