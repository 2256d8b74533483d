import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Actor, isDomainError, SystemClock } from '@bihuan/core';
import { CalendarService, openEventStore } from '@bihuan/platform';
import { UsageError } from '../argv';
import { CliCommand } from '../cli-command';
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
 * process picks it up. Prints `{ year, version }`; exit 1 naming the field when the file is bad.
 */
export const calendarImportCommand: CliCommand = {
  name: 'calendar import',
  summary: 'Import a year of the working-day calendar from a JSON file; prints the new calendar version',
  usage: 'calendar import <file.json> [--data-dir <dir>]',
  async run(args, io) {
    const [file, ...rest] = args.positionals;
    if (!file || rest.length > 0) throw new UsageError('name exactly one JSON file');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(file), 'utf8'));
    } catch (error) {
      io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const config = cliConfig(args, io, { createDataDir: true });
    if (!config) return 2;
    const clock = new SystemClock();
    const store = await openEventStore(config, clock);
    try {
      const result = await new CalendarService(store, clock).importYear(json, operator());
      io.out(JSON.stringify(result));
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(`Calendar file ${file} refused (${error.code}): ${error.message}`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
