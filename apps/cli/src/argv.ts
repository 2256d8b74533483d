import { parseArgs } from 'node:util';
import { nearest } from './suggest';

/** `verify --stream finding-1 --data-dir ./data --json` → positionals + flags (after checking them against the schema). */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

/** One declared option of a command: what `--help` prints and what the parser accepts. */
export interface OptionSpec {
  /** Long name without dashes: `stream` for `--stream`. */
  readonly name: string;
  /** `string` takes a value (`--stream x` or `--stream=x`); `boolean` takes none. */
  readonly type: 'string' | 'boolean';
  /** Chinese, one line: shown by `--help`. */
  readonly description: string;
  /** How the value is shown in usage, e.g. `<流名>`. */
  readonly valueName?: string;
  readonly required?: boolean;
  /** The only values accepted (listed by `--help` and in the error). */
  readonly choices?: readonly string[];
  /** A further rule on the value: the Chinese reason it is refused, or null when it is fine. */
  readonly check?: (value: string) => string | null;
}

/** One declared positional argument (in order). */
export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  /** Required unless the command allows an option instead (then it checks itself, e.g. `token --list`). */
  readonly required?: boolean;
}

/** What a command accepts. `--help`/`-h` is accepted by every command and need not be declared. */
export interface ArgsSchema {
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
}

/** The option every command has: `--help` (or `-h`) prints its usage instead of running it. */
export const HELP_OPTION: OptionSpec = { name: 'help', type: 'boolean', description: '显示本命令的用法、选项和示例' };

/** Wrong use of a command: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Whether argv (after the command's name) asks for help: `--help` or `-h` before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const word of argv) {
    if (word === '--') return false;
    if (word === '--help' || word === '-h') return true;
  }
  return false;
}

function unknownOption(raw: string, schema: ArgsSchema): UsageError {
  const known = [...schema.options, HELP_OPTION].map((o) => `--${o.name}`);
  const typed = raw.startsWith('--') ? raw : `--${raw.replace(/^-+/, '')}`;
  const guess = nearest(typed, known);
  return new UsageError(guess ? `未知选项 ${raw}，是否想输入 ${guess}？` : `未知选项 ${raw}（可用选项：${known.join('、')}）`);
}

function checkValue(option: OptionSpec, value: string): void {
  if (option.choices && !option.choices.includes(value)) {
    throw new UsageError(`选项 --${option.name} 的值 "${value}" 无效，可选值：${option.choices.join('、')}`);
  }
  const problem = option.check?.(value);
  if (problem) throw new UsageError(`选项 --${option.name} 的值 "${value}" 无效：${problem}`);
}

/**
 * Parses a command's arguments against its schema (node:util parseArgs reads the words; the rules
 * are ours, so every refusal is in Chinese and names the option): an unknown option is refused with
 * the nearest known one suggested, a value option without a value (missing, empty, or followed by
 * another option), a value given to a switch, a repeated option, a value outside `choices` or
 * failing `check`, a missing required option or positional, and extra positionals — all
 * UsageError, before anything runs. `--` ends the options.
 */
export function parseCommandArgs(argv: readonly string[], schema: ArgsSchema): ParsedArgs {
  const declared = new Map([...schema.options, HELP_OPTION].map((o) => [o.name, o]));
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries([...declared.values()].map((o) => [o.name, { type: o.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = token.rawName === '-h' ? HELP_OPTION : token.rawName.startsWith('--') ? declared.get(token.name) : undefined;
    if (!option) throw unknownOption(token.rawName, schema);
    if (flags[option.name] !== undefined) throw new UsageError(`选项 --${option.name} 只能给一次`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`选项 --${option.name} 是开关，不带值（收到 "${token.value}"）`);
      flags[option.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      throw new UsageError(`选项 --${option.name} 缺少值（${option.valueName ?? '<值>'}）`);
    }
    checkValue(option, value);
    flags[option.name] = value;
  }
  if (flags['help'] === true) return { positionals, flags };
  for (const option of schema.options) {
    if (option.required && flags[option.name] === undefined)
      throw new UsageError(`缺少必填选项 --${option.name} ${option.valueName ?? '<值>'}`);
  }
  const missing = schema.positionals.slice(positionals.length).find((p) => p.required);
  if (missing) throw new UsageError(`缺少参数 ${missing.name}（${missing.description}）`);
  if (positionals.length > schema.positionals.length) {
    const extra = positionals.slice(schema.positionals.length).join(' ');
    throw new UsageError(schema.positionals.length === 0 ? `本命令不接受参数，多出：${extra}` : `多余的参数：${extra}`);
  }
  return { positionals, flags };
}

/** A flag's string value; throws a usage error when it was given without one. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`选项 --${name} 缺少值`);
  return value;
}
