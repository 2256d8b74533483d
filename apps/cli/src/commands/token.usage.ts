import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION } from './common-options';

/** `token`: see token.command.ts (its own checks: exactly one user unless --list, --expires within JWT_MAX_LIFETIME). */
export const tokenSpec: CommandSpec = {
  name: 'token',
  summary: '为目录中的用户签发访问令牌（token --list 列出用户）',
  positionals: [{ name: '用户编号', description: '目录中的用户编号（token --list 列出全部）' }],
  options: [
    { name: 'list', type: 'boolean', description: '列出目录中的用户' },
    {
      name: 'expires',
      type: 'string',
      valueName: '<时长>',
      // The rule (a duration within JWT_MAX_LIFETIME) needs the configuration: token.command.ts checks it.
      description: '有效期：8h、30m、2d、90s 或秒数（默认 8h，不超过 JWT_MAX_LIFETIME）',
    },
    DATA_DIR_OPTION,
  ],
  details: [
    '用 API 的配置签名（JWT_SECRET，或嵌入式默认下 DATA_DIR 中生成的密钥），令牌只输出到标准输出：TOKEN=$(npm run -s cli -- token admin)。',
    '退出码：0 已签发；2 用法错误、未知用户或有效期超出上限。',
  ],
  examples: [
    { command: 'token --list', description: '列出用户' },
    { command: 'token inspector-a1 --expires 2h', description: '为 inspector-a1 签发 2 小时有效的令牌' },
  ],
  load: () => import('./token.command').then((m) => m.tokenCommand),
};
