import { HELP_OPTION, OptionSpec } from './argv';
import { CommandSpec } from './cli-command';

/** How operators start the CLI: every usage line and example begins with it. */
export const CLI_PREFIX = 'npm run cli --';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a text takes on a terminal: Chinese characters and full-width punctuation take two. */
function columns(text: string): number {
  return [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
}

/** padEnd by terminal columns, so option lists with Chinese value names line up. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

function optionWord(option: OptionSpec): string {
  return option.type === 'string' ? `--${option.name} ${option.valueName ?? '<值>'}` : `--${option.name}`;
}

/** `verify [--stream <流名>] [--json]`: the command's synopsis from its declared arguments. */
export function synopsis(command: CommandSpec): string {
  const words = [command.name];
  for (const p of command.positionals) words.push(p.required ? `<${p.name}>` : `[${p.name}]`);
  for (const o of command.options) words.push(o.required ? optionWord(o) : `[${optionWord(o)}]`);
  return words.join(' ');
}

function optionLine(option: OptionSpec, width: number): string {
  const notes = [...(option.required ? ['必填'] : []), ...(option.choices ? [`可选值：${option.choices.join('、')}`] : [])];
  const suffix = notes.length > 0 ? `（${notes.join('；')}）` : '';
  const label = option === HELP_OPTION ? '-h, --help' : optionWord(option);
  return `  ${pad(label, width)}  ${option.description}${suffix}`;
}

/** The full Chinese usage of one command: synopsis, summary, arguments, options, notes, examples. */
export function commandUsage(command: CommandSpec): string {
  const options = [...command.options, HELP_OPTION];
  const width = Math.max(10, ...options.map((o) => columns(optionWord(o))), ...command.positionals.map((p) => columns(p.name) + 2));
  const lines = [`用法：${CLI_PREFIX} ${synopsis(command)}`, '', command.summary];
  if (command.positionals.length > 0) {
    lines.push('', '参数：', ...command.positionals.map((p) => `  ${pad(`<${p.name}>`, width)}  ${p.description}`));
  }
  lines.push('', '选项：', ...options.map((o) => optionLine(o, width)));
  if (command.details && command.details.length > 0) lines.push('', '说明：', ...command.details.map((d) => `  ${d}`));
  lines.push('', '示例：');
  for (const example of command.examples) lines.push(`  ${CLI_PREFIX} ${example.command}`, `      ${example.description}`);
  return lines.join('\n');
}

/** The list of commands `help` (and a bare `npm run cli`) prints. */
export function commandList(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `用法：${CLI_PREFIX} <命令> [选项]`,
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `查看某个命令的用法：${CLI_PREFIX} <命令> --help（或 ${CLI_PREFIX} help <命令>）`,
    '配置取自环境变量（DATA_DIR、POSTGRES_URL、ESDB_URL、JWT_SECRET …），见 docs/operations.md。',
    '退出码：0 成功；1 检查未通过或执行失败；2 用法错误或无可处理的数据。',
  ].join('\n');
}
