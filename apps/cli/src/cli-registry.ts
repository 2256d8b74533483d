import { CommandSpec } from './cli-command';
import { calendarImportSpec } from './commands/calendar-import.usage';
import { demoSpec } from './commands/demo.usage';
import { eraseSpec } from './commands/erase.usage';
import { helpSpec } from './commands/help.usage';
import { moveToPostgresSpec } from './commands/move-to-postgres.usage';
import { rebuildSpec } from './commands/rebuild.usage';
import { tokenSpec } from './commands/token.usage';
import { verifySpec } from './commands/verify.usage';
import { nearest } from './suggest';

/**
 * Every subcommand, as declared specs (name, Chinese summary, arguments, examples) whose `load`
 * imports the work only when it runs. Add yours here: a `<name>.usage.ts` spec and a
 * `<name>.command.ts` CliCommand under commands/. Multi-word names are matched longest first.
 */
export const COMMANDS: readonly CommandSpec[] = [
  verifySpec,
  tokenSpec,
  calendarImportSpec,
  rebuildSpec,
  moveToPostgresSpec,
  eraseSpec,
  demoSpec,
  helpSpec,
];

/** The command named by the leading words, and how many words its name took. */
export function resolveCommand(words: readonly string[]): { command: CommandSpec; words: number } | null {
  const byLength = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const name = command.name.split(' ');
    if (name.every((w, i) => words[i] === w)) return { command, words: name.length };
  }
  return null;
}

/** `未知命令 verfy，是否想输入 verify？` — or the list hint when nothing is close. */
export function unknownCommandMessage(words: readonly string[]): string {
  const names = COMMANDS.map((c) => c.name);
  const group = names.some((n) => n.startsWith(`${words[0]} `));
  const typed = words.slice(0, group ? 2 : 1).join(' ');
  const guess = nearest(words.slice(0, 2).join(' '), names) ?? nearest(words[0] ?? '', names);
  const hint = guess ? `，是否想输入 ${guess}？` : '';
  return `未知命令 ${typed}${hint}（npm run cli -- help 列出全部命令）`;
}
