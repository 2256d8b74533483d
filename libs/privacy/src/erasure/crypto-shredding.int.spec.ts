import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from '@bihuan/core';
import { SqliteEventStore, verifyLogAndHeads } from '@bihuan/event-store';
import { FakeClock, testEvent } from '@bihuan/testing';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { ACCESS_LOG_MIGRATIONS } from '../access-log/access-log.migrations';
import { SqlAccessLog } from '../access-log/sql-access-log.adapter';
import { PersonalDataAccess } from '../access/personal-data-access.service';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { SqlSubjectKeyStore } from '../key-store/sql-subject-key-store.adapter';
import { ErasureService } from './erasure.service';

const admin: Actor = { id: 'op-1', role: 'admin', unit: 'root' };
const leader: Actor = { id: 'leader-1', role: 'leader', unit: 'root' };

/**
 * The whole scheme on real files, as the embedded deployment lays them out: the log and the access
 * log in `bihuan.sqlite`, the keys in `keys.sqlite`. Erasing a person must leave the log byte-for-
 * byte as it was (so it still verifies) and the person unreadable.
 */
describe('crypto-shredding on the embedded files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-shred-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bytesOf = (prefix: string): Buffer =>
    Buffer.concat(
      readdirSync(dir)
        .filter((f) => f.startsWith(prefix))
        .map((f) => readFileSync(join(dir, f))),
    );

  it('erases the identity everywhere while the event log still verifies', async () => {
    const clock = new FakeClock('2025-03-04T02:00:00.000Z');
    const store = SqliteEventStore.open({ file: join(dir, 'bihuan.sqlite'), clock });
    const keys = await SqlSubjectKeyStore.open({ dataDir: dir, url: null, clock });
    const readModels = openSqliteDatabase({ file: store.database });
    await migrateToLatest(readModels, [ACCESS_LOG_MIGRATIONS]);
    const log = new SqlAccessLog(readModels);
    const cipher = new PersonalDataCipher(keys);
    const access = new PersonalDataAccess(cipher, log, clock);

    const identityCiphertext = await cipher.encrypt('subj-1', { name: '张三丰', phone: '13812345678' });
    const complainant = { kind: 'named', subjectId: 'subj-1', identityCiphertext };
    await store.append('complaintTicket-t1', [testEvent('ComplaintReceived', { ticketId: 't1', complainant })], 'no_stream');
    const key = (await keys.get('subj-1')) as Buffer;
    expect(bytesOf('bihuan').includes(Buffer.from('张三丰'))).toBe(false);
    expect(bytesOf('bihuan').includes(key)).toBe(false);

    const [received] = await store.readStream('complaintTicket-t1');
    const stored = (received!.data as { complainant: { identityCiphertext: string } }).complainant.identityCiphertext;
    const request = { subjectId: 'subj-1', ciphertext: stored, purpose: 'return call', caseStream: 'complaintTicket-t1' };
    expect(await access.reveal({ ...request, reader: leader })).toEqual({ name: '张三丰', phone: '13812345678' });

    await new ErasureService(keys, log, clock).eraseSubject('subj-1', admin, 'erasure request #12');

    expect(await access.reveal({ ...request, reader: leader })).toEqual({ erased: true });
    expect(await store.readStream('complaintTicket-t1')).toEqual([received]);
    expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true });
    expect(await log.verify()).toMatchObject({ ok: true, count: 3 });
    expect((await log.list({ subjectId: 'subj-1' })).map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'reveal:granted',
      'erase:granted',
      'reveal:erased',
    ]);

    await keys.close();
    await store.close();
    expect(bytesOf('keys').includes(key)).toBe(false);
    expect(bytesOf('bihuan').includes(key)).toBe(false);
  });
});
