import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from '../../testing/blob-store.contract';
import { FsBlobStore } from './fs-blob-store.adapter';

blobStoreContract('fs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'fs-blobs-'));
  const store = new FsBlobStore(join(root, 'files'));
  return { store, teardown: async () => rmSync(root, { recursive: true, force: true }) };
});

describe('FsBlobStore layout', () => {
  let root: string;
  let store: FsBlobStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fs-blobs-'));
    store = new FsBlobStore(join(root, 'files'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const digest = 'abcdef'.padEnd(64, '0');

  it('fans keys out by the first four characters of their last segment', () => {
    expect(store.pathOf(digest)).toBe(join(root, 'files', 'ab', 'cd', digest));
    expect(store.pathOf(`thumbnail/${digest}`)).toBe(join(root, 'files', 'thumbnail', 'ab', 'cd', digest));
    expect(store.pathOf('a/b/x')).toBe(join(root, 'files', 'a+b', 'x_', '__', 'x'));
  });

  it('keeps files private (0600 in 0700 directories) and leaves no temporary file behind', async () => {
    const staged = join(root, 'staged');
    writeFileSync(staged, 'bytes', { mode: 0o644 });
    await store.putFile(digest, staged);
    await store.putBytes(`thumbnail/${digest}`, Buffer.from('jpeg'));
    expect(statSync(store.pathOf(digest)).mode & 0o777).toBe(0o600);
    expect(statSync(store.pathOf(`thumbnail/${digest}`)).mode & 0o777).toBe(0o600);
    for (const dir of [join(root, 'files'), join(root, 'files', 'ab'), join(root, 'files', 'ab', 'cd')])
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(root, 'files', 'ab', 'cd'))).toEqual([digest]);
  });

  it('removes its temporary file when the source cannot be read, keeping nothing', async () => {
    await expect(store.putFile(digest, join(root, 'no-such-staged-file'))).rejects.toThrow(/ENOENT/);
    expect(await store.stat(digest)).toBeNull();
    expect(readdirSync(join(root, 'files', 'ab', 'cd'))).toEqual([]);
  });
});
