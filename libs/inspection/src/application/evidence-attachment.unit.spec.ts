import { AccessPolicy, Jurisdiction, StaticUserDirectory } from '@bihuan/auth';
import { Actor, SequentialIdGenerator, streamName } from '@bihuan/core';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { MemoryEventStore } from '@bihuan/event-store';
import { EvidenceVault, PreparedEvidence } from '@bihuan/evidence';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync, StagedFile } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { FindingRequest, FindingRequestHandler } from './finding-request.handler';
import { InspectionAccess } from './inspection-access';
import { VisitRequest, VisitRequestHandler } from './visit-request.handler';

const inspector: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };
const otherHospital: Actor = { id: 'hospital-b1-1', role: 'hospital', unit: 'hosp-b1-1' };
const staged: StagedFile = { path: '/tmp/staged-1', digest: '7'.repeat(64), size: 68, mediaType: 'image/png', name: '现场照片.png' };

/** Records what the write asked of the vault: the bytes are kept only once a decider accepted. */
class FakeVault implements Pick<EvidenceVault, 'prepare'> {
  readonly calls: string[] = [];
  async prepare(file: StagedFile): Promise<PreparedEvidence> {
    this.calls.push('prepare');
    return {
      file: { digest: file.digest, size: file.size, mediaType: file.mediaType, name: file.name },
      keep: async () => void this.calls.push('keep'),
      discard: async () => void this.calls.push('discard'),
    };
  }
}

async function setup() {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const ids = new SequentialIdGenerator('t');
  const execution = new CommandExecution(store, clock, ids, new ReadModelSync(), new CalendarService(store, clock), policies);
  const jurisdiction = new Jurisdiction(DEMO_UNITS);
  const access = new InspectionAccess(new AccessPolicy(jurisdiction), jurisdiction, new StaticUserDirectory(DEMO_USERS, jurisdiction));
  const vault = new FakeVault();
  // No visit here names a campaign, so no campaign is ever looked up.
  const campaigns = { requireOpen: () => Promise.reject(new Error('no campaign is looked up')) };
  const visits = new VisitRequestHandler(execution, access, ids, vault as unknown as EvidenceVault, campaigns);
  const findings = new FindingRequestHandler(execution, access, vault as unknown as EvidenceVault);
  const { id: visitId } = await visits.execute(
    new VisitRequest(inspector, { kind: 'Plan', visitKind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: '2025-03-03' }),
  );
  return { store, vault, visits, findings, visitId };
}

describe('attaching an upload to an inspection case', () => {
  it('keeps the bytes before the event that names them, answers the file, and discards the staging', async () => {
    const { store, vault, visits, visitId } = await setup();
    const ack = await visits.execute(new VisitRequest(inspector, { kind: 'AttachEvidence', visitId, staged, step: 'visit', note: '门诊' }));
    expect(ack).toMatchObject({ id: visitId, events: ['EvidenceAttached'], file: { digest: staged.digest, name: '现场照片.png' } });
    expect(vault.calls).toEqual(['prepare', 'keep', 'discard']);
    const events = await store.readStream(streamName('visit', visitId));
    expect(events.at(-1)).toMatchObject({ type: 'EvidenceAttached', data: { step: 'visit', note: '门诊', attachedBy: 'inspector-a1' } });
  });

  it('keeps nothing when the decider refuses, or the actor may not see the case, and writes nothing', async () => {
    const { store, vault, visits, visitId } = await setup();
    const before = await store.readStream(streamName('visit', visitId));
    await expect(
      visits.execute(new VisitRequest(inspector, { kind: 'AttachEvidence', visitId, staged, step: 'progress' })),
    ).rejects.toMatchObject({ code: 'INSPECTION.EVIDENCE_NOT_ALLOWED' });
    // A planned 暗访 does not exist for the hospital (404), let alone for another institution's.
    await expect(
      visits.execute(new VisitRequest(otherHospital, { kind: 'AttachEvidence', visitId, staged, step: 'visit' })),
    ).rejects.toMatchObject({ code: 'INSPECTION.VISIT_NOT_FOUND' });
    expect(vault.calls).toEqual(['prepare', 'discard', 'prepare', 'discard']);
    expect(await store.readStream(streamName('visit', visitId))).toHaveLength(before.length);
  });

  it('attaches to a finding once, and the same file again keeps nothing more', async () => {
    const { vault, visits, findings, visitId } = await setup();
    await visits.execute(new VisitRequest(inspector, { kind: 'Record', visitId, conductedOn: '2025-03-03' }));
    const { id: findingId } = await visits.execute(
      new VisitRequest(inspector, {
        kind: 'RegisterFinding',
        visitId,
        finding: {
          category: 'red-envelopes',
          severity: 'general',
          description: '收受红包',
          responsibleDepartment: '外科',
          requiredAction: 'deadline',
        },
      }),
    );
    const attach = new FindingRequest(inspector, { kind: 'AttachEvidence', findingId, staged, step: 'finding' });
    expect(await findings.execute(attach)).toMatchObject({ events: ['EvidenceAttached'], file: { digest: staged.digest } });
    expect(await findings.execute(attach)).toMatchObject({ events: [], file: { digest: staged.digest } });
    expect(vault.calls).toEqual(['prepare', 'keep', 'discard', 'prepare', 'discard']);
  });
});
