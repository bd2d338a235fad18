import type { Command, Option } from 'commander';

/**
 * Shell completion scripts generated from the commander program itself, so a new command, option or
 * choice completes without anyone editing a script: subcommands, each command's options, the values of
 * options and arguments with choices (--format, --lang, --min-level, `completion <shell>`), file or folder
 * names where a path is asked for (by its placeholder: <file>, <dir>, <ref>), and nothing after an option
 * that takes a number, a date or a name (--fail-under, --as-of, --top), where a file name would be wrong.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value or an argument completes to: its choices, paths, or nothing. */
type Values = { choices: string[] } | 'files' | 'dirs' | 'none';

interface Spec {
  path: string[];
  description: string;
  options: Array<{ flags: string[]; takesValue: boolean; values: Values; description: string }>;
  subcommands: string[];
  /** The command's positional arguments (the first one's kind: enough for every command here). */
  args: Values;
}

/** By the placeholder the help shows: `--out <file>`, `--root <dir>`, `--baseline <ref>` (a report file or a git revision). */
function pathKind(placeholder: string | undefined): Values {
  if (!placeholder) return 'none';
  if (/dir/.test(placeholder)) return 'dirs';
  return /file|ref|path|base|head|previous/.test(placeholder) ? 'files' : 'none';
}

function specs(program: Command): Spec[] {
  const out: Spec[] = [];
  const walk = (c: Command, path: string[]) => {
    out.push({
      path,
      description: c.description(),
      options: (c.options as Option[]).map((o) => ({
        flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
        takesValue: o.required || o.optional,
        values: o.argChoices?.length ? { choices: o.argChoices } : pathKind(/[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1]),
        description: o.description,
      })),
      subcommands: c.commands.map((s) => s.name()).filter((n) => n !== 'help'),
      args: argumentValues(c),
    });
    for (const s of c.commands) if (s.name() !== 'help') walk(s, [...path, s.name()]);
  };
  walk(program, []);
  return out;
}

function argumentValues(c: Command): Values {
  const first = c.registeredArguments[0];
  if (!first) return 'none';
  if (first.argChoices?.length) return { choices: first.argChoices };
  return first.name() === 'dir' ? 'dirs' : 'files';
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function completionScript(program: Command, shell: Shell): string {
  const all = specs(program);
  const name = program.name();
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  if (shell === 'fish') {
    const lines = [`# fish completion for ${name}; install: ${name} completion fish > ~/.config/fish/completions/${name}.fish`];
    lines.push(`complete -c ${name} -f`);
    for (const s of all) {
      const cond = s.path.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${s.path[s.path.length - 1]}`;
      for (const sub of s.subcommands) {
        const d = all.find((x) => x.path.join(' ') === [...s.path, sub].join(' '))?.description ?? '';
        lines.push(`complete -c ${name} -n ${q(cond)} -a ${sub} -d ${q(d)}`);
      }
      for (const o of s.options) {
        const long = o.flags.find((f) => f.startsWith('--'))?.slice(2);
        const short = o.flags.find((f) => /^-[^-]/.test(f))?.slice(1);
        const parts = [`complete -c ${name} -n ${q(cond)}`, long ? `-l ${long}` : '', short ? `-s ${short}` : ''];
        if (o.takesValue) parts.push(fishValues(o.values));
        parts.push(`-d ${q(o.description)}`);
        lines.push(parts.filter(Boolean).join(' '));
      }
      if (s.path.length > 0 && s.subcommands.length === 0 && s.args !== 'none')
        lines.push(`complete -c ${name} -n ${q(cond)} ${s.args === 'files' ? '-F' : fishValues(s.args)}`);
    }
    return `${lines.join('\n')}\n`;
  }
  // bash; zsh runs the same function through bashcompinit.
  const body: string[] = [];
  body.push(`${fn}() {`);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}, not a template
  body.push('  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" path="" w i');
  body.push('  # The command path: the words before the cursor that are subcommands.');
  body.push('  for ((i = 1; i < COMP_CWORD; i++)); do');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}, not a template
  body.push('    w="${COMP_WORDS[i]}"');
  body.push('    case "$path|$w" in');
  for (const s of all) for (const sub of s.subcommands) body.push(`      ${q(`${s.path.join(' ')}|${sub}`)}) path="${[...s.path, sub].join(' ')}" ;;`);
  body.push('    esac');
  body.push('  done');
  body.push('  local subs="" opts="" values="" args=""');
  body.push('  case "$path" in');
  for (const s of all) {
    body.push(`    ${q(s.path.join(' '))})`);
    body.push(`      subs=${q(s.subcommands.join(' '))}`);
    body.push(`      opts=${q(s.options.flatMap((o) => o.flags).join(' '))}`);
    body.push(`      args=${q(bashValues(s.args))}`);
    const valued = s.options.filter((o) => o.takesValue);
    if (valued.length) {
      body.push('      case "$prev" in');
      for (const o of valued) body.push(`        ${o.flags.map(q).join('|')}) values=${q(bashValues(o.values))} ;;`);
      body.push('      esac');
    }
    body.push('      ;;');
  }
  body.push('  esac');
  body.push('  # After an option that takes a value, only its values; then options, subcommands, or the arguments.');
  body.push('  if [[ -z "$values" ]]; then');
  body.push('    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return 0; fi');
  body.push('    if [[ -n "$subs" ]]; then COMPREPLY=($(compgen -W "$subs" -- "$cur")); return 0; fi');
  body.push('    values="$args"');
  body.push('  fi');
  body.push('  # Path names split one per line, so that a name with spaces stays one word.');
  body.push('  case "$values" in');
  body.push('    __NONE__) COMPREPLY=() ;;');
  body.push('    __FILES__) local IFS=$\'\\n\'; COMPREPLY=($(compgen -f -- "$cur")) ;;');
  body.push('    __DIRS__) local IFS=$\'\\n\'; COMPREPLY=($(compgen -d -- "$cur")) ;;');
  body.push('    *) COMPREPLY=($(compgen -W "$values" -- "$cur")) ;;');
  body.push('  esac');
  body.push('  return 0');
  body.push('}');
  const header =
    shell === 'zsh'
      ? [
          `#compdef ${name}`,
          `# zsh completion for ${name}; install: ${name} completion zsh > "\${fpath[1]}/_${name}"`,
          'autoload -U +X bashcompinit && bashcompinit',
        ]
      : [`# bash completion for ${name}; install: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}`];
  // -o filenames: readline quotes what is completed (a name with spaces) and marks folders with a slash; no
  // bashdefault, whose fallback would offer file names where nothing fits.
  return `${[...header, ...body, `complete -o filenames -F ${fn} ${name}`].join('\n')}\n`;
}

function bashValues(v: Values): string {
  if (v === 'files') return '__FILES__';
  if (v === 'dirs') return '__DIRS__';
  if (v === 'none') return '__NONE__';
  return v.choices.join(' ');
}

function fishValues(v: Values): string {
  if (v === 'files') return '-r -F';
  if (v === 'dirs') return "-x -a '(__fish_complete_directories)'";
  if (v === 'none') return '-x';
  return `-x -a ${q(v.choices.join(' '))}`;
}
