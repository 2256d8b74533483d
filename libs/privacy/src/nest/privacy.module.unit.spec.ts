import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CLOCK } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { MemoryAccessLog } from '../access-log/memory-access-log.adapter';
import { ErasureService } from '../erasure/erasure.service';
import { PersonalDataAccess } from '../access/personal-data-access.service';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { MemorySubjectKeyStore } from '../key-store/memory-subject-key-store.adapter';
import { PrivacyModule } from './privacy.module';

const clock = new FakeClock('2025-03-04T02:00:00.000Z');
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] })
class ClockModule {}

describe('PrivacyModule', () => {
  it('wires cipher, access and erasure over the given adapters and closes them on shutdown', async () => {
    const keyStore = new MemorySubjectKeyStore(clock);
    const accessLog = new MemoryAccessLog();
    const close = jest.spyOn(keyStore, 'close');
    const app = await Test.createTestingModule({
      imports: [ClockModule, PrivacyModule.forRootAsync({ useFactory: () => ({ keyStore, accessLog }) })],
    }).compile();
    await app.init();

    const ciphertext = await app.get(PersonalDataCipher).encrypt('subj-1', { name: '张三丰' });
    const reader = { id: 'l-1', role: 'leader' as const, unit: 'root' };
    expect(
      await app.get(PersonalDataAccess).reveal({ subjectId: 'subj-1', ciphertext, reader, purpose: 'check', caseStream: null }),
    ).toEqual({ name: '张三丰' });
    await app.get(ErasureService).eraseSubject('subj-1', { id: 'op', role: 'admin', unit: 'root' }, 'request');
    expect(await keyStore.get('subj-1')).toBe('erased');
    expect((await accessLog.list()).map((e) => e.at)).toEqual(['2025-03-04T02:00:00.000Z', '2025-03-04T02:00:00.000Z']);

    await app.close();
    expect(close).toHaveBeenCalled();
  });
});
