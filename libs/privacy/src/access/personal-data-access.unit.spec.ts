import { Actor, Role, ROLES } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { MemoryAccessLog } from '../access-log/memory-access-log.adapter';
import { AccessLogEntry, AccessRecord } from '../access-log/access-log.port';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { MemorySubjectKeyStore } from '../key-store/memory-subject-key-store.adapter';
import { PersonalDataAccess, PersonalDataRequest } from './personal-data-access.service';

const identity = { name: '张三丰', phone: '13812345678' };
const actor = (role: Role, unit = 'city-1'): Actor => ({ id: `${role}-1`, role, unit });
const scope = { inScope: (a: Actor, unit: string) => a.unit === 'root' || unit.startsWith(a.unit) };

describe('PersonalDataAccess', () => {
  let keys: MemorySubjectKeyStore;
  let log: MemoryAccessLog;
  let access: PersonalDataAccess;
  let request: PersonalDataRequest;
  const clock = new FakeClock('2025-03-04T02:00:00.000Z');

  beforeEach(async () => {
    keys = new MemorySubjectKeyStore(clock);
    log = new MemoryAccessLog();
    const cipher = new PersonalDataCipher(keys);
    access = new PersonalDataAccess(cipher, log, clock, scope);
    request = {
      subjectId: 'subj-1',
      ciphertext: await cipher.encrypt('subj-1', identity),
      purpose: 'return call',
      caseStream: 'complaintTicket-t1',
      caseUnit: 'city-1/district-2',
    };
  });
  const entries = (): Promise<AccessLogEntry[]> => log.list();

  describe('reveal: the role matrix', () => {
    it.each(['inspector', 'leader', 'admin'] as Role[])('%s sees the full identity, and the read is recorded', async (role) => {
      expect(await access.reveal({ ...request, reader: actor(role) })).toEqual(identity);
      expect(await entries()).toEqual([
        expect.objectContaining<Partial<AccessRecord>>({
          at: '2025-03-04T02:00:00.000Z',
          reader: actor(role),
          action: 'reveal',
          subjectId: 'subj-1',
          caseStream: 'complaintTicket-t1',
          purpose: 'return call',
          outcome: 'granted',
        }),
      ]);
    });

    it.each(['hospital', 'partner', 'public', 'system'] as Role[])(
      '%s is refused with PRIVACY.NOT_ALLOWED, and the refusal is recorded',
      async (role) => {
        await expect(access.reveal({ ...request, reader: actor(role) })).rejects.toMatchObject({
          code: 'PRIVACY.NOT_ALLOWED',
          kind: 'forbidden',
        });
        expect(await entries()).toEqual([expect.objectContaining({ reader: actor(role), action: 'reveal', outcome: 'denied' })]);
      },
    );

    it('covers every role the core knows', () => {
      expect([...ROLES].sort()).toEqual(['admin', 'hospital', 'inspector', 'leader', 'partner', 'public', 'system']);
    });

    it('refuses a leader of another jurisdiction (PRIVACY.OUT_OF_SCOPE), recorded', async () => {
      await expect(access.reveal({ ...request, reader: actor('leader', 'city-9') })).rejects.toMatchObject({
        code: 'PRIVACY.OUT_OF_SCOPE',
      });
      expect((await entries()).map((e) => e.outcome)).toEqual(['denied']);
    });

    it('requires a purpose and reads nothing without one', async () => {
      await expect(access.reveal({ ...request, purpose: ' ', reader: actor('leader') })).rejects.toMatchObject({
        code: 'PRIVACY.PURPOSE_REQUIRED',
      });
      expect(await entries()).toEqual([]);
    });

    it('answers { erased: true } after erasure and records the attempt as erased', async () => {
      await keys.erase('subj-1', { erasedBy: actor('admin'), reason: 'request', at: clock.now().toISOString() });
      expect(await access.reveal({ ...request, reader: actor('leader') })).toEqual({ erased: true });
      expect((await entries()).map((e) => e.outcome)).toEqual(['erased']);
    });

    it('records a tampered ciphertext as failed and throws', async () => {
      const parts = request.ciphertext.split(':');
      const tag = Buffer.from(parts[3]!, 'base64');
      tag[5] = tag[5]! ^ 0x80;
      const broken = [...parts.slice(0, 3), tag.toString('base64'), parts[4]].join(':');
      await expect(access.reveal({ ...request, ciphertext: broken, reader: actor('inspector') })).rejects.toMatchObject({
        code: 'PRIVACY.CIPHERTEXT_TAMPERED',
      });
      expect((await entries()).map((e) => e.outcome)).toEqual(['failed']);
    });

    it('fails closed: when the read cannot be recorded, no identity is handed out', async () => {
      jest.spyOn(log, 'record').mockRejectedValueOnce(new Error('disk full'));
      await expect(access.reveal({ ...request, reader: actor('leader') })).rejects.toThrow('disk full');
    });
  });

  describe('redactFor', () => {
    it('shows inspectors and leaders the full identity, recorded as a granted view', async () => {
      expect(await access.redactFor(actor('inspector'), request)).toEqual({ visible: true, erased: false, masked: false, identity });
      expect(await entries()).toEqual([expect.objectContaining({ action: 'view', outcome: 'granted' })]);
    });

    it('shows admins a masked identity, recorded as a masked view', async () => {
      expect(await access.redactFor(actor('admin'), request)).toEqual({
        visible: true,
        erased: false,
        masked: true,
        identity: { name: '张**', phone: '138****5678' },
      });
      expect((await entries()).map((e) => e.outcome)).toEqual(['masked']);
    });

    it.each(['hospital', 'partner', 'public', 'system'] as Role[])(
      'shows %s nothing, and records nothing (nothing was read)',
      async (role) => {
        expect(await access.redactFor(actor(role), request)).toEqual({ visible: false });
        expect(await entries()).toEqual([]);
      },
    );

    it("shows nothing outside the reader's jurisdiction", async () => {
      expect(await access.redactFor(actor('inspector', 'city-9'), request)).toEqual({ visible: false });
    });

    it('shows erased data as erased to every role allowed to see it', async () => {
      await keys.erase('subj-1', { erasedBy: actor('admin'), reason: 'request', at: clock.now().toISOString() });
      for (const role of ['inspector', 'leader', 'admin'] as Role[]) {
        expect(await access.redactFor(actor(role), request)).toEqual({ visible: true, erased: true });
      }
      expect(await access.redactFor(actor('hospital'), request)).toEqual({ visible: false });
      expect((await entries()).map((e) => e.outcome)).toEqual(['erased', 'erased', 'erased']);
    });
  });

  it('records dossier exports', async () => {
    await access.recordExport(actor('leader'), 'complaintTicket-t1', 'archive for the annual review');
    expect(await entries()).toEqual([
      expect.objectContaining({ action: 'export', subjectId: null, caseStream: 'complaintTicket-t1', outcome: 'granted' }),
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, count: 1 });
  });
});
