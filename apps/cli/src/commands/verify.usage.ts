import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION } from './common-options';

/** `verify`: see verify.command.ts. */
export const verifySpec: CommandSpec = {
  name: 'verify',
  summary: '校验日志的 SM3 哈希链（全部、某个流，或一份导出的案卷），或核验公开的双随机抽查；发现篡改时退出码为 1 并指出第一处',
  positionals: [],
  options: [
    { name: 'stream', type: 'string', valueName: '<流名>', description: '只校验这一个流（如 finding-1）；流不存在时报错' },
    {
      name: 'export',
      type: 'string',
      valueName: '<案卷文件>',
      description: '离线复核一份导出的案卷（HTML），不需要数据库；并核对放在案卷旁的附件',
    },
    { name: 'require-files', type: 'boolean', description: '与 --export 同用：案卷所列附件未放在案卷旁时也算未通过' },
    {
      name: 'draw',
      type: 'string',
      valueName: '<抽查文件>',
      description: '离线核验已公开的双随机抽查（公开页 /public/draws/<编号> 的 JSON）：种子摘要、抽取条件摘要，并按公开的种子重新抽取',
    },
    DATA_DIR_OPTION,
    JSON_OPTION,
    QUIET_OPTION,
  ],
  details: [
    '读取已配置的日志（ESDB_URL、POSTGRES_URL，或 DATA_DIR 中的 SQLite 文件），并逐个核对事件所附的证据文件（S3_BUCKET 或 DATA_DIR/files）：缺失或被改动的文件逐行指出所属案件与文件。',
    '退出码：0 完整；1 被篡改（标准错误输出指出第一处被改动的事件，或缺失、被改动的附件）；2 用法错误、流不存在或没有可校验的日志。',
    '--draw 只读该文件，不需要日志：0 核验通过；1 种子、抽取条件或抽中结果与承诺不符；2 文件无法读取、不是抽查，或种子尚未公开。',
  ],
  examples: [
    { command: 'verify', description: '校验整个日志' },
    { command: 'verify --stream finding-1', description: '只校验流 finding-1' },
    { command: 'verify --export 案卷.html', description: '离线复核导出的案卷' },
    { command: 'verify --draw 抽查.json', description: '离线核验已公开的双随机抽查' },
    { command: 'verify --json --data-dir /srv/bihuan', description: '以 JSON 输出，供监控脚本读取' },
  ],
  load: () => import('./verify.command').then((m) => m.verifyAction),
};
