import { parseArgv, UsageError } from './argv';
import { CliIo } from './cli-command';
import { resolveCommand } from './cli-registry';

/** The console and the process environment. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
};

/** Runs one CLI invocation and returns its exit code (tests call this directly). */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgv(argv);
  const found = resolveCommand(parsed.positionals.length > 0 ? parsed.positionals : ['help']);
  if (!found) {
    io.err(`Unknown command "${parsed.positionals.join(' ')}". Try: npm run cli -- help`);
    return 2;
  }
  const args = { ...parsed, positionals: parsed.positionals.slice(found.words) };
  try {
    return await found.command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: npm run cli -- ${found.command.usage}`);
      return 2;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
