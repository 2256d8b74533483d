import { Actor } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { MemoryAccessLog } from '../access-log/memory-access-log.adapter';
import { PersonalDataAccess } from '../access/personal-data-access.service';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { MemorySubjectKeyStore } from '../key-store/memory-subject-key-store.adapter';
import { ErasureService } from './erasure.service';

const admin: Actor = { id: 'op-1', role: 'admin', unit: 'root' };
const leader: Actor = { id: 'leader-1', role: 'leader', unit: 'root' };

describe('ErasureService', () => {
  const clock = new FakeClock('2025-03-04T02:00:00.000Z');
  let keys: MemorySubjectKeyStore;
  let log: MemoryAccessLog;
  let cipher: PersonalDataCipher;
  let erasure: ErasureService;
  let ciphertexts: string[];

  beforeEach(async () => {
    keys = new MemorySubjectKeyStore(clock);
    log = new MemoryAccessLog();
    cipher = new PersonalDataCipher(keys);
    erasure = new ErasureService(keys, log, clock);
    // the same person on two tickets (same subject), plus someone else
    ciphertexts = [await cipher.encrypt('subj-1', { name: '张三丰' }), await cipher.encrypt('subj-1', { phone: '13812345678' })];
    await cipher.encrypt('subj-2', { name: '李四' });
  });

  it('destroys the key, keeps the tombstone and records the erasure', async () => {
    const receipt = await erasure.eraseSubject('subj-1', admin, ' 个人信息删除申请 #12 ');
    const expected = { erasedBy: admin, reason: '个人信息删除申请 #12', at: '2025-03-04T02:00:00.000Z' };
    expect(receipt).toEqual({ subjectId: 'subj-1', outcome: 'erased', erasure: expected });
    expect(await keys.get('subj-1')).toBe('erased');
    expect((await keys.info('subj-1'))?.erasure).toEqual(expected);
    expect(await log.list({ subjectId: 'subj-1' })).toEqual([
      expect.objectContaining({ action: 'erase', reader: admin, outcome: 'granted', purpose: '个人信息删除申请 #12', caseStream: null }),
    ]);
  });

  it('leaves every copy of the data unreadable, for the cipher and for every reader', async () => {
    await erasure.eraseSubject('subj-1', admin, 'request');
    const access = new PersonalDataAccess(cipher, log, clock);
    for (const ct of ciphertexts) {
      expect(await cipher.decrypt('subj-1', ct)).toEqual({ erased: true });
      expect(await access.reveal({ subjectId: 'subj-1', ciphertext: ct, reader: leader, purpose: 'audit', caseStream: null })).toEqual({
        erased: true,
      });
      expect(await access.redactFor(leader, { subjectId: 'subj-1', ciphertext: ct, purpose: 'audit', caseStream: null })).toEqual({
        visible: true,
        erased: true,
      });
    }
    expect(await keys.get('subj-2')).toBeInstanceOf(Buffer);
  });

  it('is safe to retry: a second erasure reports the first', async () => {
    await erasure.eraseSubject('subj-1', admin, 'first');
    clock.advanceHours(1);
    const again = await erasure.eraseSubject('subj-1', admin, 'second');
    expect(again).toMatchObject({ outcome: 'already-erased', erasure: { reason: 'first', at: '2025-03-04T02:00:00.000Z' } });
    expect((await log.list()).map((e) => e.outcome)).toEqual(['granted', 'erased']);
  });

  it.each(['leader', 'inspector', 'hospital', 'public'] as const)('refuses role %s (recorded) and keeps the key', async (role) => {
    await expect(erasure.eraseSubject('subj-1', { id: 'x', role, unit: 'root' }, 'because')).rejects.toMatchObject({
      code: 'PRIVACY.NOT_ALLOWED',
    });
    expect(await keys.get('subj-1')).toBeInstanceOf(Buffer);
    expect((await log.list()).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('requires a reason and a known subject', async () => {
    await expect(erasure.eraseSubject('subj-1', admin, '')).rejects.toMatchObject({ code: 'PRIVACY.REASON_REQUIRED' });
    await expect(erasure.eraseSubject('nobody', admin, 'request')).rejects.toMatchObject({
      code: 'PRIVACY.SUBJECT_NOT_FOUND',
      kind: 'not_found',
    });
    expect(await keys.info('nobody')).toBeNull();
    expect(await log.verify()).toMatchObject({ ok: true, count: 1 });
  });
});
