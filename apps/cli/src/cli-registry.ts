import { CliCommand } from './cli-command';
import { helpCommand } from './commands/help.command';
import { verifyCommand } from './commands/verify.command';
import { tokenCommand } from './commands/token.command';
import { calendarImportCommand } from './commands/calendar-import.command';
import { rebuildCommand } from './commands/rebuild.command';
import { moveToPostgresCommand } from './commands/move-to-postgres.command';
import { eraseCommand } from './commands/erase.command';
import { demoCommand } from './commands/demo.command';

/**
 * Every subcommand. Add yours here (one file per command under commands/): `token`,
 * `calendar import`, `erase`, `demo`, `rebuild` … Multi-word names are matched longest first.
 */
export const COMMANDS: readonly CliCommand[] = [
  verifyCommand,
  tokenCommand,
  calendarImportCommand,
  rebuildCommand,
  moveToPostgresCommand,
  eraseCommand,
  demoCommand,
];

/** All commands including `help`. */
export function allCommands(): readonly CliCommand[] {
  return [...COMMANDS, helpCommand(allCommands)];
}

/** The command named by the leading positionals, and how many words its name took. */
export function resolveCommand(positionals: readonly string[]): { command: CliCommand; words: number } | null {
  const byLength = [...allCommands()].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((w, i) => positionals[i] === w)) return { command, words: words.length };
  }
  return null;
}
