import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StagedFile } from './staged-file';

/**
 * Bytes the system made itself (the case file sent with a referral) staged as an upload is, so
 * they enter the evidence vault through its one door (`prepare`, then `keep` once the decider
 * accepted) and are addressed and checked by their SM3 digest like any evidence. `discard` removes
 * the staging file whatever became of the write.
 */
export async function stageGenerated(
  dir: string,
  bytes: Buffer,
  file: { readonly name: string; readonly mediaType: string },
): Promise<StagedFile & { discard(): Promise<void> }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `generated-${randomUUID()}`);
  await writeFile(path, bytes, { mode: 0o600 });
  return {
    path,
    digest: createHash('sm3').update(bytes).digest('hex'),
    size: bytes.length,
    mediaType: file.mediaType,
    name: file.name,
    discard: () => rm(path, { force: true }),
  };
}
