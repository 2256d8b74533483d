import { CommandSpec } from '../cli-command';

/** `demo`: see demo.command.ts. */
export const demoSpec: CommandSpec = {
  name: 'demo',
  summary: '在临时数据目录上通过 HTTP API 完整演示监督检查和投诉两个流程，最后做完整性校验',
  positionals: [],
  options: [{ name: 'keep', type: 'boolean', description: '结束后保留临时数据目录（打印其路径）' }],
  details: ['使用模拟时钟；npm run demo 即运行本命令。', '退出码：0 每一步都成功；1 指出失败的步骤和 HTTP 应答。'],
  examples: [
    { command: 'demo', description: '运行演示' },
    { command: 'demo --keep', description: '运行演示并保留数据目录，便于查看' },
  ],
  load: () => import('./demo.command').then((m) => m.demoCommand),
};
