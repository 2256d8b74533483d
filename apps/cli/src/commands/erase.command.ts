import { existsSync } from 'node:fs';
import { Actor, isDomainError, SystemClock } from '@bihuan/core';
import { sqliteFileOf } from '@bihuan/platform';
import { defaultKeyStoreFile, ErasureService, SqliteAccessLog, SqliteSubjectKeyStore } from '@bihuan/privacy';
import { stringFlag, UsageError } from '../argv';
import { CliCommand } from '../cli-command';
import { cliConfig } from './cli-config';

/**
 * `erase <subjectId> --reason "…" [--data-dir <dir>] [--by <operator>]`: crypto-shredding from the
 * console (docs/privacy.md). Deletes the subject's SM4 key in `${DATA_DIR}/keys.sqlite` (leaving a
 * tombstone), records the erasure in the access log (in `bihuan.sqlite`, as the API does), and
 * prints the receipt. The log is not touched: `verify` still passes. Safe to repeat
 * (`already-erased`). Exit 0 done; 1 refused (unknown subject …); 2 usage or no key store.
 */
export const eraseCommand: CliCommand = {
  name: 'erase',
  summary: 'Erase a data subject (complainant): delete their key so their identity is unreadable everywhere',
  usage: 'erase <subjectId> --reason "<request it answers>" [--data-dir <dir>] [--by <operator>]',
  async run(args, io) {
    const subjectId = args.positionals[0];
    if (!subjectId || args.positionals.length > 1) throw new UsageError('Name exactly one subject id');
    const reason = stringFlag(args, 'reason');
    if (!reason || reason.trim().length === 0) throw new UsageError('--reason is required (e.g. the request it answers)');
    const config = cliConfig(args, io);
    if (!config) return 2;
    const keyFile = defaultKeyStoreFile(config.dataDir);
    if (!existsSync(keyFile)) {
      io.err(`No key store at ${keyFile} (set DATA_DIR or --data-dir)`);
      return 2;
    }
    const clock = new SystemClock();
    const keys = SqliteSubjectKeyStore.open({ database: keyFile, clock });
    const accessLog = SqliteAccessLog.open({ database: sqliteFileOf(config) });
    const by: Actor = { id: `cli:${stringFlag(args, 'by') ?? io.env['USER'] ?? 'operator'}`, role: 'admin', unit: 'cli' };
    try {
      const receipt = await new ErasureService(keys, accessLog, clock).eraseSubject(subjectId, by, reason);
      io.out(JSON.stringify(receipt, null, 2));
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(`${error.code}: ${error.message}`);
      return 1;
    } finally {
      await keys.close();
      await accessLog.close();
    }
  },
};
