import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Actor, isDomainError, SystemClock } from '@bihuan/core';
import { CalendarService, openEventStore } from '@bihuan/platform';
import { CliCommand } from '../cli-command';
import { progressWanted } from '../progress';
import { cliConfig } from './cli-config';

/** Who the import is recorded as: the operator's login, with the admin role. */
function operator(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { id: `cli:${name}`, role: 'admin', unit: 'root' };
}

/**
 * `calendar import <file>`: validates a year of the State Council calendar (docs/calendar.md
 * format) and records it in the configured log (`calendar-cn`), where every api and worker
 * process picks it up. Each step on stderr (the import is one append: there is nothing to count);
 * the result in Chinese, or `{ year, version }` with --json; exit 1 naming the field when the file is bad.
 */
export const calendarImportAction: CliCommand = {
  async run(args, io) {
    const [file] = args.positionals;
    const step = (text: string): void => (progressWanted(args) ? io.err(text) : undefined);
    step(`读取 ${file} …`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(file!), 'utf8'));
    } catch (error) {
      io.err(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const config = cliConfig(args, io, { createDataDir: true });
    if (!config) return 2;
    const clock = new SystemClock();
    const store = await openEventStore(config, clock);
    try {
      step('校验并写入日志 …');
      const result = await new CalendarService(store, clock).importYear(json, operator());
      io.out(args.flags['json'] === true ? JSON.stringify(result) : `已导入 ${result.year} 年工作日安排，日历版本 ${result.version}`);
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(`日历文件 ${file} 被拒绝（${error.code}）：${error.message}`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
