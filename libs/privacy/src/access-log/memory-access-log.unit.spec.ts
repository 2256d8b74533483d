import { MemoryAccessLog } from './memory-access-log.adapter';
import { accessLogContract } from '../testing/access-log.contract';

accessLogContract('memory', async () => ({ log: new MemoryAccessLog(), teardown: async () => undefined }));
