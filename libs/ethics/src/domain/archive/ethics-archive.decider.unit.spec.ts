import { DeciderSpecification } from '@bihuan/testing';
import { command, hospitalOf, inspector, NOW, system } from '../../testing/ethics-test-fixtures';
import { AddEthicsRecord, EthicsArchiveCommand, OpenEthicsArchive, RetractEthicsRecord } from './ethics-archive.commands';
import { ethicsArchiveDecider, ethicsRecordIdFor } from './ethics-archive.decider';
import { EthicsArchiveEvent, EthicsRecordAdded } from './ethics-archive.events';
import { EthicsArchiveState, summariseEthicsArchive } from './ethics-archive.state';
import { fold } from '@bihuan/core';

const decider = ethicsArchiveDecider();
const spec = DeciderSpecification<EthicsArchiveCommand, EthicsArchiveEvent, EthicsArchiveState>(decider);
const opened: EthicsArchiveEvent = {
  type: 'EthicsArchiveOpened',
  data: { staffId: 'S1', institutionId: 'H1', departmentId: 'D1', name: null, openedBy: 'user-H1', implicit: false },
};
const add = (data: Partial<AddEthicsRecord['data']>, actor = hospitalOf('H1')) =>
  command<AddEthicsRecord>(
    'AddEthicsRecord',
    {
      recordId: 'R1',
      staffId: 'S1',
      institutionId: 'H1',
      source: { kind: 'inspection' },
      summary: 'rude to a patient',
      occurredAt: '2025-05-01T02:00:00.000Z',
      ...data,
    },
    actor,
  );
const recorded = (events: readonly EthicsArchiveEvent[]) => events.find((e): e is EthicsRecordAdded => e.type === 'EthicsRecordAdded')!;

/** A substantiated complaint's record as the complaints saga sends it (caused by the decision event). */
const fromComplaint = (staffId: string, institutionId: string, ticketId: string, eventId: string, summary: string) =>
  command<AddEthicsRecord>(
    'AddEthicsRecord',
    {
      staffId,
      institutionId,
      source: { kind: 'complaint', ticketId, round: 1, eventId },
      recordKind: 'complaint-substantiated',
      summary,
      occurredAt: NOW,
    },
    system,
    eventId,
  );

describe('EthicsArchive decider', () => {
  it("opens an archive for a hospital user of the staff member's own institution only", () => {
    const open = (unit: string) =>
      command<OpenEthicsArchive>('OpenEthicsArchive', { staffId: 'S1', institutionId: 'H1', departmentId: 'D1' }, hospitalOf(unit));
    spec.given([]).when(open('H1')).then([opened]);
    spec.given([]).when(open('H2')).thenThrows('ETHICS.INSTITUTION_FORBIDDEN');
    spec.given([opened]).when(open('H1')).thenThrows('ETHICS.ARCHIVE_ALREADY_EXISTS');
  });

  it('adds a record with the policy default points and year, and is idempotent by record id', () => {
    const events = spec.given([opened]).when(add({})).events();
    expect(recorded(events).data).toMatchObject({
      recordId: 'R1',
      points: -5,
      year: 2025,
      sourceKind: 'inspection',
      causedBy: null,
      policyVersion: 'ethics-default@1',
    });
    spec
      .given([opened, ...events])
      .when(add({ summary: 'again' }))
      .thenNothing();
  });

  it("takes explicit points within range and refuses others, and refuses another institution's hospital user", () => {
    expect(
      recorded(
        spec
          .given([opened])
          .when(add({ source: { kind: 'reward' }, points: 8 }))
          .events(),
      ).data.points,
    ).toBe(8);
    spec
      .given([opened])
      .when(add({ points: -31 }))
      .thenThrows('ETHICS.POINTS_OUT_OF_RANGE');
    spec
      .given([opened])
      .when(add({ source: { kind: 'gossip' as never } }))
      .thenThrows('ETHICS.SOURCE_UNKNOWN');
    spec
      .given([opened])
      .when(add({}, hospitalOf('H2')))
      .thenThrows('ETHICS.INSTITUTION_FORBIDDEN');
    spec
      .given([opened])
      .when(add({}, { id: 'p', role: 'public', unit: 'x' }))
      .thenThrows('ETHICS.ROLE_FORBIDDEN');
  });

  it("derives id and causedBy from a saga's source (the complaints context's command shape) and opens implicitly", () => {
    const sagaCommand = fromComplaint('S9', 'H1', 'T1', 'ev-decided', 'red envelope accepted');
    const events = spec.given([]).when(sagaCommand).events();
    expect(events[0]).toMatchObject({ type: 'EthicsArchiveOpened', data: { staffId: 'S9', implicit: true } });
    expect(recorded(events).data).toMatchObject({
      recordId: ethicsRecordIdFor('complaint', 'T1', 'S9'),
      points: -10,
      causedBy: { stream: 'complaintTicket-T1', eventId: 'ev-decided' },
    });
    spec.given(events).when(sagaCommand).thenNothing();
  });

  it("refuses a record naming another institution than the archive's, whoever sends it (a saga too)", () => {
    // Given S1's archive belongs to H1
    // When a saga (system) or an inspector sends a record for S1 carrying institution H2
    const fromSaga = fromComplaint('S1', 'H2', 'T2', 'ev-h2', 'named by H2');
    // Then the archive refuses it and nothing is written
    spec.given([opened]).when(fromSaga).thenThrows('ETHICS.ARCHIVE_INSTITUTION_MISMATCH');
    spec
      .given([opened])
      .when(add({ institutionId: 'H2' }, inspector))
      .thenThrows('ETHICS.ARCHIVE_INSTITUTION_MISMATCH');
    // And the archive's own institution still records
    expect(
      recorded(
        spec
          .given([opened])
          .when({ ...fromSaga, data: { ...fromSaga.data, institutionId: 'H1' } })
          .events(),
      ).data.institutionId,
    ).toBe('H1');
  });

  it('accepts deadline wake-ups with nothing to do', () => {
    spec
      .given([opened])
      .when(command('ExpireDeadline', { deadlineId: 'x', dueAt: NOW }, system) as EthicsArchiveCommand)
      .thenNothing();
  });

  it("retracts a record once; the year's summary counts deductions, additions and veto items of live records", () => {
    const r1 = recorded(
      spec
        .given([opened])
        .when(add({ vetoItem: 'kickbacks', points: -20 }))
        .events(),
    );
    const r2 = recorded(
      spec
        .given([opened])
        .when(add({ recordId: 'R2', source: { kind: 'commendation' } }))
        .events(),
    );
    const r3 = recorded(
      spec
        .given([opened])
        .when(add({ recordId: 'R3', occurredAt: '2024-06-01T00:00:00.000Z' }))
        .events(),
    );
    const history = [opened, r1, r2, r3];
    expect(summariseEthicsArchive(fold(decider, history), 2025)).toMatchObject({
      deductions: 20,
      additions: 2,
      vetoItems: ['kickbacks'],
      recordIds: ['R1', 'R2'],
    });
    const retract = command<RetractEthicsRecord>(
      'RetractEthicsRecord',
      { staffId: 'S1', recordId: 'R1', reason: 'decision overturned' },
      inspector,
    );
    const retracted = spec.given(history).when(retract).events();
    expect(retracted).toHaveLength(1);
    spec
      .given([...history, ...retracted])
      .when(retract)
      .thenNothing();
    expect(summariseEthicsArchive(fold(decider, [...history, ...retracted]), 2025)).toMatchObject({ deductions: 0, vetoItems: [] });
  });
});
