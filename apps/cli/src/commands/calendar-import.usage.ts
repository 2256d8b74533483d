import { CommandSpec } from '../cli-command';
import { DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION } from './common-options';

/** `calendar import`: see calendar-import.command.ts. */
export const calendarImportSpec: CommandSpec = {
  name: 'calendar import',
  summary: '从 JSON 文件导入一年的国务院工作日安排，输出新的日历版本',
  positionals: [{ name: '文件', description: '日历 JSON 文件（格式见 docs/calendar.md）', required: true }],
  options: [DATA_DIR_OPTION, JSON_OPTION, QUIET_OPTION],
  details: [
    '导入记入日志（calendar-cn），所有 API 和工作进程随即采用。',
    '退出码：0 已导入；1 文件无法读取或内容不合格（指出字段）；2 用法错误。',
  ],
  examples: [
    { command: 'calendar import calendars/cn-2027.json', description: '导入 2027 年日历' },
    { command: 'calendar import cn-2027.json --json', description: '以 JSON 输出 { year, version }' },
  ],
  load: () => import('./calendar-import.command').then((m) => m.calendarImportAction),
};
