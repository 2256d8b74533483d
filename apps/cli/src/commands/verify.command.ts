import { existsSync } from 'node:fs';
import { SystemClock } from '@bihuan/core';
import { ChainBreak } from '@bihuan/event-store';
import { openEventStore, sqliteFileOf } from '@bihuan/platform';
import { stringFlag, UsageError } from '../argv';
import { CliCommand, CliIo } from '../cli-command';
import { cliConfig } from './cli-config';
import { verifyIntegrity } from './integrity';
import { verifyExportFile } from './verify-export';

/**
 * `Integrity check failed at finding-1 revision 2 (position 7, event …): content — …`; a deleted
 * global tail has no event left to name: `Integrity check failed at position 9: missing — …`.
 */
export function describeBreak(b: ChainBreak): string {
  if (b.streamName === '') return `Integrity check failed at position ${b.position}: ${b.problem} — ${b.detail}`;
  const where = b.position >= 0 ? `position ${b.position}, event ${b.eventId || '?'}` : 'tail deleted';
  return `Integrity check failed at stream ${b.streamName} revision ${b.revision} (${where}): ${b.problem} — ${b.detail}`;
}

/**
 * `verify --export <file>`: the dossier check of verify-export.ts, except that a file that is not
 * a dossier at all (no or broken JSON block, unreadable) exits 2 like a missing one — 1 is kept for
 * "this dossier was altered", naming the first broken event.
 */
function verifyExport(file: string, io: CliIo): number {
  let problem: string | undefined;
  const spy: CliIo = {
    env: io.env,
    err: (text) => io.err(text),
    out: (text) => {
      try {
        problem = (JSON.parse(text) as { firstBreak?: { problem?: string } | null }).firstBreak?.problem;
      } catch {
        problem = undefined;
      }
      io.out(text);
    },
  };
  let code: number;
  try {
    code = verifyExportFile(file, spy);
  } catch (error) {
    io.err(`Dossier ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  return code === 1 && problem === 'format' ? 2 : code;
}

/**
 * `verify [--stream <name>] [--data-dir <dir>]`: checks the SM3 hash chain of the configured
 * store (ESDB_URL or the SQLite file in DATA_DIR) and prints a JSON summary on stdout.
 * Exit 0 intact; 1 tampered (the first broken event is named on stderr and in `firstBreak`);
 * 2 when there is nothing to verify (no store file, bad configuration).
 * `verify --export <file>` re-verifies an exported dossier offline instead (no store needed).
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check the hash chain of the whole log (or one stream, or an exported dossier); exit 1 naming the first changed event',
  usage: 'verify [--stream <name>] [--data-dir <dir>] | verify --export <dossier.html>',
  async run(args, io) {
    const stream = stringFlag(args, 'stream');
    const exported = stringFlag(args, 'export');
    if (exported !== undefined) {
      if (stream !== undefined) throw new UsageError('--export checks a dossier file; it cannot be combined with --stream');
      return verifyExport(exported, io);
    }
    const config = cliConfig(args, io);
    if (!config) return 2;
    const server = config.esdbUrl ?? (config.postgresUrl ? withoutPassword(config.postgresUrl) : null);
    const location = server ?? sqliteFileOf(config);
    if (!server && !existsSync(location)) {
      io.err(`No event store at ${location} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    const store = await openEventStore(config, new SystemClock());
    try {
      const result = await verifyIntegrity(store, stream ? { stream } : {});
      io.out(JSON.stringify({ store: store.kind, location, stream: stream ?? null, ...result }, null, 2));
      if (result.firstBreak) io.err(describeBreak(result.firstBreak));
      return result.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};

/** A server's address as it may be printed: without the password a connection string can carry. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
