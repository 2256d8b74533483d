import { deterministicId, DomainEvent, Message, streamName } from '@bihuan/core';
import { cmd, history, inspector, T0 } from '../domain/inspection.fixtures';
import { findingDecider } from '../domain/finding/finding.decider';
import { PlanVisit, RecordVisit, RegisterFindings } from '../domain/visit/visit.commands';
import { visitDecider } from '../domain/visit/visit.decider';
import { FINDING_OPENING_NAME, findingOpenings, findingOpeningWorkflow as workflow } from './finding-opening.workflow';

const draft = (findingId: string) => ({
  findingId,
  category: 'kickbacks' as const,
  severity: 'serious' as const,
  description: '耗材回扣',
  evidence: ['att-1'],
  responsibleDepartment: '设备科',
  requiredAction: 'deadline' as const,
});
const plan = cmd<PlanVisit>('PlanVisit', {
  visitId: 'v-1',
  kind: 'special',
  institutionId: 'inst-1',
  inspectorIds: ['u-inspector-1'],
  plannedDate: '2025-03-03',
  campaignId: 'camp-1',
});
const record = cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03' });
const register = (...ids: string[]) => cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findings: ids.map(draft) });

/** The visit's event as the log delivers it (an envelope around what the decider decided). */
function delivered(event: DomainEvent, eventId = 'evt-registered'): Message {
  return {
    ...event,
    metadata: {
      eventId,
      correlationId: 'corr-1',
      causationId: 'cmd-x',
      actor: inspector,
      occurredAt: T0,
      recordedAt: T0,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}

describe("findingOpening: a finding is opened from its visit's record of it", () => {
  const registered = delivered(history(visitDecider, [plan, record, register('f-1', 'f-2')]).at(-1)!);

  it("given a visit that recorded two findings, then one OpenFinding per finding, with the visit's facts, by whoever recorded it", () => {
    const outputs = workflow.decide(registered, workflow.initialState);
    expect(outputs).toEqual(
      ['f-1', 'f-2'].map((findingId) => ({
        kind: 'send',
        stream: streamName('finding', findingId),
        command: {
          type: 'OpenFinding',
          data: {
            ...draft(findingId),
            responsiblePerson: null,
            visitId: 'v-1',
            visitKind: 'special',
            institutionId: 'inst-1',
            campaignId: 'camp-1',
          },
          metadata: {
            commandId: deterministicId(FINDING_OPENING_NAME, 'evt-registered', findingId),
            correlationId: 'corr-1',
            causationId: 'evt-registered',
            actor: inspector,
            now: T0,
          },
        },
      })),
    );
    expect(workflow.instanceId(registered)).toBe('v-1');
  });

  it('opens the finding with exactly the facts the visit recorded', () => {
    const [open] = findingOpenings(registered);
    const [opened] = findingDecider.decide(open!, findingDecider.initialState);
    expect(opened).toMatchObject({ type: 'FindingOpened', data: { ...open!.data, openedBy: 'u-inspector-1' } });
  });

  it('is the same command however often it is computed (the request and the workflow send one command)', () => {
    expect(findingOpenings(registered)).toEqual(findingOpenings(registered));
    expect(findingOpenings(delivered(registered, 'evt-other'))[0]!.metadata.commandId).not.toBe(
      findingOpenings(registered)[0]!.metadata.commandId,
    );
  });

  it('ignores registrations without drafts: a clean visit, and events written before findings were recorded first', () => {
    const clean = delivered(history(visitDecider, [plan, record, register()]).at(-1)!);
    const before = delivered({ type: 'VisitFindingsRegistered', data: { visitId: 'v-1', findingIds: ['f-0'], allFindingIds: ['f-0'] } });
    for (const input of [clean, before]) expect(workflow.decide(input, null)).toEqual([{ kind: 'ignore', reason: expect.any(String) }]);
  });
});
