import { basename } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import evidenceSchema from '../../schema/evidence.schema.json' with { type: 'json' };
import { loadBundledRubric } from '../load/bundledRubric.js';
import { loadEvidenceFile } from '../load/loadEvidence.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { LANGS, type Lang } from '../model/localized.js';
import type { LoadedRubric } from '../model/rubric.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { renderRubricTree } from './commands/rubricTree.js';
import { scoreCommand, type ScoreOptions } from './commands/score.js';
import { EXIT, UsageError, type ExitCode } from './exitCodes.js';
import { detectTerminal } from './io.js';
import { TOOL } from './version.js';

const stderrColor = detectTerminal(undefined, process.env, process.stderr).color;
const printDiagnostics = (ds: readonly Diagnostic[]) => {
  for (const d of ds) process.stderr.write(formatDiagnostic(d, stderrColor) + '\n');
};

async function rubricFrom(path: string | undefined): Promise<LoadedRubric> {
  if (path === undefined) return loadBundledRubric();
  const { loadRubricFile } = await import('../load/loadRubric.js');
  // The report names the rubric by file name and sha256: no absolute paths in the JSON.
  const { loaded, warnings } = loadRubricFile(path, basename(path));
  printDiagnostics(warnings);
  return loaded;
}

const langOption = () => new Option('--lang <lang>', 'report language').choices(LANGS).default('zh-CN' as Lang);
const rubricOption = () => new Option('--rubric <file>', 'score against another rubric YAML file (default: the bundled GB/T 27922-2011)');

function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('aftersales-assess')
    .description('Self-assessment and gap report for the GB/T 27922 after-sales service certification')
    .version(TOOL.version)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `
Exit codes: 0 ok · 1 below --fail-under / --min-level · 2 invalid input or usage · 3 internal error`);

  program
    .command('score')
    .description('score an evidence file and print the gap report')
    .argument('<file>', 'evidence YAML file')
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .addOption(langOption())
    .addOption(rubricOption())
    .option('--fail-under <score>', 'exit 1 when the final score is below this (0–100)')
    .addOption(new Option('--min-level <level>', 'exit 1 when the level is below this').choices(['fail', 'compliant', 'three-star', 'four-star', 'five-star']))
    .option('--as-of <date>', 'judge expiry as of this date instead of assessment.date (YYYY-MM-DD)')
    .option('--root <dir>', 'evidence root that cited files must stay inside (default: the evidence file\'s folder)')
    .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--top <n>', 'gaps listed in the terminal report', '10')
    .option('--no-color', 'no ANSI colours (also NO_COLOR=1)')
    .option('--ascii', 'ASCII borders and bars for terminals that draw box characters wide')
    .option('--max-bytes <n>', 'refuse evidence files larger than this many bytes', String(1024 * 1024))
    .action(async (file: string, opts: ScoreOptions & { rubric?: string }) => {
      setExit(await scoreCommand(file, opts, await rubricFrom(opts.rubric), printDiagnostics));
    });

  program
    .command('validate')
    .description('check an evidence file (YAML, schema, rubric rules) without scoring')
    .argument('<file>', 'evidence YAML file')
    .addOption(rubricOption())
    .action(async (file: string, opts: { rubric?: string }) => {
      const { warnings } = loadEvidenceFile(file, (await rubricFrom(opts.rubric)).rubric);
      printDiagnostics(warnings);
      process.stdout.write(`${file}: valid\n`);
      setExit(EXIT.ok);
    });

  const rubric = program
    .command('rubric')
    .description('print the rubric as a tree (ids, titles, points)')
    .addOption(langOption())
    .addOption(rubricOption())
    .action(async (opts: { lang: Lang; rubric?: string }) => {
      process.stdout.write(renderRubricTree(await rubricFrom(opts.rubric), opts.lang));
      setExit(EXIT.ok);
    });
  rubric
    .command('lint')
    .description('check a rubric file: schema, sums, ids, levels, references')
    .argument('<file>', 'rubric YAML file')
    .action(async (file: string) => {
      const { loadRubricFile } = await import('../load/loadRubric.js');
      const { warnings } = loadRubricFile(file);
      printDiagnostics(warnings);
      process.stdout.write(`${file}: ok\n`);
      setExit(EXIT.ok);
    });

  program
    .command('schema')
    .description('print the evidence file JSON Schema (for editors and other tools)')
    .action(() => {
      process.stdout.write(JSON.stringify(evidenceSchema, null, 2) + '\n');
      setExit(EXIT.ok);
    });

  return program;
}

export async function run(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  program.exitOverride();
  program.commands.forEach((c) => c.exitOverride());
  program.commands.flatMap((c) => c.commands).forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    if (e instanceof InputError) {
      printDiagnostics(e.diagnostics);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`${n} error${n === 1 ? '' : 's'}; nothing was scored.\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`aftersales-assess: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    const detail = process.env.AFTERSALES_DEBUG ? ((e as Error).stack ?? String(e)) : (e as Error)?.message ?? String(e);
    process.stderr.write(`aftersales-assess: internal error: ${detail}\nThis is a bug; please report it with the input that caused it (set AFTERSALES_DEBUG=1 for a stack trace).\n`);
    return EXIT.internal;
  }
}

process.exitCode = await run(process.argv);
