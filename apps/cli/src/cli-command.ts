import { ParsedArgs } from './argv';

/** Where a command writes, and the environment it reads (tests pass their own). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * One subcommand. `name` may have several words (`calendar import`); the rest of argv after the
 * name arrives in `args`. The returned number is the process exit code: 0 ok, 1 the check or
 * action failed, 2 wrong usage or nothing to work on.
 */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Shown by `help <name>`, e.g. `verify [--stream <name>] [--data-dir <dir>]`. */
  readonly usage: string;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
