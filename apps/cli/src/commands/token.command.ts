import { DEMO_USERS, TokenService } from '@bihuan/auth';
import { createClock } from '@bihuan/platform';
import { tokenKeys, tokenRules } from '../../../api/src/security/auth-setup';
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

/**
 * `token <userId> [--expires 8h]` prints a bearer token for a demo user of the seeded jurisdiction,
 * signed with the api's configuration (JWT_SECRET, or the key generated in DATA_DIR on the embedded
 * default) on the configured clock and within JWT_MAX_LIFETIME, so `curl -H "Authorization: Bearer $(npm run -s cli -- token admin)"` works.
 * `token --list` lists the demo users.
 */
export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Print a bearer token for a demo user (token --list shows them)',
  usage: 'token <userId> [--expires 8h] | token --list',
  async run(args, io) {
    if (args.flags['list'] === true) {
      for (const u of DEMO_USERS) io.out(`${u.id.padEnd(20)} ${u.role.padEnd(10)} ${u.unit.padEnd(12)} ${u.name}`);
      return 0;
    }
    const [userId, ...rest] = args.positionals;
    if (!userId || rest.length > 0) throw new UsageError('name exactly one demo user (token --list shows them)');
    const user = DEMO_USERS.find((u) => u.id === userId);
    if (!user) {
      io.err(`Unknown demo user "${userId}" (known: ${DEMO_USERS.map((u) => u.id).join(', ')})`);
      return 2;
    }
    const config = cliConfig(args, io);
    if (!config) return 2;
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
