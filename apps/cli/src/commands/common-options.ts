import { OptionSpec } from '../argv';

/** `--data-dir`: the installation to work on (wins over DATA_DIR). */
export const DATA_DIR_OPTION: OptionSpec = {
  name: 'data-dir',
  type: 'string',
  valueName: '<目录>',
  description: '数据目录（优先于环境变量 DATA_DIR）',
};

/** `--json`: the result as JSON with English keys on stdout, for scripts; no progress. */
export const JSON_OPTION: OptionSpec = {
  name: 'json',
  type: 'boolean',
  description: '以 JSON（英文键名）输出结果，供脚本读取；不显示进度',
};

/** `--quiet`: no progress on stderr. */
export const QUIET_OPTION: OptionSpec = { name: 'quiet', type: 'boolean', description: '不显示进度' };
