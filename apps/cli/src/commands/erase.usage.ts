import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION, JSON_OPTION } from './common-options';

/** `erase`: see erase.command.ts. */
export const eraseSpec: CommandSpec = {
  name: 'erase',
  summary: '删除数据主体（投诉人）的密钥，使其身份信息在各处均不可读（加密粉碎）',
  positionals: [{ name: '主体编号', description: '数据主体编号（如 subj-…）', required: true }],
  options: [
    {
      name: 'reason',
      type: 'string',
      valueName: '<事由>',
      required: true,
      description: '删除事由（如所答复的申请），记入访问日志',
      check: (v) => (v.trim().length === 0 ? '不能为空' : null),
    },
    { name: 'by', type: 'string', valueName: '<操作人>', description: '记录的操作人（默认为当前登录用户）' },
    DATA_DIR_OPTION,
    JSON_OPTION,
  ],
  details: [
    '日志不受影响，verify 仍然通过；可重复执行（已删除时回答 already-erased）。',
    '退出码：0 已删除；1 被拒绝（未知主体等）；2 用法错误，或没有密钥库或访问日志。',
  ],
  examples: [{ command: 'erase subj-0001 --reason "依申请删除（2026-12-01 来函）"', description: '删除 subj-0001 的身份信息' }],
  load: () => import('./erase.command').then((m) => m.eraseAction),
};
