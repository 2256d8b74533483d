import { Jurisdiction, StaticUserDirectory, TokenService, UserDirectory } from '@bihuan/auth';
import { AppConfig, createClock, loadDirectory, tokenKeys, tokenRules } from '@bihuan/platform';
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

/** The API's directory (jurisdiction.json in DATA_DIR, else the demo seed), so the API knows whom a token names. */
function directoryOf(config: Pick<AppConfig, 'dataDir'>): UserDirectory {
  const { units, users } = loadDirectory(config);
  return new StaticUserDirectory(users, new Jurisdiction(units));
}

/**
 * `token <userId> [--expires 8h]` prints a bearer token for a user of the directory (the demo users
 * of the seeded jurisdiction on the embedded default),
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
    let directory: UserDirectory;
    try {
      directory = directoryOf(config);
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    if (list) {
      for (const u of directory.all()) io.out(`${u.id.padEnd(20)} ${u.role.padEnd(10)} ${u.unit.padEnd(12)} ${u.name}`);
      return 0;
    }
    const user = userId ? directory.get(userId) : undefined;
    if (!user) {
      io.err(
        `Unknown user "${userId}" (known: ${directory
          .all()
          .map((u) => u.id)
          .join(', ')})`,
      );
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
