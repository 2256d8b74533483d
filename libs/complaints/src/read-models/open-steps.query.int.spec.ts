import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import {
  acknowledged,
  answered,
  decided,
  dispatched,
  followedUp,
  hospitalA,
  received,
  T,
  TICKET,
} from '../domain/complaint-ticket.fixtures';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { complaintTicketsProjection } from './complaint-tickets.projection';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';
import { ComplaintsTables } from './complaints.tables';
import { complaintOpenSteps, ComplaintStepScope } from './open-steps.query';

const HOSPITAL: ComplaintStepScope = { hospitalOf: ['hosp-a'], inspectorOver: [], commissionUnits: [] };
const COMMISSION: ComplaintStepScope = { hospitalOf: [], inspectorOver: ['hosp-a'], commissionUnits: ['weihai'] };
const ELSEWHERE: ComplaintStepScope = { hospitalOf: ['hosp-b'], inspectorOver: ['hosp-b'], commissionUnits: ['other'] };

/** A ticket's open steps, each on the list of the unit and role its step waits on, gone once taken. */
describe.each(TEST_SQL_DIALECTS)('complaint open steps on $name', (dialect) => {
  let test: TestSqlDatabase;
  let position = 0;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, COMPLAINTS_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  const project = async (events: ComplaintTicketEvent[]) => {
    const projection = complaintTicketsProjection(test.database);
    for (const e of events) {
      position += 1;
      const at = T.received;
      const metadata = {
        eventId: `ev-${position}`,
        correlationId: 'c',
        causationId: null,
        actor: hospitalA,
        occurredAt: at,
        recordedAt: at,
      };
      const event: RecordedEvent = {
        streamName: `complaintTicket-${TICKET}`,
        revision: position - 1,
        position,
        type: e.type,
        data: e.data,
        metadata: { ...metadata, schemaVersion: 1, prevHash: null, hash: 'h' },
      };
      await projection.handle(event);
    }
  };
  const steps = async (scope: ComplaintStepScope) =>
    (await complaintOpenSteps(test.database.db.withTables<ComplaintsTables>(), scope)).map((s) => [s.kind, s.unitId, s.dueAt]);

  it('dispatch, acknowledge, answer (not while waiting on the complainant) and follow-up wait on the commission or the assigned hospital in turn', async () => {
    position = 0;
    await project([received()]);
    expect(await steps(COMMISSION)).toEqual([['complaint-dispatch', 'weihai', null]]);
    expect(await steps(HOSPITAL)).toEqual([]);
    await project(dispatched());
    expect(await steps(COMMISSION)).toEqual([]);
    expect(await steps(HOSPITAL)).toEqual([['complaint-acknowledge', 'hosp-a', T.ackDue]]);
    await project(acknowledged());
    expect(await steps(HOSPITAL)).toEqual([['complaint-answer', 'hosp-a', T.answerDue]]);
    // 停表: the answer waits on the complainant meanwhile, not on the hospital.
    await project([
      { type: 'ComplaintAwaitingComplainant', data: { ticketId: TICKET, round: 1, reason: '补充材料', since: T.acknowledged } },
    ]);
    expect(await steps(HOSPITAL)).toEqual([]);
    await project([{ type: 'ComplaintComplainantReplied', data: { ticketId: TICKET, round: 1, note: null, repliedAt: T.decided } }]);
    expect(await steps(HOSPITAL)).toEqual([['complaint-answer', 'hosp-a', T.answerDue]]);
    await project([decided()]);
    expect(await steps(HOSPITAL)).toEqual([['complaint-answer', 'hosp-a', T.answerDue]]); // decided, still to answer
    await project(answered());
    expect(await steps(HOSPITAL)).toEqual([]);
    expect(await steps(COMMISSION)).toEqual([['complaint-follow-up', 'weihai', null]]);
    expect(await steps(ELSEWHERE)).toEqual([]);
    await project([followedUp()]);
    expect(await steps(COMMISSION)).toEqual([]);
  });

  it('puts a ticket received at the hospital’s own window on its office’s list — to handle or escalate, then to follow up — never the commission’s', async () => {
    position = 0;
    const commissionOver = { ...COMMISSION, commissionUnits: ['weihai', 'hosp-a'] }; // visibleUnits includes institutions
    const atWindow = received();
    await project([{ ...atWindow, data: { ...atWindow.data, receivingUnit: 'hosp-a', channel: 'window' } } as ComplaintTicketEvent]);
    expect(await steps(HOSPITAL)).toEqual([['complaint-dispatch', 'hosp-a', null]]);
    expect(await steps(commissionOver)).toEqual([]);
    await project([...dispatched(), ...acknowledged(), decided(), ...answered()]);
    expect(await steps(HOSPITAL)).toEqual([['complaint-follow-up', 'hosp-a', null]]);
    expect(await steps(commissionOver)).toEqual([]);
    expect(await steps(ELSEWHERE)).toEqual([]);
  });

  it("names a ticket by its code and category, never by the complainant's words, and the institution it is about", async () => {
    position = 0;
    await project([received()]);
    const [step] = await complaintOpenSteps(test.database.db.withTables<ComplaintsTables>(), COMMISSION);
    expect(step?.summary).toBe('WH-7Q2K · 红包回扣');
    // Not dispatched yet: the institution it is about is the one the complainant named.
    expect(step?.institutionId).toBe('hosp-a');
    expect(JSON.stringify(step)).not.toContain('red envelope before surgery');
  });
});
