import { asksForHelp, parseCommandArgs, UsageError } from './argv';
import { CliIo, CommandSpec } from './cli-command';
import { COMMANDS, resolveCommand, unknownCommandMessage } from './cli-registry';
import { CLI_PREFIX, commandList, commandUsage, synopsis } from './usage';

/** The console and the process environment. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  errIsTTY: process.stderr.isTTY === true,
};

function usageError(io: CliIo, command: CommandSpec, error: UsageError): number {
  io.err(`错误：${error.message}\n用法：${CLI_PREFIX} ${synopsis(command)}\n查看帮助：${CLI_PREFIX} ${command.name} --help`);
  return 2;
}

/** `help [command]`: the list, or one command's usage (exit 2 with a suggestion for an unknown one). */
function help(words: readonly string[], io: CliIo): number {
  if (words.length === 0) {
    io.out(commandList(COMMANDS));
    return 0;
  }
  const found = resolveCommand(words);
  if (!found || found.words !== words.length) {
    io.err(unknownCommandMessage(words));
    return 2;
  }
  io.out(commandUsage(found.command));
  return 0;
}

/**
 * Runs one CLI invocation and returns its exit code (tests call this directly): 0 success,
 * 1 the check or action failed, 2 wrong usage (unknown command or option, missing or bad value)
 * or nothing to work on. Arguments are checked against the command's declared spec before its
 * code is even loaded, so a typo never runs anything; `--help`/`-h` anywhere prints the usage.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const firstOption = argv.findIndex((w) => w.startsWith('-'));
  const leading = argv.slice(0, firstOption === -1 ? argv.length : firstOption);
  if (leading.length === 0) {
    if (argv.length === 0 || asksForHelp(argv)) return help([], io);
    io.err(`错误：未指定命令（收到 ${argv[0]}）。${CLI_PREFIX} help 列出全部命令`);
    return 2;
  }
  const found = resolveCommand(leading);
  if (!found) {
    io.err(unknownCommandMessage(leading));
    return 2;
  }
  const { command } = found;
  const rest = argv.slice(found.words);
  if (asksForHelp(rest)) {
    io.out(commandUsage(command));
    return 0;
  }
  try {
    if (command.name === 'help') {
      parseCommandArgs(
        rest.filter((w) => w.startsWith('-')),
        command,
      );
      return help(rest, io);
    }
    const args = parseCommandArgs(rest, command);
    const action = await command.load();
    return await action.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, command, error);
    io.err(`执行失败：${error instanceof Error ? error.message : String(error)}`);
    if (io.env['BIHUAN_CLI_DEBUG'] && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
