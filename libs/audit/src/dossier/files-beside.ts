import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DossierFileCheck } from './dossier.types';

/** 一致, 不一致 (the copy hashes to something else), 未提供 (no copy beside the dossier). */
export type BesideStatus = 'match' | 'mismatch' | 'absent';

export interface BesideFile extends DossierFileCheck {
  readonly status: BesideStatus;
  /** The copy that was checked (the one that matched, else the first found). */
  readonly path?: string;
  readonly actualDigest?: string;
  readonly actualSize?: number;
}

export const BESIDE_LABELS: Readonly<Record<BesideStatus, string>> = { match: '一致', mismatch: '不一致', absent: '未提供' };

/** SM3 of a file, read as a stream (evidence may be large). */
export function sm3OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sm3');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Where a copy may sit: named by its digest, or by its original name (never a path: only its last segment). */
function candidates(dir: string, f: DossierFileCheck): string[] {
  const names = [f.digest];
  const own = f.name ? basename(f.name.replace(/\\/g, '/')) : '';
  if (own && own !== '.' && own !== '..' && own !== f.digest) names.push(own);
  return names.map((n) => join(dir, n)).filter((p) => existsSync(p) && statSync(p).isFile());
}

/**
 * Checks the files a dossier lists against copies placed beside it (the same directory), one file
 * at a time: each is 一致 when a copy hashes to its digest, 不一致 when the copies found do not
 * (with what the first hashes to), 未提供 when there is none.
 */
export async function checkFilesBeside(files: readonly DossierFileCheck[], dir: string): Promise<BesideFile[]> {
  const out: BesideFile[] = [];
  for (const f of files) {
    const found = candidates(dir, f);
    let first: BesideFile | null = null;
    let matched: BesideFile | null = null;
    for (const path of found) {
      const actualDigest = await sm3OfFile(path);
      const checked: BesideFile = {
        ...f,
        path,
        actualDigest,
        actualSize: statSync(path).size,
        status: actualDigest === f.digest ? 'match' : 'mismatch',
      };
      first ??= checked;
      if (checked.status === 'match') {
        matched = checked;
        break;
      }
    }
    out.push(matched ?? first ?? { ...f, status: 'absent' });
  }
  return out;
}

/** `附件「整改报告.pdf」（SM3 …）：不一致，实际摘要 …（文件 …）` — one line per listed file. */
export function describeBesideFile(r: BesideFile): string {
  const what = `附件「${r.name ?? '（名称不公开）'}」（SM3 ${r.digest}，${r.size} 字节）`;
  if (r.status === 'absent') return `${what}：${BESIDE_LABELS.absent}`;
  if (r.status === 'match') return `${what}：${BESIDE_LABELS.match}（文件 ${r.path}）`;
  return `${what}：${BESIDE_LABELS.mismatch}，实际摘要 ${r.actualDigest}（${r.actualSize} 字节，文件 ${r.path}）`;
}
