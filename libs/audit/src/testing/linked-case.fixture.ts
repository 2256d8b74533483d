import { Actor, Command, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { EventStore, EventToAppend, RecordedEvent } from '@bihuan/event-store';
import {
  commandEventId,
  dispatchedEvent,
  finaliseOutput,
  RecordContext,
  recordEvents,
  timerCommandId,
  warnTimerId,
} from '@bihuan/processing';

/** Advances the store's clock between appends (a FakeClock in tests, a counter in the bench). */
export type Tick = () => void | Promise<void>;

export const CITIZEN: Actor = { id: 'public', role: 'public', unit: 'public' };
export const INSPECTOR: Actor = { id: 'u-inspector-7', role: 'inspector', unit: 'city-9.district-3' };
export const HOSPITAL: Actor = { id: 'u-hosp-office-2', role: 'hospital', unit: 'city-9.district-3.hospital-H1' };

/** Appends what handleCommand would write for a command: ids from the command id, causation = command id. */
export async function appendForCommand(
  store: EventStore,
  stream: string,
  meta: { commandId: string; correlationId: string; actor: Actor; now: string },
  events: readonly { type: string; data: object }[],
): Promise<RecordedEvent[]> {
  const toAppend: EventToAppend[] = events.map((e, i) => ({
    type: e.type,
    data: e.data,
    metadata: {
      eventId: commandEventId(meta.commandId, i),
      correlationId: meta.correlationId,
      causationId: meta.commandId,
      actor: meta.actor,
      occurredAt: meta.now,
      schemaVersion: 1,
    },
  }));
  const result = await store.append(stream, toAppend, 'any');
  return store.readStream(stream, { fromRevision: result.nextExpectedRevision - events.length + 1, maxCount: events.length });
}

/**
 * Records a saga's handling of `input` exactly as WorkflowRunner does (InputRecorded, one
 * OutputRecorded per output with finalised deterministic command ids, OutputsDispatched) and
 * returns the finalised commands it sent.
 */
export async function recordSaga(
  store: EventStore,
  workflow: string,
  instance: string,
  input: RecordedEvent,
  outputs: readonly WorkflowOutput[],
  now: string,
): Promise<Command[]> {
  const ctx: RecordContext = { workflow, instance, input, now };
  const finalised = outputs.map((o, i) => finaliseOutput(ctx, o, i));
  await store.append(`${workflow}-${instance}`, recordEvents(ctx, finalised), 'any');
  await store.append(`${workflow}-${instance}`, [dispatchedEvent(ctx, finalised.length)], 'any');
  return finalised.flatMap((o) => (o.kind === 'send' ? [o.command] : []));
}

const send = (stream: string, type: string, data: object): WorkflowOutput => ({
  kind: 'send',
  stream,
  command: { type, data, metadata: { commandId: '', correlationId: '', causationId: null, actor: SYSTEM_ACTOR, now: '' } },
});

export interface LinkedCaseIds {
  readonly ticket: string;
  readonly consequences: string;
  readonly ethics: string;
  readonly credit: string;
  readonly creditSaga: string;
  readonly finding: string;
  readonly visit: string;
  readonly unrelated: string;
  readonly correlationId: string;
}

/**
 * A realistic linked case over seven streams: complaintTicket (with deadlines and a timer-sent
 * warning) → complaintConsequences saga → ethicsArchive and creditArchive → creditConsequences
 * saga → finding → (a notice in a new correlation) → visit. The credit archive also holds an earlier, unrelated case's points (context).
 * `tick` is called before every append so that recordedAt instants differ.
 */
export async function seedLinkedCase(store: EventStore, now: () => string, tick: Tick): Promise<LinkedCaseIds> {
  const ids: LinkedCaseIds = {
    ticket: 'complaintTicket-T1',
    consequences: 'complaintConsequences-T1',
    ethics: 'ethicsArchive-S1',
    credit: 'creditArchive-H1',
    creditSaga: 'creditConsequences-H1',
    finding: 'finding-F1',
    visit: 'visit-V1',
    unrelated: 'complaintTicket-T0',
    correlationId: 'corr-T1',
  };
  const by = (commandId: string, actor: Actor, correlationId = ids.correlationId) => ({ commandId, correlationId, actor, now: now() });
  await tick();
  await appendForCommand(store, ids.credit, by('cmd-open-archive', { id: 'u-admin', role: 'admin', unit: 'city-9' }, 'corr-admin'), [
    { type: 'CreditArchiveOpened', data: { institutionId: 'H1', name: '第一人民医院' } },
  ]);
  await tick();
  await appendForCommand(store, ids.credit, by('cmd-other-points', SYSTEM_ACTOR, 'corr-T0'), [
    { type: 'CreditPointsAdded', data: { institutionId: 'H1', points: 2, behaviour: 'service-attitude', source: { ticketId: 'T0' } } },
  ]);
  await tick();
  const complainant = { kind: 'named', subjectId: 'subj-42', identityCiphertext: 'sm4:9f8e7d6c5b4a' };
  const dueAt = '2025-03-10T10:00:00.000Z';
  const warnAt = '2025-03-07T10:00:00.000Z';
  await appendForCommand(store, ids.ticket, by('cmd-receive', INSPECTOR), [
    {
      type: 'ComplaintReceived',
      data: {
        ticketId: 'T1',
        channel: 'web',
        category: 'red-envelopes-kickbacks',
        description: '收受红包',
        complainant,
        institutionId: 'H1',
        staffId: 'S1',
      },
    },
    {
      type: 'DeadlineSet',
      data: {
        deadlineId: 'answer',
        purpose: 'answer',
        startedAt: now(),
        dueAt,
        workingDays: 5,
        calendarVersion: 'cn-2025@test',
        warnAt: [warnAt],
        policy: {},
      },
    },
  ]);
  await tick();
  // The answer deadline's reminder timer fires: its wake-up command id is deterministic.
  await appendForCommand(store, ids.ticket, by(timerCommandId(warnTimerId(ids.ticket, 'answer', 0), warnAt), SYSTEM_ACTOR), [
    { type: 'DeadlineWarned', data: { deadlineId: 'answer', warnAt, dueAt } },
  ]);
  await tick();
  const [decided] = await appendForCommand(store, ids.ticket, by('cmd-decide', INSPECTOR), [
    {
      type: 'ComplaintDecided',
      data: {
        ticketId: 'T1',
        round: 1,
        institutionId: 'H1',
        category: 'red-envelopes-kickbacks',
        decision: 'substantiated',
        findings: '属实',
        implicatedStaffId: 'S1',
        decidedAt: now(),
      },
    },
  ]);
  await tick();
  const [toEthics, toCredit] = await recordSaga(
    store,
    'complaintConsequences',
    'T1',
    decided!,
    [send(ids.ethics, 'AddEthicsRecord', { staffId: 'S1' }), send(ids.credit, 'AddCreditPoints', { institutionId: 'H1', points: 6 })],
    now(),
  );
  await tick();
  await appendForCommand(store, ids.ethics, { ...toEthics!.metadata, now: now() }, [
    { type: 'EthicsRecordAdded', data: { staffId: 'S1', recordKind: 'complaint-substantiated', source: { ticketId: 'T1' } } },
  ]);
  await tick();
  const [points] = await appendForCommand(store, ids.credit, { ...toCredit!.metadata, now: now() }, [
    {
      type: 'CreditPointsAdded',
      data: { institutionId: 'H1', points: 6, behaviour: 'red-envelopes-kickbacks', source: { ticketId: 'T1' } },
    },
  ]);
  await tick();
  const [toFinding] = await recordSaga(
    store,
    'creditConsequences',
    'H1',
    points!,
    [send(ids.finding, 'OpenFinding', { institutionId: 'H1' })],
    now(),
  );
  await tick();
  await appendForCommand(store, ids.finding, { ...toFinding!.metadata, now: now() }, [
    { type: 'FindingOpened', data: { findingId: 'F1', institutionId: 'H1', category: 'red-envelopes-kickbacks', severity: 'severe' } },
    {
      type: 'DeadlineSet',
      data: {
        deadlineId: 'rectify',
        purpose: 'rectify',
        startedAt: now(),
        dueAt: '2025-03-31T10:00:00.000Z',
        workingDays: 15,
        calendarVersion: 'cn-2025@test',
        warnAt: [],
        policy: {},
      },
    },
  ]);
  await tick();
  // An inspector issues a rectification notice citing the finding, in a request of its own
  // (a new correlation), and plans a re-check visit in the same request: a cross-correlation link.
  const [opened] = await store.readStream(ids.finding, { maxCount: 1 });
  const notice = by('cmd-notice', INSPECTOR, 'corr-notice');
  await store.append(
    ids.finding,
    [
      {
        type: 'RectificationNoticeIssued',
        data: { findingId: 'F1', noticeNo: '整改〔2025〕7号' },
        metadata: {
          eventId: 'evt-notice',
          correlationId: notice.correlationId,
          causationId: opened!.metadata.eventId,
          actor: INSPECTOR,
          occurredAt: notice.now,
          schemaVersion: 1,
        },
      },
    ],
    'any',
  );
  await appendForCommand(store, ids.visit, notice, [
    { type: 'VisitPlanned', data: { visitId: 'V1', institutionId: 'H1', kind: 'routine' } },
  ]);
  await tick();
  // 延期 recorded as DeadlineExtended v1 (before extraWorkingDays): read back upcast to v2.
  await appendForCommand(store, ids.ticket, by('cmd-extend', INSPECTOR), [
    {
      type: 'DeadlineExtended',
      data: {
        deadlineId: 'answer',
        dueAt: '2025-03-20T15:59:59.999Z',
        warnAt: [],
        reason: '专家组会诊',
        approvedBy: INSPECTOR.id,
        calendarVersion: 'cn-2025',
      },
    },
  ]);
  await tick();
  await appendForCommand(store, ids.ticket, by('cmd-answer', HOSPITAL), [
    {
      type: 'ComplaintAnswered',
      data: { ticketId: 'T1', round: 1, institutionId: 'H1', answer: '已处理', answeredAt: now(), onTime: true },
    },
    { type: 'DeadlineCleared', data: { deadlineId: 'answer', clearedAt: now(), outcome: 'met' } },
  ]);
  await tick();
  await appendForCommand(store, ids.unrelated, by('cmd-unrelated', INSPECTOR, 'corr-T0'), [
    { type: 'ComplaintClosed', data: { ticketId: 'T0' } },
  ]);
  return ids;
}
