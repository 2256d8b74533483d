import { Readable } from 'node:stream';
import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { Actor, EvidenceFile, SequentialIdGenerator, streamName } from '@bihuan/core';
import { DEMO_UNITS } from '@bihuan/demo';
import { EvidenceContent, EvidenceVault, PreparedEvidence } from '@bihuan/evidence';
import { MemoryEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync, StagedFile } from '@bihuan/platform';
import { MemoryAccessLog } from '@bihuan/privacy';
import { FakeClock } from '@bihuan/testing';
import { COMPLAINT_TICKET_CATEGORY } from '../domain/complaint-ticket.state';
import { hashSecret } from './public-secret';
import { ticketWrite } from './ticket-builds';
import { TicketEvidenceService } from './ticket-evidence.service';
import { PUBLIC_ACTOR } from './ticket-request';

/** A vault that seals by name only: what it kept, what it discarded, which subjects are erased. */
class FakeVault implements EvidenceVault {
  readonly kept = new Set<string>();
  readonly discarded: string[] = [];
  readonly erased = new Set<string>();
  async prepare(staged: StagedFile, options: { readonly sealFor?: string } = {}): Promise<PreparedEvidence> {
    const sealed = options.sealFor ? { subjectId: options.sealFor, storedDigest: 'f'.repeat(64), storedSize: staged.size + 32 } : undefined;
    const file: EvidenceFile = {
      digest: staged.digest,
      size: staged.size,
      mediaType: staged.mediaType,
      name: staged.name,
      ...(sealed ? { sealed } : {}),
    };
    return {
      file,
      keep: async () => void this.kept.add(file.digest),
      discard: async () => void this.discarded.push(file.digest),
    };
  }
  async read(file: EvidenceFile): Promise<EvidenceContent | 'missing' | 'erased'> {
    if (file.sealed && this.erased.has(file.sealed.subjectId)) return 'erased';
    if (!this.kept.has(file.digest)) return 'missing';
    return { stream: Readable.from([Buffer.from('jpeg')]), size: file.size, mediaType: file.mediaType };
  }
  async check(): Promise<{ status: 'intact' }> {
    return { status: 'intact' };
  }
  async thumbnail(): Promise<null> {
    return null;
  }
}

const staged = (n: number, mediaType = 'image/jpeg'): StagedFile => ({
  path: `/tmp/staged-${n}`,
  digest: n.toString(16).padStart(64, '0'),
  size: 1000 + n,
  mediaType,
  name: `收据-${n}.jpg`,
});
const inspector: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };
const outsider: Actor = { id: 'inspector-b1', role: 'inspector', unit: 'county-b1' };

async function setup(named: boolean) {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const execution = new CommandExecution(
    store,
    clock,
    new SequentialIdGenerator('t'),
    new ReadModelSync(),
    new CalendarService(store, clock),
    policies,
  );
  const vault = new FakeVault();
  const accessLog = new MemoryAccessLog();
  const service = new TicketEvidenceService(execution, new AccessPolicy(new Jurisdiction(DEMO_UNITS)), accessLog, clock, vault);
  const complainant = named ? { kind: 'named' as const, subjectId: 'subj-9', identityCiphertext: 'sm4:x' } : { kind: 'anonymous' as const };
  const receive = ticketWrite('tk-1', () => ({
    type: 'ReceiveComplaint',
    data: {
      ticketId: 'tk-1',
      ticketCode: 'AB23-CD45',
      secretHash: hashSecret('s'),
      channel: 'web',
      category: 'fees',
      description: '多收费',
      complainant,
      institutionId: 'hosp-a1-1',
      receivingUnit: 'county-a1',
    },
  }));
  await execution.execute(PUBLIC_ACTOR, receive);
  const recorded = () => store.readStream(streamName(COMPLAINT_TICKET_CATEGORY, 'tk-1'));
  const events = async () => (await recorded()).map((e) => e.type);
  return { service, vault, accessLog, events, recorded };
}

describe('TicketEvidenceService', () => {
  it('seals the complainant’s upload under their subject, keeps it once accepted and lists it for them', async () => {
    const { service, vault, events } = await setup(true);
    const result = await service.attach(PUBLIC_ACTOR, 'tk-1', staged(1), '收据');
    expect(result.events).toEqual(['EvidenceAttached']);
    expect(vault.kept.has(staged(1).digest)).toBe(true);
    expect(vault.discarded).toEqual([staged(1).digest]);
    expect(await events()).toEqual(['ComplaintReceived', 'EvidenceAttached']);
    expect(await service.complainantFiles('tk-1')).toEqual([
      { digest: staged(1).digest, name: `投诉材料-${staged(1).digest.slice(0, 8)}.jpg`, size: 1001, mediaType: 'image/jpeg' },
    ]);
  });

  it('seals staff files too, under the anonymous ticket’s own subject, and does not list them to the complainant', async () => {
    const { service, vault, recorded } = await setup(false);
    await service.attach(inspector, 'tk-1', staged(2, 'application/pdf'), null);
    expect(vault.kept.has(staged(2).digest)).toBe(true);
    expect((await recorded()).at(-1)?.data).toMatchObject({
      file: { mediaType: 'application/pdf', sealed: { subjectId: 'subj-ticket-tk-1' } },
      step: 'intake',
      attachedBy: 'inspector-a1',
    });
    expect(await service.complainantFiles('tk-1')).toEqual([]);
  });

  it('keeps nothing for a refused upload, and refuses staff out of scope before sealing anything', async () => {
    const { service, vault, events } = await setup(true);
    await expect(service.attach(outsider, 'tk-1', staged(3), null)).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    expect(vault.discarded).toEqual([]);
    await expect(service.attach({ ...inspector, role: 'partner' }, 'tk-1', staged(3), null)).rejects.toMatchObject({
      code: 'COMPLAINT.FORBIDDEN_ROLE',
    });
    expect(vault.kept.size).toBe(0);
    expect(vault.discarded).toEqual([staged(3).digest]);
    expect(await events()).toEqual(['ComplaintReceived']);
  });

  it('serves the complainant only their own files, records every download, and answers erased once shredded', async () => {
    const { service, vault, accessLog } = await setup(true);
    await service.attach(PUBLIC_ACTOR, 'tk-1', staged(1), null);
    await service.attach(inspector, 'tk-1', staged(2), null);
    const served = await service.complainantDownload('tk-1', staged(1).digest);
    expect(served).toMatchObject({ file: { name: `投诉材料-${staged(1).digest.slice(0, 8)}.jpg` }, content: { mediaType: 'image/jpeg' } });
    await expect(service.complainantDownload('tk-1', staged(2).digest)).rejects.toMatchObject({ code: 'COMPLAINT.NOT_FOUND' });
    vault.erased.add('subj-9');
    expect(await service.complainantDownload('tk-1', staged(1).digest)).toBe('erased');
    expect((await accessLog.list()).map((e) => [e.reader.role, e.action, e.subjectId, e.outcome])).toEqual([
      ['public', 'view', 'subj-9', 'granted'],
      ['public', 'view', 'subj-9', 'erased'],
    ]);
  });
});
