import evidenceSchema from '../../schema/evidence.schema.json' with { type: 'json' };
import type { Criterion, Rubric } from '../model/rubric.js';

type Json = Record<string, unknown>;

/** A calendar-shaped date: month 01–12, day 01–31 (the CLI checks the day against the month). */
const DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/**
 * The evidence schema an editor uses, made from the generic one and a rubric: every criterion id becomes a
 * property with its titles, points and what an auditor expects (hover and completion), ids the rubric does
 * not have are errors, n/a is offered only where the rubric allows exclusion, an evidence item takes a
 * file or a URL but not both, and dates must look like real dates. Pure: no file system.
 */
export function editorSchema(base: Json, rubric: Rubric, id: string): Json {
  const schema = structuredClone(base);
  schema.$id = id;
  schema.title = `${rubric.title['zh-CN']} — evidence file (aftersales-assess, rubric ${rubric.id} ${rubric.version})`;
  const defs = schema.definitions as Record<string, Json>;
  // patternErrorMessage and errorMessage are the wording editors (VS Code's JSON service) show instead of the regex.
  defs.date = {
    ...defs.date,
    pattern: DATE,
    description: 'YYYY-MM-DD（例如 2026-11-01）',
    patternErrorMessage: '日期须写成 YYYY-MM-DD，月为 01–12、日为 01–31 / a date written YYYY-MM-DD with a real month and day',
  };
  const item = defs.evidenceItem!;
  const both = 'file 和 url 只能选一个 / use either file or url, not both';
  // Written as if/then with a typed message: editors word a failed `not` only as "matches a schema that is
  // not allowed".
  item.if = { required: ['file'] };
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
  item.then = { properties: { url: { type: 'null', errorMessage: both } } };
  item.anyOf = [{ required: ['file'] }, { required: ['url'] }];
  item.markdownDescription =
    '一项可供审核员核查的证据：`file`（相对本文件的路径）或 `url`，二者选一。\n\nA document an auditor can check: a `file` (relative to this evidence file) or a `url`, not both.';

  const properties: Record<string, Json> = {};
  for (const section of rubric.sections)
    for (const clause of section.clauses) for (const c of clause.criteria) properties[c.id] = criterionProperty(c, `${clause.id} ${clause.title['zh-CN']}`);
  const props = schema.properties as Record<string, Json>;
  props.criteria = {
    ...props.criteria,
    properties,
    additionalProperties: false,
    markdownDescription: `每个评价项一条，键为编号（如 5.1.1.1）；未列出的评价项按“未评估”计。\n\nOne entry per criterion of ${rubric.title.en}, keyed by its id; a criterion left out is not assessed.`,
  };
  delete (props.criteria as Json).propertyNames;
  return schema;
}

function criterionProperty(c: Criterion, clause: string): Json {
  const status = c.notApplicable ? ['met', 'partial', 'not-met', 'n/a', null] : ['met', 'partial', 'not-met', null];
  const lines = [
    `**${c.id} ${c.title['zh-CN']}**（${c.points} 分 · ${clause}）`,
    '',
    `审核员期望：${c.expects['zh-CN']}`,
    ...(c.notApplicable ? ['', `可删减（n/a）：${c.notApplicable['zh-CN']}`] : []),
    ...(c.sampling ? ['', `抽样：${c.sampling['zh-CN']}`] : []),
    '',
    '---',
    '',
    `**${c.id} ${c.title.en}** (${c.points} points)`,
    '',
    `An auditor expects: ${c.expects.en}`,
    ...(c.notApplicable ? ['', `May be excluded (n/a): ${c.notApplicable.en}`] : []),
  ];
  return {
    title: `${c.id} ${c.title['zh-CN']} / ${c.title.en}`,
    description: `${c.title['zh-CN']}（${c.points} 分）— ${c.title.en}. ${c.expects.en}`,
    markdownDescription: lines.join('\n'),
    allOf: [{ $ref: '#/definitions/criterionEntry' }, { properties: { status: { enum: status } } }],
  };
}

/** Marks a schema file as ours, so `init` may refresh it and never touches anyone else's. */
export const SCHEMA_ID_PREFIX = 'urn:aftersales-assess:evidence:';

/** The editor schema of a rubric as the file `schema` and `init` write (stable bytes for the same rubric). */
export function schemaText(rubric: Rubric): string {
  return `${JSON.stringify(editorSchema(evidenceSchema, rubric, `${SCHEMA_ID_PREFIX}${rubric.id}:${rubric.version}`), null, 2)}\n`;
}
