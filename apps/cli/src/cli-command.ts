import { ArgsSchema, ParsedArgs } from './argv';

/** Where a command writes, and the environment it reads (tests pass their own). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether stderr is a terminal: progress then redraws one line in place; otherwise (a log file,
   * a test) it writes a plain line per update. Absent = not a terminal.
   */
  readonly errIsTTY?: boolean;
}

/**
 * What a command does once its arguments have been checked against its CommandSpec (the
 * `<name>.command.ts` files; loaded only when the command runs).
 */
export interface CliCommand {
  /** @deprecated `help` reads the CommandSpec (`<name>.usage.ts`); kept so older command objects still type-check. */
  readonly name?: string;
  /** @deprecated see name. */
  readonly summary?: string;
  /** @deprecated see name. */
  readonly usage?: string;
  /** Returns the process exit code: 0 ok, 1 the check or action failed, 2 wrong usage or nothing to work on. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** One example in `--help`: the words after `npm run cli --`, and what they do (Chinese). */
export interface CliExample {
  readonly command: string;
  readonly description: string;
}

/**
 * One subcommand as the registry knows it: its name (several words allowed: `calendar import`),
 * its Chinese summary, its declared arguments and examples — all `help` needs — and `load`, which
 * imports the code that does the work only when the command runs, so `help` and a mistyped flag
 * answer without loading Nest, the databases or exceljs.
 */
export interface CommandSpec extends ArgsSchema {
  readonly name: string;
  /** One Chinese line for the command list. */
  readonly summary: string;
  /** Further Chinese lines for `--help`: exit codes, configuration it reads. */
  readonly details?: readonly string[];
  readonly examples: readonly CliExample[];
  load(): Promise<CliCommand>;
}
