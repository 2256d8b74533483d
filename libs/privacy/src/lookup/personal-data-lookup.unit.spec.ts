import { Actor } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { MemoryAccessLog } from '../access-log/memory-access-log.adapter';
import { ErasureService } from '../erasure/erasure.service';
import { MemorySubjectKeyStore } from '../key-store/memory-subject-key-store.adapter';
import { LOOKUP_DIGEST_LENGTH, PersonalDataLookup } from './personal-data-lookup';

const ID = '11010519491231002X';
const admin: Actor = { id: 'op-1', role: 'admin', unit: 'root' };

describe('PersonalDataLookup (a keyed SM3 digest)', () => {
  const clock = new FakeClock('2025-03-04T02:00:00.000Z');

  it('gives the same digest for the same value and purpose, and another for another value or purpose', async () => {
    const lookup = new PersonalDataLookup(new MemorySubjectKeyStore(clock));
    const digest = await lookup.digest('credit-person', ID);
    expect(digest).toMatch(new RegExp(`^[0-9a-f]{${LOOKUP_DIGEST_LENGTH}}$`));
    expect(await lookup.digest('credit-person', ID)).toBe(digest);
    expect(await lookup.digest('credit-person', '330106199003071236')).not.toBe(digest);
    expect(await lookup.digest('other-purpose', ID)).not.toBe(digest);
    expect(digest).not.toContain(ID.slice(0, 6));
  });

  it('depends on the key: another key store (another deployment, a stolen log) finds nothing', async () => {
    const here = await new PersonalDataLookup(new MemorySubjectKeyStore(clock)).digest('credit-person', ID);
    const there = await new PersonalDataLookup(new MemorySubjectKeyStore(clock)).digest('credit-person', ID);
    expect(there).not.toBe(here);
  });

  it('keeps its key in the key store as `lookup.<purpose>`, which erasure refuses and records', async () => {
    const keys = new MemorySubjectKeyStore(clock);
    const log = new MemoryAccessLog();
    const digest = await new PersonalDataLookup(keys).digest('credit-person', ID);
    expect(await keys.info('lookup.credit-person')).toMatchObject({ status: 'active' });
    const erasure = new ErasureService(keys, log, clock);
    await expect(erasure.eraseSubject('lookup.credit-person', admin, '误操作')).rejects.toMatchObject({
      code: 'PRIVACY.LOOKUP_KEY_PROTECTED',
    });
    expect(await new PersonalDataLookup(keys).digest('credit-person', ID)).toBe(digest);
    expect(await log.list({ subjectId: 'lookup.credit-person' })).toEqual([
      expect.objectContaining({ action: 'erase', outcome: 'denied' }),
    ]);
  });

  it('refuses a purpose that is not a plain lower-case word', async () => {
    const lookup = new PersonalDataLookup(new MemorySubjectKeyStore(clock));
    await expect(lookup.digest('Credit Person', ID)).rejects.toThrow('Invalid lookup purpose');
  });
});
