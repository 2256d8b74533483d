import { existsSync, readFileSync } from 'node:fs';
import { verifyDossier } from '@bihuan/audit';
import { ChainProblem } from '@bihuan/event-store';
import { CliIo } from '../cli-command';

type DossierResult = ReturnType<typeof verifyDossier>;

/** What each kind of chain break means, for the operator (JSON output keeps the machine code `problem`). */
export const PROBLEM_LABELS: Readonly<Record<ChainProblem, string>> = {
  content: '内容被改动',
  order: '顺序被打乱',
  missing: '事件缺失',
  link: '链接断开',
};

/**
 * `verify --export <file>`: re-verifies an exported dossier offline (no store needed): every
 * event's SM3 hash is recomputed and each stream's chain checked from revision 0 to the head the
 * dossier declares. Prints a Chinese summary, or with `json` the JSON summary (English keys, with
 * the verified heads, to compare against the live log or a published report). Exit 0 intact,
 * 1 altered (first broken event on stderr), 2 no such file. `onResult` sees the result (the
 * `verify` command tells "not a dossier" from "altered" by it).
 */
export function verifyExportFile(
  file: string,
  io: CliIo,
  options: { json?: boolean; onResult?: (result: DossierResult) => void } = {},
): number {
  if (!existsSync(file)) {
    io.err(`${file} 不存在`);
    return 2;
  }
  const result = verifyDossier(readFileSync(file, 'utf8'));
  options.onResult?.(result);
  if (options.json ?? true) io.out(JSON.stringify({ export: file, ...result }, null, 2));
  else if (result.ok) io.out(`案卷 ${file}：完整，所有事件的 SM3 哈希与各流的哈希链无误`);
  const b = result.firstBreak;
  if (b) {
    io.err(
      b.problem === 'format'
        ? `无法读取案卷 ${file}：${b.detail}`
        : `案卷校验未通过：流 ${b.streamName} 第 ${b.revision} 版（位置 ${b.position}，事件 ${b.eventId || '?'}）${PROBLEM_LABELS[b.problem]}（${b.problem}）— ${b.detail}`,
    );
  }
  return result.ok ? 0 : 1;
}
