import { Command, Message, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { complaintConsequencesWorkflow, ComplaintDecided } from '@bihuan/complaints';
import { EthicsArchiveCommand, ethicsArchiveDecider, ethicsRecordIdFor } from '@bihuan/ethics';
import { FindingOpened, visitDecider, VisitCommand, VisitEvent } from '@bihuan/inspection';
import { CreditPointsCommand } from '../domain/archive/credit-archive.commands';
import { creditPointsIdFor } from '../domain/archive/credit-cycle.decide';
import { DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { drawnVisitOutcome } from '../domain/draw/random-draw.messages';
import { delivered, drawMade, run } from '../testing/credit-test-fixtures';
import { commitmentBreachWorkflow } from './commitment-breach.workflow';
import { creditConsequencesWorkflow } from './credit-consequences.workflow';
import { randomDrawVisitsWorkflow } from './random-draw-visits.workflow';

/**
 * The commands the credit sagas send (and the ones the complaints context sends to credit and
 * ethics) are accepted by the deciders they are meant for, and the input shapes the credit sagas
 * declare match the events the other contexts actually write. Breaks when a contract drifts.
 */
const sent = (outputs: readonly WorkflowOutput[]): Command[] => outputs.flatMap((o) => (o.kind === 'send' ? [o.command] : []));
const ethics = ethicsArchiveDecider();

const decidedData: ComplaintDecided['data'] = {
  ticketId: 'T1',
  round: 1,
  institutionId: 'H1',
  category: 'red-envelopes-kickbacks',
  decision: 'substantiated',
  findings: 'took a red envelope',
  implicatedStaffId: 'S1',
  decidedAt: '2025-03-01T00:00:00.000Z',
};
const decided: Message = delivered('complaintTicket-T1', 'ComplaintDecided', decidedData, 'ev-decided', SYSTEM_ACTOR);

describe('cross-context contracts of the credit sagas', () => {
  it("accepts the complaints context's consequences: one record per staff member and ticket, one points entry per ticket and behaviour, the points from the credit policy", () => {
    const theirs = complaintConsequencesWorkflow();
    const commands = sent(theirs.decide(decided, theirs.initialState));
    const toEthics = commands.find((c) => c.type === 'AddEthicsRecord')!;
    const toCredit = commands.find((c) => c.type === 'AddCreditPoints')!;
    const record = ethics.decide(toEthics as EthicsArchiveCommand, ethics.initialState);
    expect(record.map((e) => e.type)).toEqual(['EthicsArchiveOpened', 'EthicsRecordAdded']);
    expect(record[1]!.data).toMatchObject({
      recordId: ethicsRecordIdFor('complaint', 'T1', 'S1'),
      recordKind: 'complaint-substantiated',
      points: -10,
      causedBy: { stream: 'complaintTicket-T1', eventId: 'ev-decided' },
    });
    // Addressed to the archive (complaints knows no entry id): the credit sender routes it to the entry's stream.
    const toCreditStream = theirs
      .decide(decided, theirs.initialState)
      .find((o) => o.kind === 'send' && o.command.type === 'AddCreditPoints');
    expect(toCreditStream).toMatchObject({ stream: 'creditArchive-H1' });
    const points = run([toCredit as CreditPointsCommand]).find((e) => e.type === 'CreditPointsAdded')!;
    expect(points.data).toMatchObject({
      pointsId: creditPointsIdFor({ kind: 'complaint', ticketId: 'T1' }, 'red-envelopes-kickbacks'),
      points: DEFAULT_CREDIT_POLICY.behaviourPoints['red-envelopes-kickbacks'],
      causedBy: { eventId: 'ev-decided' },
    });
  });

  it("reads the inspection context's FindingOpened as written", () => {
    const data: FindingOpened['data'] = {
      findingId: 'F1',
      visitId: 'V1',
      visitKind: 'random',
      institutionId: 'H1',
      campaignId: null,
      category: 'kickbacks',
      severity: 'serious',
      description: 'kickbacks on stents',
      evidence: ['e1'],
      responsibleDepartment: 'cardiology',
      responsiblePerson: null,
      requiredAction: 'deadline',
      openedBy: 'insp-1',
      policyVersion: 'default@1',
    };
    const [command] = sent(creditConsequencesWorkflow().decide(delivered('finding-F1', 'FindingOpened', data, 'ev-f1'), { sent: [] }));
    expect(run([command as CreditPointsCommand]).find((e) => e.type === 'CreditPointsAdded')!.data).toMatchObject({
      behaviour: 'kickbacks',
      points: 6,
    });
  });

  it('sends an AddEthicsRecord the ethics archive accepts, and a PlanVisit the visit decider accepts', () => {
    const breach = delivered(
      'creditArchive-H1',
      'CommitmentBreached',
      {
        institutionId: 'H1',
        commitmentId: 'C1',
        breachId: 'B1',
        kind: 'staff',
        staffId: 'S1',
        description: 'red envelope',
        evidence: [],
        occurredAt: '2025-03-01T00:00:00.000Z',
        causedBy: null,
        reportedBy: 'insp-1',
      },
      'ev-b',
    );
    const toEthics = sent(commitmentBreachWorkflow.decide(breach, { done: false })).find((c) => c.type === 'AddEthicsRecord')!;
    expect(ethics.decide(toEthics as EthicsArchiveCommand, ethics.initialState)[1]).toMatchObject({
      type: 'EthicsRecordAdded',
      data: { points: -10, causedBy: { eventId: 'ev-b' } },
    });
    const made = drawMade([{ institutionId: 'H2', creditLevel: 'D', rank: 1, inspectorIds: ['I2'] }], 'ev-p');
    const [plan] = sent(randomDrawVisitsWorkflow.decide(made, randomDrawVisitsWorkflow.initialState));
    const planned = visitDecider.decide(plan as VisitCommand, visitDecider.initialState);
    expect(planned).toMatchObject([{ type: 'VisitPlanned', data: { kind: 'random', institutionId: 'H2' } }]);
  });

  it("reads a drawn visit's outcome from the event types the inspection context writes (a reveal waits for them)", () => {
    const made = drawMade([{ institutionId: 'H2', creditLevel: 'D', rank: 1, inspectorIds: ['insp-1'] }], 'ev-p');
    const [plan] = sent(randomDrawVisitsWorkflow.decide(made, randomDrawVisitsWorkflow.initialState)) as VisitCommand[];
    const planned = visitDecider.decide(plan!, visitDecider.initialState);
    const state = planned.reduce(visitDecider.evolve, visitDecider.initialState);
    const visitId = (plan!.data as { visitId: string }).visitId;
    const metadata = { ...plan!.metadata, now: '2025-06-15T08:00:00.000Z' };
    const record = { type: 'RecordVisit', data: { visitId, conductedOn: '2025-06-15', inspectorIds: ['insp-1'], summary: null }, metadata };
    const conducted: readonly VisitEvent[] = visitDecider.decide(record as VisitCommand, state);
    const cancel = { type: 'CancelVisit', data: { visitId, reason: '机构停业' }, metadata };
    const cancelled: readonly VisitEvent[] = visitDecider.decide(cancel as VisitCommand, state);
    const types = (events: readonly VisitEvent[]) => events.map((e) => e.type);
    expect(drawnVisitOutcome(types(planned))).toBe('pending');
    expect(drawnVisitOutcome(types([...planned, ...conducted]))).toBe('conducted');
    expect(drawnVisitOutcome(types([...planned, ...cancelled]))).toBe('cancelled');
  });
});
