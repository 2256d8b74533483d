import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, BlobStat, BlobStore } from '../blob-store.port';

const ABSENT = new Set(['ENOENT', 'ENOTDIR']);
const isAbsent = (error: unknown): boolean => ABSENT.has((error as NodeJS.ErrnoException).code ?? '');

/**
 * Blobs as files under `<DATA_DIR>/files` (the embedded default), fanned out by the first four
 * characters of the key's last segment so no directory grows huge: `<digest>` lives at
 * `ab/cd/<digest>`, `thumbnail/<digest>` at `thumbnail/ab/cd/<digest>`. The segments before the
 * last are joined with `+` (not a key character) into one directory, so every key has one path and
 * no key's file is another key's directory. Writes go to a temporary file in the target directory,
 * flushed, then renamed: a crash leaves the old state or the whole new file, never half of one.
 * Directories are 0700, files 0600 (evidence is personal data).
 */
export class FsBlobStore implements BlobStore {
  readonly kind = 'fs';

  constructor(readonly root: string) {}

  /** The file a key is kept in (for operators and tests). */
  pathOf(key: string): string {
    const segments = assertBlobKey(key).split('/');
    const last = segments.pop()!;
    const fan = (from: number): string => last.slice(from, from + 2).padEnd(2, '_');
    return join(this.root, ...(segments.length > 0 ? [segments.join('+')] : []), fan(0), fan(2), last);
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    if (await this.held(target)) return;
    await this.writeAtomically(target, (tmp) =>
      pipeline(createReadStream(path), createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true })),
    );
  }

  async putBytes(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.held(target)) return;
    await this.writeAtomically(target, (tmp) => writeFile(tmp, bytes, { flag: 'wx', mode: 0o600, flush: true }));
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    try {
      return { size: (await stat(this.pathOf(key))).size };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}

  private async held(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (isAbsent(error)) return false;
      throw error;
    }
  }

  private async writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Starts with a dot: never a key segment, so never mistaken for a blob or a directory.
    const tmp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await write(tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }
}

/** Makes the rename durable: the directory entry is on disk before the event naming the blob is appended. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot fsync a directory; the rename itself stays atomic.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}
