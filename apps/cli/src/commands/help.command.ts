import { CliCommand } from '../cli-command';

/** `help [command]`: the list of commands, or one command's usage. */
export function helpCommand(all: () => readonly CliCommand[]): CliCommand {
  return {
    name: 'help',
    summary: 'List the commands, or show how to use one',
    usage: 'help [command]',
    async run(args, io) {
      const wanted = args.positionals.join(' ');
      if (wanted) {
        const command = all().find((c) => c.name === wanted);
        if (!command) {
          io.err(`Unknown command "${wanted}"`);
          return 2;
        }
        io.out(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}`);
        return 0;
      }
      const width = Math.max(...all().map((c) => c.name.length));
      const lines = all().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
      io.out(
        [
          'Usage: npm run cli -- <command> [options]',
          '',
          'Commands:',
          ...lines,
          '',
          'Configuration comes from the environment (see docs/operations.md).',
        ].join('\n'),
      );
      return 0;
    },
  };
}
