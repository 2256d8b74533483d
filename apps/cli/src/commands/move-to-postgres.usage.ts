import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION } from './common-options';

/** `move-to-postgres`: see move-to-postgres.command.ts. */
export const moveToPostgresSpec: CommandSpec = {
  name: 'move-to-postgres',
  summary: '把嵌入式安装（DATA_DIR）迁移到 POSTGRES_URL 指定的 PostgreSQL',
  positionals: [],
  options: [DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION],
  details: [
    '环境变量 POSTGRES_URL 指定目标库；迁移前请先停止 API 和工作进程。',
    '迁移日志（各流哈希链不变）、个人信息密钥、访问日志和死信；读模型由工作进程从日志重建。',
    '退出码：0 已迁移；1 目标库已有日志；2 用法错误或没有可迁移的安装。',
  ],
  examples: [{ command: 'move-to-postgres --data-dir /srv/bihuan', description: '迁移 /srv/bihuan（先设置 POSTGRES_URL）' }],
  load: () => import('./move-to-postgres.command').then((m) => m.moveToPostgresAction),
};
