import { CommandSpec } from '../cli-command';

/**
 * `help [command]`: the list of commands, or one command's usage. Its work needs the registry, so
 * run-cli answers it directly (cli-registry.ts); `load` is never called for it.
 */
export const helpSpec: CommandSpec = {
  name: 'help',
  summary: '列出全部命令，或显示某个命令的用法',
  positionals: [{ name: '命令', description: '要查看用法的命令（如 verify、calendar import）' }],
  options: [],
  details: ['每个命令也接受 --help 或 -h。'],
  examples: [
    { command: 'help', description: '列出全部命令' },
    { command: 'help calendar import', description: '显示 calendar import 的用法' },
  ],
  load: () => Promise.reject(new Error('help is answered by run-cli')),
};
