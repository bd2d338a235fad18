import { fastWidth, withoutAnsi } from '../shared/fastWidth.js';
import { basename } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { BATCH_WORKER, runBatchWorker } from './batchAssess.js';
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { breakLines } from '../render/lineBreak.js';
import { AFTER_ERROR, HELP_TITLES, commanderError, optionDetails } from '../messages/commander.js';
import { loadBundledRubric } from '../validate/bundledRubric.js';
import { MAX_ERRORS } from '../load/parseYaml.js';
import { diag, InputError, type Diagnostic } from '../model/diagnostic.js';
import { LANGS, type Lang } from '../model/localized.js';
import { LEVEL_IDS, type LoadedRubric } from '../model/rubric.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { renderRubricTree } from './commands/rubricTree.js';
import { FORMATS, scoreCommand, type Format, type ScoreOptions } from './commands/score.js';
import { EXIT, type ExitCode } from './exitCodes.js';
import { usageMessage } from '../messages/usage.js';
import { shownEscaped } from '../shared/safeText.js';
import { UsageError } from '../model/usage.js';
import { ui } from '../messages/ui.js';
import { HELP_EXAMPLES, helpText } from '../messages/help.js';
import { detectTerminal } from './io.js';
import { TOOL } from './version.js';
import type { CommandContext } from './commands/context.js';
import type { DiffOptions } from './commands/diff.js';
import type { RecordsOptions } from './commands/records.js';
import type { SurveyOptions } from './commands/survey.js';
import type { ValidateOptions } from './commands/validate.js';

const stderrColor = detectTerminal(undefined, process.env, process.stderr).color;
/**
 * The language and annotation format of input errors, chosen once from the command line before commander
 * parses it (so that errors found while parsing, in any command, are worded the same way).
 */
interface Edge {
  lang: Lang;
  format: Format | undefined;
}
function edgeOf(argv: readonly string[]): Edge {
  const value = (name: string) => {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === name) return argv[i + 1];
      if (argv[i]!.startsWith(`${name}=`)) return argv[i]!.slice(name.length + 1);
    }
    return undefined;
  };
  const lang = value('--lang');
  const format = value('--format');
  return {
    lang: (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : 'zh-CN',
    format: format === 'github' || (format === undefined && process.env.GITHUB_ACTIONS === 'true' && argv.includes('score')) ? 'github' : undefined,
  };
}
async function printDiagnostics(edge: Edge, all: readonly Diagnostic[], format: Format | undefined = edge.format): Promise<void> {
  if (all.length === 0) return;
  // Never a flood: the first MAX_ERRORS, then one line for the rest.
  const ds =
    all.length > MAX_ERRORS + 1
      ? [...all.slice(0, MAX_ERRORS), diag('too-many-errors', { shown: MAX_ERRORS }, { file: all[0]!.file, line: 0, column: 0 })]
      : all;
  if (format === 'github') {
    const { renderGithubDiagnostics } = await import('../render/github.js');
    process.stdout.write(renderGithubDiagnostics(ds, edge.lang));
    return;
  }
  for (const d of ds) process.stderr.write(formatDiagnostic(d, stderrColor, edge.lang) + '\n');
}

async function rubricFrom(edge: Edge, path: string | undefined): Promise<LoadedRubric> {
  if (path === undefined) return loadBundledRubric();
  const { loadRubricFile } = await import('../validate/loadRubric.js');
  // The report names the rubric by file name and sha256: no absolute paths in the JSON.
  const { loaded, warnings } = loadRubricFile(path, basename(path));
  await printDiagnostics(edge, warnings);
  return loaded;
}

function buildProgram(edge: Edge, setExit: (code: ExitCode) => void): Command {
  const h = (en: string) => helpText(en, edge.lang);
  const langOption = () => new Option('--lang <lang>', h('report language')).choices(LANGS).default('zh-CN' as Lang);
  const rubricOption = () => new Option('--rubric <file>', h('score against another rubric YAML file (default: the bundled GB/T 27922-2011)'));
  const rubricFor = (path: string | undefined) => rubricFrom(edge, path);
  const context: CommandContext = { rubricFrom: rubricFor, printDiagnostics: (ds) => printDiagnostics(edge, ds) };
  const program = new Command('aftersales-assess')
    .description(h('Self-assessment and gap report for the GB/T 27922 after-sales service certification'))
    .version(TOOL.version, '-V, --version', h('output the version number'))
    .helpCommand('help [command]', h('display help for command'))
    .addHelpText('after', `\n${h('Exit codes: 0 ok · 1 below a threshold or regression · 2 invalid input or usage · 3 internal error')}`);

  program
    .command('score')
    .description(h('score evidence files and print the gap report (several files, folders or globs: a batch)'))
    .argument('<files...>', h('evidence YAML files, folders or glob patterns'))
    .addOption(new Option('--format <format>', h('output format (default: terminal; github when GITHUB_ACTIONS=true)')).choices(FORMATS))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--fail-under <score>', h('exit 1 when the final score is below this (0–100)'))
    .addOption(new Option('--min-level <level>', h('exit 1 when the level is below this')).choices(LEVEL_IDS))
    .option('--thresholds <file>', h('YAML file of thresholds: minScore, minLevel, sections, clauses, mustPass'))
    .option('--baseline <ref>', h('compare with a JSON report or a git revision of the evidence file'))
    .option('--fail-on-regression', h('with --baseline: exit 1 when the score or level dropped'))
    .option('--as-of <date>', h('judge expiry and evidence age as of this date (e.g. the audit day) and show what changes'))
    .option('--root <dir>', h("evidence root that cited files must stay inside (default: the evidence file's folder)"))
    .option('--out <file>', h('write the report to a file (atomically) instead of stdout'))
    .option('--out-dir <dir>', h("HTML batch: write each company's report into this folder, linked from the portfolio"))
    .option('--top <n>', h('gaps listed in terminal and markdown reports'), '10')
    .option('--gate-only', h('JUnit: only the gate (thresholds, --fail-under, --min-level, regression) fails a test; lost points are reported, not failed'))
    .option('--no-color', h('no ANSI colours (also NO_COLOR=1)'))
    .option('--ascii', h('ASCII borders and bars for terminals that draw box characters wide'))
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes'), String(1024 * 1024))
    .option('--font <file>', h('PDF: a TTF/OTF font with CJK glyphs instead of the bundled Noto Sans SC (FILE#Face for .ttc)'))
    .option('--font-bold <file>', h('PDF: the bold face (default: the --font file, or the bundled bold)'))
    .option('--brand <file>', h("PDF/HTML: YAML with the consultant's firm, consultant, contact and logo (PNG/JPEG)"))
    .option('--report-number <id>', h('PDF/HTML: the report number (default: from the assessment date and the evidence file)'))
    .option('--report-version <v>', h('PDF/HTML: the report version'), '1.0')
    .option('--final', h('PDF/HTML: issue the report as final (without it, every page is marked as a draft)'))
    .action(async (files: string[], opts: ScoreOptions & { rubric?: string }) => {
      const rubric = await rubricFor(opts.rubric);
      setExit(
        await scoreCommand(files, opts, rubric, {
          printDiagnostics: (ds, format) => void printDiagnostics(edge, ds, format),
          loadThresholds: async (file) => (await import('../validate/loadThresholds.js')).loadThresholdsFile(file, rubric.rubric),
        }),
      );
    });

  program
    .command('validate')
    .description(h('check an evidence file (YAML, schema, rubric rules) and the files it cites, without scoring'))
    .argument('<file>', h('evidence YAML file'))
    .addOption(rubricOption())
    .addOption(langOption())
    .option('--root <dir>', h("evidence root that cited files must stay inside (default: the evidence file's folder)"))
    .option('--no-files', h('do not check that cited files exist'))
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes'), String(1024 * 1024))
    .action(async (file: string, opts: ValidateOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExit(await validateCommand(file, opts, context));
    });

  program
    .command('diff')
    .description(h('compare two assessments; each side an evidence file (scored now) or a JSON report'))
    .argument('<base>', h('evidence YAML file or JSON report'))
    .argument('<head>', h('evidence YAML file or JSON report'))
    .addOption(new Option('--format <format>', h('output format')).choices(['terminal', 'json', 'markdown']).default('terminal'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--fail-on-regression', h('exit 1 when the score or level dropped'))
    .option('--no-color', h('no ANSI colours'))
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes (default 1 MiB; standard input, which may be a JSON report, 64 MiB)'))
    .action(async (base: string, head: string, opts: DiffOptions) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExit(await diffCommand(base, head, opts, context));
    });

  program
    .command('history')
    .description(h("score the evidence file at each commit that changed it or a file it cites (the repository's history as a trend)"))
    .argument('<file>', h('evidence YAML file in a git working tree'))
    .option('--since <date|rev>', h('start at this date (YYYY-MM-DD, commit date) or revision'))
    .option('--until <rev>', h('end at this revision (default: HEAD)'))
    .option('--every <n>', h('score every Nth commit (the first and the last always)'))
    .option('--monthly', h('score the last commit of each month (the first and the last always)'))
    .addOption(new Option('--format <format>', h('output format')).choices(['terminal', 'json', 'jsonl', 'markdown', 'html', 'pdf']).default('terminal'))
    .option('--out <file>', h('write to this file (atomically; never over an input) instead of standard output'))
    .option('--as-of <date>', h('add a projection: the last scored commit judged as of this date (the audit day)'))
    .option('--commit-url <template>', h('HTML: link each commit, {sha} replaced by its id (http(s) only), e.g. https://host/org/repo/commit/{sha}'))
    .option('--font <file>', h('PDF: a TTF/OTF font with CJK glyphs instead of the bundled Noto Sans SC (FILE#Face for .ttc)'))
    .option('--font-bold <file>', h('PDF: the bold face (default: the --font file, or the bundled bold)'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--root <dir>', h("evidence root that cited files must stay inside (default: the evidence file's folder)"))
    .option('--no-color', h('no ANSI colours'))
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes'), String(1024 * 1024))
    .action(async (file: string, opts: import('./commands/history.js').HistoryOptions) => {
      const { historyCommand } = await import('./commands/history.js');
      setExit(await historyCommand(file, opts, context));
    });

  program
    .command('init')
    .description(h('scaffold an evidence file for a new company: every criterion listed, none answered'))
    .argument('[dir]', h('folder to create it in'), '.')
    .option('--company <name>', h('company name'))
    .option('--date <date>', h('assessment date YYYY-MM-DD (default: today)'))
    .option('--file <name>', h('file name'), 'company.yaml')
    .option('--xlsx', h('write the evidence workbook company.xlsx (Excel/WPS) instead of company.yaml'))
    .addOption(langOption())
    .option('--industry <name>', h('an industry profile: its guidance as comments, company.industry set (industry list)'))
    .addOption(rubricOption())
    .action(async (dir: string, opts: { company?: string; date?: string; file: string; lang: Lang; rubric?: string; xlsx?: boolean; industry?: string }) => {
      const { initCommand } = await import('./commands/init.js');
      const { industryOption } = await import('./commands/industry.js');
      setExit(await initCommand(dir, opts, (await rubricFor(opts.rubric)).rubric, industryOption(opts.industry)));
    });

  program
    .command('convert')
    .description(h('convert an evidence file between YAML and the workbook (company.xlsx); checked first, comments not kept'))
    .argument('<file>', h('evidence file (YAML or XLSX)'))
    .addOption(new Option('--to <format>', h('what to write')).choices(['xlsx', 'yaml']).makeOptionMandatory())
    .option('--out <file>', h('file to write (default: FILE with the other extension, never replaced)'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes'), String(1024 * 1024))
    .action(async (file: string, opts: import('./commands/convert.js').ConvertOptions) => {
      const { convertCommand } = await import('./commands/convert.js');
      setExit(await convertCommand(file, opts, context));
    });

  program
    .command('audit-plan')
    .description(h('the mock audit: for every criterion scored by sampling, what the auditor samples, how many (our rule) and which, as a checklist'))
    .argument('<file>', h('evidence file (YAML or XLSX)'))
    .option('--seed <n>', h('seed of the draws (default: derived from the evidence file, printed to repeat it)'))
    .addOption(new Option('--format <format>', h('output format')).choices(['terminal', 'json', 'xlsx', 'html', 'pdf']).default('terminal'))
    .option('--out <file>', h('file to write (xlsx default: FILE.audit.xlsx beside it, never replaced)'))
    .option('--font <file>', h('PDF: a TTF/OTF font with CJK glyphs instead of the bundled Noto Sans SC (FILE#Face for .ttc)'))
    .option('--font-bold <file>', h('PDF: the bold face (default: the --font file, or the bundled bold)'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--root <dir>', h("evidence root that cited files must stay inside (default: the evidence file's folder)"))
    .option('--max-bytes <n>', h('refuse evidence files larger than this many bytes'), String(1024 * 1024))
    .action(async (file: string, opts: import('./commands/auditPlan.js').AuditPlanCliOptions) => {
      const { auditPlanCommand } = await import('./commands/auditPlan.js');
      setExit(await auditPlanCommand(file, opts, context));
    });

  program
    .command('survey')
    .description(h('analyse a customer-satisfaction survey export (CSV or XLSX); a second file is an earlier period'))
    .argument('<file>', h('survey export'))
    .argument('[previous]', h('an earlier period, for comparison (环比 / 同比)'))
    .addOption(new Option('--format <format>', h('output format')).choices(['terminal', 'json']).default('terminal'))
    .addOption(langOption())
    .option('--mapping <file>', h('YAML column mapping for exports with other headers'))
    .option('--themes <file>', h('YAML complaint themes added to (or replacing, by id) the bundled dictionary'))
    .option('--min-group <n>', h('responses a team or product line needs before it is judged'), String(10))
    .option('--encoding <enc>', h('CSV encoding: utf-8, gb18030, utf-16le (default: detected)'))
    .action(async (file: string, previous: string | undefined, opts: SurveyOptions) => {
      const { surveyCommand } = await import('./commands/survey.js');
      setExit(await surveyCommand(file, previous, opts));
    });

  program
    .command('records')
    .description(h('analyse service and complaint records (CSV or XLSX) against commitments and common benchmarks'))
    .argument('<file>', h('records export'))
    .addOption(new Option('--format <format>', h('output format')).choices(['terminal', 'json']).default('terminal'))
    .addOption(langOption())
    .option('--evidence <file>', h('evidence file whose `commitments` (response times, deadlines, holidays) apply'))
    .option('--as-of <date>', h('the analysis date for open items (default: the evidence assessment date; required without --evidence)'))
    .option('--holidays <file>', h('YAML holiday calendar replacing the bundled State Council notices'))
    .option('--repeat-window <days>', h('a repeat repair is a new repair ticket for the same order within this many days'), String(30))
    .option('--mapping <file>', h('YAML column mapping for exports with other headers'))
    .option('--encoding <enc>', h('CSV encoding: utf-8, gb18030, utf-16le (default: detected)'))
    .action(async (file: string, opts: RecordsOptions) => {
      const { recordsCommand } = await import('./commands/records.js');
      setExit(await recordsCommand(file, opts));
    });

  const rubric = program
    .command('rubric')
    .description(h('print the rubric as a tree (ids, titles, points)'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--expects', h('with what an auditor expects and the action for each criterion'))
    .option('--industry <name>', h("with --expects: an industry profile's guidance beside the generic (industry list)"))
    .action(async (opts: { lang: Lang; rubric?: string; expects?: boolean; industry?: string }) => {
      const { industryOption } = await import('./commands/industry.js');
      const industry = industryOption(opts.industry);
      process.stdout.write(renderRubricTree(await rubricFor(opts.rubric), opts.lang, { expects: Boolean(opts.expects), ...(industry ? { industry } : {}) }));
      setExit(EXIT.ok);
    });
  rubric
    .command('lint')
    .description(h('check a rubric file: schema, sums, ids, levels, references'))
    .argument('<file>', h('rubric YAML file'))
    .addOption(langOption())
    .action(async (file: string) => {
      const { loadRubricFile } = await import('../validate/loadRubric.js');
      const { warnings } = loadRubricFile(file);
      await printDiagnostics(edge, warnings);
      process.stdout.write(`${ui('rubricOk', edge.lang, { file })}\n`);
      setExit(EXIT.ok);
    });

  const industry = program.command('industry').description(h('industry profiles: what auditors expect in an industry, beside the generic guidance'));
  industry
    .command('list')
    .description(h('list the bundled industry profiles (the names company.industry takes)'))
    .addOption(langOption())
    .action(async (opts: { lang: Lang }) => {
      const { industryList } = await import('./commands/industry.js');
      process.stdout.write(industryList(opts.lang));
      setExit(EXIT.ok);
    });
  industry
    .command('lint')
    .description(h('check an industry profile file: schema, criterion ids, cited sources'))
    .argument('<file>', h('industry profile YAML file'))
    .addOption(langOption())
    .addOption(rubricOption())
    .action(async (file: string, opts: { rubric?: string }) => {
      const { loadIndustryFile } = await import('../validate/loadIndustry.js');
      loadIndustryFile(file, (await rubricFor(opts.rubric)).rubric);
      process.stdout.write(`${ui('rubricOk', edge.lang, { file })}\n`);
      setExit(EXIT.ok);
    });

  program
    .command('schema')
    .description(h('print the evidence file JSON Schema for editors: every criterion of the rubric with its titles and what auditors expect'))
    .addOption(rubricOption())
    .addOption(langOption())
    .option('--out <file>', h('write it to a file'))
    .action(async (opts: { out?: string; rubric?: string }) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(await schemaCommand((await rubricFor(opts.rubric)).rubric, opts));
    });

  program
    .command('completion')
    .description(h('print a shell completion script (bash, zsh or fish)'))
    .addArgument(new Argument('<shell>', h('the shell')).choices(['bash', 'zsh', 'fish']))
    .addOption(langOption())
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./completion.js');
      process.stdout.write(completionScript(program, shell));
      setExit(EXIT.ok);
    });

  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) localizeCommander(c, edge.lang, h);
  for (const c of program.commands) {
    const example = HELP_EXAMPLES[c.name()];
    if (example) c.addHelpText('after', `\n${example[edge.lang]}`);
  }
  return program;
}

/** Commander's headings, option details and parse errors in the user's language; CJK measured as two columns. */
function localizeCommander(c: Command, lang: Lang, h: (en: string) => string): void {
  c.helpOption('-h, --help', h('display help for command'));
  c.showHelpAfterError(AFTER_ERROR[lang]);
  c.configureOutput({ outputError: (text, write) => write(commanderError(text, lang)) });
  // Defaults are shown as the user types them (10, zh-CN), not as JSON strings ("10").
  for (const o of c.options) if (typeof o.defaultValue === 'string' && o.defaultValueDescription === undefined) o.defaultValueDescription = o.defaultValue;
  c.configureHelp({
    styleTitle: (title: string) => (lang === 'en' ? title : (HELP_TITLES[title] ?? title)),
    optionDescription(this: Help, option: Option) {
      return optionDetails(Help.prototype.optionDescription.call(this, option), lang);
    },
    argumentDescription(this: Help, argument) {
      return optionDetails(Help.prototype.argumentDescription.call(this, argument), lang);
    },
    displayWidth: helpWidth,
    // Commander breaks only at spaces; Chinese needs breaks between characters and 避头尾.
    boxWrap: (text: string, width: number) =>
      text
        .split('\n')
        .flatMap((line) => breakLines(line, width, helpWidth))
        .join('\n'),
  });
}

/** Help text is ASCII and CJK; anything else counts a column per code point (help is not worth string-width's start-up). */
function helpWidth(text: string): number {
  const s = withoutAnsi(text);
  return fastWidth(s) ?? [...s].length;
}

export async function run(argv: string[]): Promise<ExitCode> {
  // The language and format of errors are decided here, once, and passed down explicitly.
  const edge = edgeOf(argv);
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(edge, (c) => (code = c));
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    if (e instanceof InputError) {
      await printDiagnostics(edge, e.diagnostics);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`${ui('errorsCount', edge.lang, { n, s: n === 1 ? '' : 's' })}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`aftersales-assess: ${usageMessage(e.code, shownArgs(e.args), edge.lang)}\n`);
      return EXIT.invalidInput;
    }
    const detail = (process.env.AFTERSALES_DEBUG ? ((e as Error).stack ?? String(e)) : ((e as Error)?.message ?? String(e)))
      .split('\n')
      .map(shownEscaped)
      .join('\n');
    process.stderr.write(
      `aftersales-assess: internal error: ${detail}\nThis is a bug; please report it with the input that caused it (set AFTERSALES_DEBUG=1 for a stack trace).\n`,
    );
    return EXIT.internal;
  }
}

/**
 * A usage error's arguments as a terminal may show them: a file name, revision or a font's table tag is the
 * user's (or a file's) text, and any control or bidi character in it is written out escaped.
 */
function shownArgs<A>(args: A): A {
  const show = (v: unknown): unknown => (typeof v === 'string' ? shownEscaped(v) : Array.isArray(v) ? v.map(show) : v);
  return Object.fromEntries(Object.entries(args as Record<string, unknown>).map(([k, v]) => [k, show(v)])) as A;
}

// A reader that stops early (`| head`) closes the pipe: end quietly with the exit code already decided,
// instead of a stack trace and the "below threshold" code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}
// A worker thread of a large batch (cli/batchAssess.ts) loads this same bundle and only assesses files.
if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === BATCH_WORKER) {
  void runBatchWorker();
} else {
  // Not a top-level await: the bundle is CommonJS (see scripts/build.mjs).
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
