import { MemorySubjectKeyStore } from './memory-subject-key-store.adapter';
import { subjectKeyStoreContract } from '../testing/subject-key-store.contract';

subjectKeyStoreContract('memory', async () => ({ store: new MemorySubjectKeyStore(), teardown: async () => undefined }));

describe('MemorySubjectKeyStore specifics', () => {
  it('starts empty', async () => {
    await expect(new MemorySubjectKeyStore().stats()).resolves.toEqual({ active: 0, erased: 0 });
  });
});
