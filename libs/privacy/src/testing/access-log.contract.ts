import { Actor } from '@bihuan/core';
import { AccessLog, AccessRecord } from '../access-log/access-log.port';
import { hashAccessEntry } from '../access-log/access-log-chain';

export interface AccessLogHarness {
  readonly log: AccessLog;
  teardown(): Promise<void>;
}

const leader: Actor = { id: 'leader-1', role: 'leader', unit: 'city-1' };
const hospital: Actor = { id: 'hosp-1', role: 'hospital', unit: 'inst-1' };
const rec = (over: Partial<AccessRecord> = {}): AccessRecord => ({
  at: '2025-03-04T02:00:00.000Z',
  reader: leader,
  action: 'reveal',
  subjectId: 'subj-a',
  caseStream: 'complaintTicket-t1',
  purpose: 'call the complainant back',
  outcome: 'granted',
  ...over,
});

/** The suite every AccessLog adapter passes; only spec files import it. */
export function accessLogContract(name: string, setup: () => Promise<AccessLogHarness>): void {
  describe(`AccessLog contract: ${name}`, () => {
    let h: AccessLogHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h?.teardown();
    });

    it('verifies an empty log', async () => {
      expect(await h.log.verify()).toEqual({ ok: true, count: 0, lastSeq: 0, lastHash: null });
    });

    it('numbers entries 1, 2, 3 and links each to the previous by its SM3 hash', async () => {
      const a = await h.log.record(rec());
      const b = await h.log.record(rec({ outcome: 'denied', reader: hospital }));
      expect([a.seq, b.seq]).toEqual([1, 2]);
      expect(a.prevHash).toBeNull();
      expect(b.prevHash).toBe(a.hash);
      expect(b.hash).toBe(hashAccessEntry(b));
      expect(b.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await h.log.verify()).toEqual({ ok: true, count: 2, lastSeq: 2, lastHash: b.hash });
    });

    it('lists in log order and filters by subject, reader, action and time', async () => {
      await h.log.record(rec({ at: '2025-03-04T01:00:00.000Z' }));
      await h.log.record(rec({ at: '2025-03-04T02:00:00.000Z', subjectId: 'subj-b' }));
      await h.log.record(rec({ at: '2025-03-04T03:00:00.000Z', reader: hospital, outcome: 'denied' }));
      await h.log.record(rec({ at: '2025-03-04T04:00:00.000Z', action: 'export', subjectId: null }));
      const seqs = async (q: Parameters<AccessLog['list']>[0]) => (await h.log.list(q)).map((e) => e.seq);
      expect(await seqs({})).toEqual([1, 2, 3, 4]);
      expect(await seqs({ subjectId: 'subj-a' })).toEqual([1, 3]);
      expect(await seqs({ readerId: 'hosp-1' })).toEqual([3]);
      expect(await seqs({ action: 'export' })).toEqual([4]);
      expect(await seqs({ from: '2025-03-04T02:00:00.000Z', to: '2025-03-04T04:00:00.000Z' })).toEqual([2, 3]);
      expect(await seqs({ limit: 2, offset: 1 })).toEqual([2, 3]);
      const [third] = await h.log.list({ readerId: 'hosp-1' });
      expect(third).toMatchObject({
        reader: hospital,
        outcome: 'denied',
        caseStream: 'complaintTicket-t1',
        purpose: 'call the complainant back',
      });
    });

    it('refuses a record without a purpose', async () => {
      await expect(h.log.record(rec({ purpose: '  ' }))).rejects.toMatchObject({ code: 'PRIVACY.PURPOSE_REQUIRED' });
      expect(await h.log.list()).toEqual([]);
    });
  });
}
