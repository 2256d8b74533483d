import { existsSync } from 'node:fs';
import { SystemClock } from '@bihuan/core';
import { ChainBreak } from '@bihuan/event-store';
import { openEventStore, sqliteFileOf } from '@bihuan/platform';
import { stringFlag, UsageError } from '../argv';
import { CliCommand, CliIo } from '../cli-command';
import { createProgress, progressWanted } from '../progress';
import { cliConfig } from './cli-config';
import { IntegrityResult, streamExists, verifyIntegrity } from './integrity';
import { openFileChecker } from './evidence-checker';
import { describeFileProblem } from '@bihuan/audit';
import { verifyDrawFile } from './verify-draw';
import { PROBLEM_LABELS, verifyExportFile } from './verify-export';

/**
 * `完整性校验未通过：流 finding-1 第 2 版（位置 7，事件 …）内容被改动（content）— …`; a deleted
 * global tail has no event left to name: `完整性校验未通过：位置 9 事件缺失（missing）— …`.
 */
export function describeBreak(b: ChainBreak): string {
  const what = `${PROBLEM_LABELS[b.problem]}（${b.problem}）— ${b.detail}`;
  if (b.streamName === '') return `完整性校验未通过：位置 ${b.position} ${what}`;
  const where = b.position >= 0 ? `位置 ${b.position}，事件 ${b.eventId || '?'}` : '末尾已被删除';
  return `完整性校验未通过：流 ${b.streamName} 第 ${b.revision} 版（${where}）${what}`;
}

/**
 * `verify --export <file>`: the dossier check of verify-export.ts, except that a file that is not
 * a dossier at all (no or broken JSON block, unreadable) exits 2 like a missing one — 1 is kept for
 * "this dossier was altered", naming the first broken event.
 */
async function verifyExport(file: string, io: CliIo, json: boolean, requireFiles: boolean): Promise<number> {
  let code: number;
  let problem: string | undefined;
  try {
    code = await verifyExportFile(file, io, { json, requireFiles, onResult: (r) => (problem = r.firstBreak?.problem) });
  } catch (error) {
    io.err(`无法读取案卷 ${file}：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  return code === 1 && problem === 'format' ? 2 : code;
}

function summary(result: IntegrityResult, location: string, stream: string | undefined): string {
  const scope = stream ? `流 ${stream}` : `日志 ${location}`;
  const files = result.files;
  const fileText =
    files && files.checked > 0
      ? `；附件文件 ${files.checked} 个${files.problems.length ? `，其中 ${files.problems.length} 个缺失或被改动` : '，均存在且与记录一致'}`
      : '';
  if (!result.ok) return `${scope}：校验未通过，已检查 ${result.events} 个事件（${result.streams} 个流）${fileText}`;
  const checks = [result.headsChecked ? '流头一致' : '', result.continuityChecked ? '位置连续' : ''].filter(Boolean);
  return `${scope}：完整，${result.streams} 个流、${result.events} 个事件的 SM3 哈希链无误${checks.length ? `（${checks.join('、')}）` : ''}${fileText}${result.lastHash ? `\n末哈希 ${result.lastHash}` : ''}`;
}

/**
 * `verify [--stream <name>] [--data-dir <dir>] [--json]`: checks the SM3 hash chain of the
 * configured store (ESDB_URL, POSTGRES_URL or the SQLite file in DATA_DIR) and every attached
 * evidence file in the blob store as the walk meets its event (a line on stderr per missing or
 * altered file, naming the case and the file; exit 1): a Chinese summary on
 * stdout, or with --json the JSON summary (English keys) scripts read. Exit 0 intact; 1 tampered
 * (the first broken event is named on stderr and in `firstBreak`); 2 when there is nothing to
 * verify (no store file, a stream the log does not have, bad configuration).
 * `verify --export <file>` re-verifies an exported dossier offline instead (no store needed), and
 * `verify --draw <file>` a revealed draw's public page (verify-draw.ts).
 */
export const verifyAction: CliCommand = {
  async run(args, io) {
    const stream = stringFlag(args, 'stream');
    const exported = stringFlag(args, 'export');
    const json = args.flags['json'] === true;
    const requireFiles = args.flags['require-files'] === true;
    const draw = stringFlag(args, 'draw');
    if (draw !== undefined) {
      if (stream !== undefined || exported !== undefined || requireFiles)
        throw new UsageError('--draw 核验公开的抽查文件，不能与其他校验选项同时使用');
      return verifyDrawFile(draw, io, json);
    }
    if (exported !== undefined) {
      if (stream !== undefined) throw new UsageError('--export 校验案卷文件，不能与 --stream 同时使用');
      return verifyExport(exported, io, json, requireFiles);
    }
    if (requireFiles) throw new UsageError('--require-files 只用于 --export（案卷旁的附件）');
    const config = cliConfig(args, io);
    if (!config) return 2;
    const server = config.esdbUrl ?? (config.postgresUrl ? withoutPassword(config.postgresUrl) : null);
    const location = server ?? sqliteFileOf(config);
    if (!server && !existsSync(location)) {
      io.err(`${location} 处没有事件日志（请设置 DATA_DIR 或 --data-dir）`);
      return 2;
    }
    const store = await openEventStore(config, new SystemClock());
    try {
      if (stream !== undefined && !(await streamExists(store, stream))) {
        io.err(`日志中没有流 ${stream}（请检查流名，如 finding-1）`);
        return 2;
      }
      const progress = createProgress(io, progressWanted(args), { label: stream ? `校验流 ${stream} 的事件` : '校验事件（按日志位置）' });
      const files = await openFileChecker(config, store);
      let result: IntegrityResult;
      try {
        result = await verifyIntegrity(store, {
          ...(stream ? { stream } : {}),
          onProgress: progress.update,
          files: files.check,
          onFileProblem: (problem) => io.err(describeFileProblem(problem)),
        });
      } finally {
        await files.close();
      }
      progress.finish();
      io.out(
        json
          ? JSON.stringify({ store: store.kind, location, stream: stream ?? null, ...result }, null, 2)
          : summary(result, location, stream),
      );
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
