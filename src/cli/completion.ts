import type { Command, Option } from 'commander';

/**
 * Shell completion scripts generated from the commander program itself, so a new command, option or
 * choice completes without anyone editing a script: subcommands, each command's options, the values of
 * options with choices (--format, --lang, --min-level), file names elsewhere.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Spec {
  path: string[];
  description: string;
  options: Array<{ flags: string[]; takesValue: boolean; choices: string[]; description: string }>;
  subcommands: string[];
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
        choices: o.argChoices ?? [],
        description: o.description,
      })),
      subcommands: c.commands.map((s) => s.name()).filter((n) => n !== 'help'),
    });
    for (const s of c.commands) if (s.name() !== 'help') walk(s, [...path, s.name()]);
  };
  walk(program, []);
  return out;
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
        if (o.choices.length) parts.push(`-x -a ${q(o.choices.join(' '))}`);
        else if (o.takesValue) parts.push('-r -F');
        parts.push(`-d ${q(o.description)}`);
        lines.push(parts.filter(Boolean).join(' '));
      }
      // Arguments are files.
      if (s.path.length > 0) lines.push(`complete -c ${name} -n ${q(cond)} -F`);
    }
    return `${lines.join('\n')}\n`;
  }
  // bash; zsh runs the same function through bashcompinit.
  const body: string[] = [];
  body.push(`${fn}() {`);
  body.push('  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" path="" w i');
  body.push('  # The command path: the words before the cursor that are subcommands.');
  body.push('  for ((i = 1; i < COMP_CWORD; i++)); do');
  body.push('    w="${COMP_WORDS[i]}"');
  body.push('    case "$path|$w" in');
  for (const s of all) for (const sub of s.subcommands) body.push(`      ${q(`${s.path.join(' ')}|${sub}`)}) path="${[...s.path, sub].join(' ')}" ;;`);
  body.push('    esac');
  body.push('  done');
  body.push('  local subs="" opts="" values=""');
  body.push('  case "$path" in');
  for (const s of all) {
    body.push(`    ${q(s.path.join(' '))})`);
    body.push(`      subs=${q(s.subcommands.join(' '))}`);
    body.push(`      opts=${q(s.options.flatMap((o) => o.flags).join(' '))}`);
    const valued = s.options.filter((o) => o.takesValue);
    if (valued.length) {
      body.push('      case "$prev" in');
      for (const o of valued) body.push(`        ${o.flags.map(q).join('|')}) values=${q(o.choices.length ? o.choices.join(' ') : '__FILES__')} ;;`);
      body.push('      esac');
    }
    body.push('      ;;');
  }
  body.push('  esac');
  body.push('  if [[ -n "$values" ]]; then');
  body.push('    if [[ "$values" == __FILES__ ]]; then COMPREPLY=($(compgen -f -- "$cur")); else COMPREPLY=($(compgen -W "$values" -- "$cur")); fi');
  body.push('    return 0');
  body.push('  fi');
  body.push('  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return 0; fi');
  body.push('  if [[ -n "$subs" ]]; then COMPREPLY=($(compgen -W "$subs" -- "$cur")); return 0; fi');
  body.push('  COMPREPLY=($(compgen -f -- "$cur"))');
  body.push('}');
  const header =
    shell === 'zsh'
      ? [
          `#compdef ${name}`,
          `# zsh completion for ${name}; install: ${name} completion zsh > "\${fpath[1]}/_${name}"`,
          'autoload -U +X bashcompinit && bashcompinit',
        ]
      : [`# bash completion for ${name}; install: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}`];
  return `${[...header, ...body, `complete -o filenames -o bashdefault -F ${fn} ${name}`].join('\n')}\n`;
}
