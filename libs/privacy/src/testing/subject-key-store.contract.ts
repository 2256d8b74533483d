import { Actor } from '@bihuan/core';
import { SubjectErasure, SubjectKeyStore } from '../key-store/subject-key-store.port';

/** What an adapter's spec hands the contract for each test. */
export interface SubjectKeyStoreHarness {
  readonly store: SubjectKeyStore;
  teardown(): Promise<void>;
}

const admin: Actor = { id: 'admin-1', role: 'admin', unit: 'city-1' };
const erasure = (reason = 'PIPL art. 47 request #12'): SubjectErasure => ({ erasedBy: admin, reason, at: '2025-03-04T02:00:00.000Z' });

/**
 * The suite every SubjectKeyStore adapter passes (architecture.md, rule 6). Not exported from
 * the lib's index: only spec files import it, and the build excludes `**\/testing/**`.
 */
export function subjectKeyStoreContract(name: string, setup: () => Promise<SubjectKeyStoreHarness>): void {
  describe(`SubjectKeyStore contract: ${name}`, () => {
    let h: SubjectKeyStoreHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h?.teardown();
    });

    it('creates a random 128-bit key and returns it', async () => {
      await h.store.create('subj-a');
      const key = await h.store.get('subj-a');
      expect(Buffer.isBuffer(key)).toBe(true);
      expect((key as Buffer).length).toBe(16);
      expect((key as Buffer).equals(Buffer.alloc(16))).toBe(false);
    });

    it('never replaces a live key: create is idempotent', async () => {
      await h.store.create('subj-a');
      const first = (await h.store.get('subj-a')) as Buffer;
      await h.store.create('subj-a');
      expect(((await h.store.get('subj-a')) as Buffer).equals(first)).toBe(true);
    });

    it('gives different subjects different keys', async () => {
      await h.store.create('subj-a');
      await h.store.create('subj-b');
      const a = (await h.store.get('subj-a')) as Buffer;
      const b = (await h.store.get('subj-b')) as Buffer;
      expect(a.equals(b)).toBe(false);
    });

    it('answers null for a subject that never had a key', async () => {
      expect(await h.store.get('nobody')).toBeNull();
      expect(await h.store.info('nobody')).toBeNull();
    });

    it('hands out a copy: scribbling on it does not change the stored key', async () => {
      await h.store.create('subj-a');
      const key = (await h.store.get('subj-a')) as Buffer;
      const copy = Buffer.from(key);
      key.fill(0);
      expect(((await h.store.get('subj-a')) as Buffer).equals(copy)).toBe(true);
    });

    it('erases a key, keeps a tombstone with who, when and why, and says erased from then on', async () => {
      await h.store.create('subj-a');
      expect(await h.store.erase('subj-a', erasure())).toBe(true);
      expect(await h.store.get('subj-a')).toBe('erased');
      expect(await h.store.info('subj-a')).toEqual({
        subjectId: 'subj-a',
        status: 'erased',
        createdAt: expect.any(String),
        erasure: erasure(),
      });
    });

    it('erasing twice is harmless and keeps the first tombstone', async () => {
      await h.store.create('subj-a');
      await h.store.erase('subj-a', erasure('first'));
      expect(await h.store.erase('subj-a', erasure('second'))).toBe(false);
      expect((await h.store.info('subj-a'))?.erasure?.reason).toBe('first');
    });

    it('does not invent a tombstone for an unknown subject', async () => {
      expect(await h.store.erase('nobody', erasure())).toBe(false);
      expect(await h.store.info('nobody')).toBeNull();
    });

    it('never creates a key again for an erased subject', async () => {
      await h.store.create('subj-a');
      await h.store.erase('subj-a', erasure());
      await expect(h.store.create('subj-a')).rejects.toMatchObject({ code: 'PRIVACY.SUBJECT_ERASED', kind: 'conflict' });
      expect(await h.store.get('subj-a')).toBe('erased');
    });

    it('erasing one subject leaves the others readable', async () => {
      await h.store.create('subj-a');
      await h.store.create('subj-b');
      const b = (await h.store.get('subj-b')) as Buffer;
      await h.store.erase('subj-a', erasure());
      expect(((await h.store.get('subj-b')) as Buffer).equals(b)).toBe(true);
    });

    it('lists subjects by id with status, never the key, and counts them', async () => {
      for (const id of ['subj-c', 'subj-a', 'subj-b']) await h.store.create(id);
      await h.store.erase('subj-b', erasure());
      const all = await h.store.list();
      expect(all.map((i) => [i.subjectId, i.status])).toEqual([
        ['subj-a', 'active'],
        ['subj-b', 'erased'],
        ['subj-c', 'active'],
      ]);
      expect(JSON.stringify(all)).not.toMatch(/"key"/);
      expect((await h.store.list({ status: 'erased' })).map((i) => i.subjectId)).toEqual(['subj-b']);
      expect((await h.store.list({ status: 'active', limit: 1, offset: 1 })).map((i) => i.subjectId)).toEqual(['subj-c']);
      expect(await h.store.stats()).toEqual({ active: 2, erased: 1 });
    });

    it('refuses malformed subject ids', async () => {
      await expect(h.store.create('')).rejects.toMatchObject({ code: 'PRIVACY.INVALID_SUBJECT' });
      await expect(h.store.get('../etc/passwd')).rejects.toMatchObject({ code: 'PRIVACY.INVALID_SUBJECT' });
    });
  });
}
