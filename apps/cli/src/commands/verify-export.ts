import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BesideFile, checkFilesBeside, describeBesideFile, verifyDossier } from '@bihuan/audit';
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
 * dossier declares; then each file the dossier lists is looked for beside it (same directory, named
 * by its digest or its original name) and hashed: 一致 / 不一致 / 未提供. Prints a Chinese summary
 * and a line per file, or with `json` the JSON summary (English keys, with the verified heads and
 * `files`). Exit 0 intact; 1 altered (first broken event on stderr) or a file copy that does not
 * match (or, with `requireFiles`, is absent); 2 no such file. `onResult` sees the result (the
 * `verify` command tells "not a dossier" from "altered" by it).
 */
export async function verifyExportFile(
  file: string,
  io: CliIo,
  options: { json?: boolean; requireFiles?: boolean; onResult?: (result: DossierResult) => void } = {},
): Promise<number> {
  if (!existsSync(file)) {
    io.err(`${file} 不存在`);
    return 2;
  }
  const result = verifyDossier(readFileSync(file, 'utf8'));
  options.onResult?.(result);
  const files: BesideFile[] = result.firstBreak?.problem === 'format' ? [] : await checkFilesBeside(result.files, dirname(file));
  const failed = files.filter((f) => f.status === 'mismatch' || (options.requireFiles && f.status === 'absent'));
  if (options.json ?? true) io.out(JSON.stringify({ export: file, ...result, ok: result.ok && failed.length === 0, files }, null, 2));
  else {
    if (result.ok) io.out(`案卷 ${file}：完整，所有事件的 SM3 哈希与各流的哈希链无误`);
    for (const f of files) io.out(describeBesideFile(f));
  }
  const b = result.firstBreak;
  if (b) {
    io.err(
      b.problem === 'format'
        ? `无法读取案卷 ${file}：${b.detail}`
        : `案卷校验未通过：流 ${b.streamName} 第 ${b.revision} 版（位置 ${b.position}，事件 ${b.eventId || '?'}）${PROBLEM_LABELS[b.problem]}（${b.problem}）— ${b.detail}`,
    );
  }
  for (const f of failed) io.err(`附件校验未通过：${describeBesideFile(f)}`);
  return result.ok && failed.length === 0 ? 0 : 1;
}
