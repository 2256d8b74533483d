import { DirectoryUser, TokenService } from '@bihuan/auth';
import { SystemClock } from '@bihuan/core';
import { directoryUserOf, storedDirectory } from '@bihuan/directory';
import { AppConfig, createClock, openEventStore, tokenKeys, tokenRules } from '@bihuan/platform';
import { stringFlag, UsageError } from '../argv';
import { CliCommand } from '../cli-command';
import { cliConfig } from './cli-config';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `8h`, `30m`, `2d`, `90s` or plain seconds → seconds (1 s … `max`, the configured JWT_MAX_LIFETIME). */
export function parseExpires(text: string, max: number): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > max) {
    throw new UsageError(`--expires must be a duration like 8h, 30m or seconds, from 1 s to JWT_MAX_LIFETIME (${max} s), got "${text}"`);
  }
  return seconds;
}

/** The directory's users as the configured store holds them (or as its first start will seed them), so the API knows whom a token names. */
async function usersOf(config: AppConfig): Promise<Map<string, DirectoryUser>> {
  const store = await openEventStore(config, new SystemClock());
  try {
    const state = await storedDirectory(store, config);
    return new Map([...state.users.values()].map((p) => [p.id, directoryUserOf(p)]));
  } finally {
    await store.close();
  }
}

/**
 * `token <userId> [--expires 8h]` prints a bearer token for an active user of the directory in the
 * configured store (`admin` after a first start with DIRECTORY_SEED=none, the demo users with demo),
 * signed with the api's configuration (JWT_SECRET, or the key generated in DATA_DIR on the embedded
 * default) on the configured clock and within JWT_MAX_LIFETIME, so `curl -H "Authorization: Bearer $(npm run -s cli -- token admin)"` works.
 * `token --list` lists the directory's users.
 */
export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Print a bearer token for a user of the directory (token --list shows them)',
  usage: 'token <userId> [--expires 8h] | token --list',
  async run(args, io) {
    const [userId, ...rest] = args.positionals;
    const list = args.flags['list'] === true;
    if (!list && (!userId || rest.length > 0)) throw new UsageError('name exactly one user (token --list shows them)');
    const config = cliConfig(args, io);
    if (!config) return 2;
    let directory: Map<string, DirectoryUser>;
    try {
      directory = await usersOf(config);
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    if (list) {
      for (const u of directory.values()) io.out(`${u.id.padEnd(20)} ${u.role.padEnd(10)} ${u.unit.padEnd(12)} ${u.name}`);
      return 0;
    }
    const user = userId ? directory.get(userId) : undefined;
    if (user && !user.active) {
      io.err(`User "${userId}" is disabled`);
      return 2;
    }
    if (!user) {
      io.err(`Unknown user "${userId}" (known: ${[...directory.keys()].join(', ')})`);
      return 2;
    }
    const max = config.jwt.maxLifetimeSeconds;
    const expires = parseExpires(stringFlag(args, 'expires') ?? (max >= 8 * 3600 ? '8h' : String(max)), max);
    try {
      const tokens = new TokenService(tokenKeys(config), tokenRules(config), createClock(config.clock));
      io.out(tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name }, expires));
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    return 0;
  },
};
