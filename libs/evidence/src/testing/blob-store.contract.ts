import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobStore } from '../blob-store/blob-store.port';

/** What an adapter's spec hands the contract for each test. */
export interface BlobStoreHarness {
  readonly store: BlobStore;
  teardown(): Promise<void>;
}

async function bytesOf(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error('expected a stream, got null');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sm3 = (bytes: Buffer): string => createHash('sm3').update(bytes).digest('hex');

/**
 * The suite every BlobStore adapter passes (architecture.md, rule 6): memory, fs and s3 (against
 * a real S3-compatible server the spec starts). Not exported from the lib's index: only spec files
 * import it, and the build excludes `**\/testing/**`.
 */
export function blobStoreContract(name: string, setup: () => Promise<BlobStoreHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let h: BlobStoreHarness;
    let dir: string;
    const staged = (bytes: Buffer, file = `staged-${randomBytes(4).toString('hex')}`): string => {
      const path = join(dir, file);
      writeFileSync(path, bytes);
      return path;
    };
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'blob-contract-'));
      h = await setup();
    });
    afterEach(async () => {
      await h?.teardown();
      rmSync(dir, { recursive: true, force: true });
    });

    it('round-trips a multi-megabyte file byte for byte, and leaves the staged file to the caller', async () => {
      const bytes = randomBytes(6 * 1024 * 1024 + 123);
      const key = sm3(bytes);
      const path = staged(bytes);
      await h.store.putFile(key, path);
      expect(existsSync(path)).toBe(true);
      expect(await h.store.stat(key)).toEqual({ size: bytes.length });
      const back = await bytesOf(await h.store.open(key));
      expect(back.length).toBe(bytes.length);
      expect(sm3(back)).toBe(key);
    });

    it('opens a fresh stream every time', async () => {
      await h.store.putBytes('thumbnail/one', Buffer.from('one'));
      const [a, b] = [await h.store.open('thumbnail/one'), await h.store.open('thumbnail/one')];
      expect((await bytesOf(a)).toString()).toBe('one');
      expect((await bytesOf(b)).toString()).toBe('one');
    });

    it('keeps what a key holds: a second put is a no-op, whatever it brings', async () => {
      const first = Buffer.from('the first bytes under this key');
      await h.store.putFile('k1', staged(first));
      await h.store.putFile('k1', staged(first));
      await h.store.putFile('k1', staged(Buffer.from('other bytes')));
      await h.store.putBytes('k1', Buffer.from('more other bytes'));
      expect((await bytesOf(await h.store.open('k1'))).equals(first)).toBe(true);
      expect(await h.store.stat('k1')).toEqual({ size: first.length });
    });

    it('states sizes, empty blobs included', async () => {
      await h.store.putBytes('sizes/zero', Buffer.alloc(0));
      await h.store.putFile('sizes/some', staged(Buffer.alloc(70_001, 7)));
      expect(await h.store.stat('sizes/zero')).toEqual({ size: 0 });
      expect(await h.store.stat('sizes/some')).toEqual({ size: 70_001 });
      expect((await bytesOf(await h.store.open('sizes/zero'))).length).toBe(0);
    });

    it('answers null for a key it does not hold', async () => {
      expect(await h.store.open('f'.repeat(64))).toBeNull();
      expect(await h.store.stat('f'.repeat(64))).toBeNull();
      expect(await h.store.open('thumbnail/absent')).toBeNull();
    });

    it('deletes, and deleting an absent key is not an error', async () => {
      await h.store.putBytes('gone', Buffer.from('x'));
      await h.store.delete('gone');
      expect(await h.store.open('gone')).toBeNull();
      expect(await h.store.stat('gone')).toBeNull();
      await expect(h.store.delete('gone')).resolves.toBeUndefined();
      await expect(h.store.delete('never-there')).resolves.toBeUndefined();
      await h.store.putBytes('gone', Buffer.from('back'));
      expect((await bytesOf(await h.store.open('gone'))).toString()).toBe('back');
    });

    it.each(['', '../etc/passwd', 'a/../b', '/abs', 'a//b', 'Upper', 'a/b/c/d/e', '.hidden', 'a b', 'x'.repeat(201)])(
      'refuses the bad key %j on every operation, writing nothing',
      async (key) => {
        const path = staged(Buffer.from('x'));
        await expect(h.store.putFile(key, path)).rejects.toThrow(/Not a blob key/);
        await expect(h.store.putBytes(key, Buffer.from('x'))).rejects.toThrow(/Not a blob key/);
        await expect(h.store.open(key)).rejects.toThrow(/Not a blob key/);
        await expect(h.store.stat(key)).rejects.toThrow(/Not a blob key/);
        await expect(h.store.delete(key)).rejects.toThrow(/Not a blob key/);
      },
    );

    it('holds many keys apart, including keys that are prefixes or fan-outs of one another', async () => {
      const digest = sm3(Buffer.from('evidence'));
      const tricky = ['ab', 'abcd', 'ab/cd', 'ab/cd/abcd', 'ab/cd/ab/cd', 'abcd/ab', 'a', 'a_', digest, `thumbnail/${digest}`];
      const many = Array.from({ length: 40 }, (_, i) => sm3(Buffer.from(`blob ${i}`)));
      const keys = [...tricky, ...many];
      await Promise.all(keys.map((key) => h.store.putBytes(key, Buffer.from(`content of ${key}`))));
      for (const key of keys) expect((await bytesOf(await h.store.open(key))).toString()).toBe(`content of ${key}`);
      await h.store.delete('ab');
      expect(await h.store.stat('ab')).toBeNull();
      expect((await bytesOf(await h.store.open('ab/cd'))).toString()).toBe('content of ab/cd');
    });
  });
}
