import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION } from './common-options';

/** `rebuild`: see rebuild.command.ts. */
export const rebuildSpec: CommandSpec = {
  name: 'rebuild',
  summary: '从日志在旁边重建一个读模型，追平后原子替换（不停机，工作进程可继续运行）',
  positionals: [{ name: '读模型', description: '要重建的读模型名称（rebuild --list 列出全部）' }],
  options: [{ name: 'list', type: 'boolean', description: '列出可重建的读模型' }, DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION],
  details: ['API 在替换前继续用旧表应答，无需重启。', '退出码：0 已替换；2 用法错误、未知读模型、没有数据或重建被拒绝。'],
  examples: [
    { command: 'rebuild --list', description: '列出读模型' },
    { command: 'rebuild audit.caseIndex', description: '重建案件索引并替换' },
  ],
  load: () => import('./rebuild.command').then((m) => m.rebuildAction),
};
