import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { assertBlobKey, BlobStat, BlobStore } from '../blob-store.port';

/**
 * Blobs in a Map: for tests and the in-memory demo (beside the memory event store), where nothing
 * should touch the disk. It holds whole files by nature, so it is never the production store.
 */
export class MemoryBlobStore implements BlobStore {
  readonly kind = 'memory';
  private readonly blobs = new Map<string, Buffer>();

  async putFile(key: string, path: string): Promise<void> {
    assertBlobKey(key);
    if (this.blobs.has(key)) return;
    const bytes = await readFile(path);
    if (!this.blobs.has(key)) this.blobs.set(key, bytes);
  }

  async putBytes(key: string, bytes: Buffer): Promise<void> {
    assertBlobKey(key);
    if (!this.blobs.has(key)) this.blobs.set(key, Buffer.from(bytes));
  }

  async open(key: string): Promise<Readable | null> {
    const bytes = this.blobs.get(assertBlobKey(key));
    return bytes ? Readable.from([bytes], { objectMode: false }) : null;
  }

  async stat(key: string): Promise<BlobStat | null> {
    const bytes = this.blobs.get(assertBlobKey(key));
    return bytes ? { size: bytes.length } : null;
  }

  async delete(key: string): Promise<void> {
    this.blobs.delete(assertBlobKey(key));
  }

  async close(): Promise<void> {}
}
