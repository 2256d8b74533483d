import { MemoryAccessLog } from './memory-access-log.adapter';
import { accessLogContract } from '../testing/access-log.contract';

accessLogContract('memory', async () => ({ log: new MemoryAccessLog(), teardown: async () => undefined }));

describe('MemoryAccessLog specifics', () => {
  it('verifies an empty log as intact', async () => {
    await expect(new MemoryAccessLog().verify()).resolves.toMatchObject({ ok: true, count: 0 });
  });
});
