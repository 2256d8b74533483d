import { MemorySubjectKeyStore } from './memory-subject-key-store.adapter';
import { subjectKeyStoreContract } from '../testing/subject-key-store.contract';

subjectKeyStoreContract('memory', async () => ({ store: new MemorySubjectKeyStore(), teardown: async () => undefined }));
