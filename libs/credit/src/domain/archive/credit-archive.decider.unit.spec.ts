import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, inspector, open, points, revoke, run, stateOf, system, T0 } from '../../testing/credit-test-fixtures';
import { CreditArchiveCommand, CreditPointsCommand } from './credit-archive.commands';
import { creditArchiveDecider } from './credit-archive.decider';
import { CreditArchiveEvent } from './credit-archive.events';
import { CreditArchiveState } from './credit-archive.state';
import { creditPointsIdFor } from './credit-cycle.decide';
import { creditLevel } from './credit-level';

const spec = DeciderSpecification<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState>(creditArchiveDecider());
const types = (events: readonly CreditArchiveEvent[]) => events.map((e) => e.type);
const opened = run([open()]);

describe('CreditArchive decider: thresholds, cycles (points from their own streams)', () => {
  it('opens with the first cycle and its end as a deadline', () => {
    expect(types(opened)).toEqual(['CreditArchiveOpened', 'CreditCycleOpened', 'DeadlineSet']);
    expect(opened[2]!.data).toMatchObject({ deadlineId: 'cycle-1', dueAt: '2026-01-01T00:00:00.000Z' });
  });

  it("imposes every threshold up to the saga's running total once per cycle; the top one is final", () => {
    const impose = (totalPoints: number, pointsId = 'P9') =>
      command('ImposeCreditMeasures', { institutionId: 'H1', cycleNo: 1, totalPoints, pointsId, causedBy: null }, system);
    spec.given(opened).when(impose(11)).thenNothing();
    const twelve = spec.given(opened).when(impose(12)).events();
    expect(types(twelve)).toEqual(['CreditMeasureImposed', 'CreditNoticeIssued']);
    expect(twelve[0]!.data).toMatchObject({ thresholdPoints: 12, totalPoints: 12, pointsId: 'P9', final: false });
    spec
      .given([...opened, ...twelve])
      .when(impose(12))
      .thenNothing(); // a redelivered or repeated total imposes nothing new
    const all = spec
      .given([...opened, ...twelve])
      .when(impose(30))
      .events();
    expect(all.filter((e) => e.type === 'CreditMeasureImposed').map((e) => e.data)).toEqual([
      expect.objectContaining({ thresholdPoints: 18, final: false }),
      expect.objectContaining({ thresholdPoints: 24, final: true }),
    ]);
    spec
      .given(opened)
      .when(command('ImposeCreditMeasures', { institutionId: 'H1', cycleNo: 2, totalPoints: 12, pointsId: 'P9' }, system))
      .thenThrows('CREDIT.CYCLE_NOT_FOUND');
    spec
      .given(opened)
      .when(command('ImposeCreditMeasures', { institutionId: 'H1', cycleNo: 1, totalPoints: 12, pointsId: 'P9' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });

  it("imposes each threshold's measures once per cycle, with a notice, when the points cross it", () => {
    const twelve = run([points('P1', 'kickbacks'), points('P2', 'commissions')], opened); // 6 + 6
    const imposed = twelve.filter((e) => e.type === 'CreditMeasureImposed');
    expect(imposed.map((e) => e.data)).toEqual([
      expect.objectContaining({
        thresholdPoints: 12,
        measures: ['key-supervision', 'written-advice'],
        pointsId: 'P2',
        policyVersion: 'credit-default@1',
      }),
    ]);
    expect(twelve.filter((e) => e.type === 'CreditNoticeIssued').map((e) => e.data)).toEqual([
      expect.objectContaining({ thresholdPoints: 12, public: false }),
    ]);
    const more = run([points('P3', 'disclosure')], twelve); // 13: no new threshold
    expect(types(more.slice(twelve.length))).toEqual(['CreditPointsAdded']);
    const jump = run([points('P4', 'insurance-fraud')], more); // 25: crosses 18 and 24 at once
    expect(
      jump
        .slice(more.length)
        .filter((e) => e.type === 'CreditMeasureImposed')
        .map((e) => (e.data as { thresholdPoints: number }).thresholdPoints),
    ).toEqual([18, 24]);
    expect(
      jump
        .slice(more.length)
        .find((e) => e.type === 'CreditNoticeIssued' && (e.data as { thresholdPoints: number }).thresholdPoints === 18)!.data,
    ).toMatchObject({ public: true });
  });

  it('does not impose a threshold again after points were revoked and re-added in the same cycle', () => {
    const crossed = run([points('P1', 'kickbacks'), points('P2', 'commissions'), revoke('P2')], opened);
    expect(creditLevel(stateOf(crossed), T0).cyclePoints).toBe(6);
    const again = run([points('P5', 'red-envelopes')], crossed);
    expect(types(again.slice(crossed.length))).toEqual(['CreditPointsAdded']);
  });

  it('resets at the cycle end by its deadline: closed, a new cycle, thresholds can be reached again', () => {
    const crossed = run([points('P1', 'kickbacks'), points('P2', 'commissions')], opened);
    const wake = command(
      'ExpireDeadline',
      { deadlineId: 'cycle-1', dueAt: '2026-01-01T00:00:00.000Z' },
      system,
      '2026-01-01T00:00:05.000Z',
    );
    const rolled = spec.given(crossed).when(wake).events();
    expect(types(rolled)).toEqual(['DeadlineExpired', 'CreditCycleClosed', 'CreditCycleOpened', 'DeadlineSet']);
    expect(rolled[1]!.data).toMatchObject({ cycleNo: 1, thresholdsReached: [12] });
    expect(rolled[2]!.data).toMatchObject({ cycleNo: 2, startedAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' });
    spec
      .given([...crossed, ...rolled])
      .when(wake)
      .thenNothing(); // duplicate wake-up
    const next = run([points('P3', 'kickbacks'), points('P4', 'commissions')], [...crossed, ...rolled]);
    expect(next.filter((e) => e.type === 'CreditMeasureImposed').map((e) => (e.data as { cycleNo: number }).cycleNo)).toEqual([1, 2]);
    expect(run([points('P1', 'kickbacks')], next)).toEqual(next); // an old id stays a no-op after the reset
  });

  it("closes a cycle early on the admin's word, cancelling its deadline", () => {
    const events = spec
      .given(opened)
      .when(
        command(
          'CloseCreditCycle',
          { institutionId: 'H1', reason: 'licence validated' },
          { id: 'a', role: 'admin', unit: 'root' },
          '2025-06-01T00:00:00.000Z',
        ),
      )
      .events();
    expect(types(events)).toEqual(['DeadlineCleared', 'CreditCycleClosed', 'CreditCycleOpened', 'DeadlineSet']);
  });

  it("derives the points id from a saga's source and opens the archive implicitly", () => {
    const source = { kind: 'complaint', ticketId: 'T1', round: 1, eventId: 'ev-9' };
    const c = command<CreditPointsCommand>(
      'AddCreditPoints',
      { institutionId: 'H1', behaviour: 'fees', points: 4, occurredAt: T0, source },
      system,
      T0,
      'ev-9',
    );
    const events = run([c]);
    expect(types(events)).toEqual(['CreditArchiveOpened', 'CreditCycleOpened', 'DeadlineSet', 'CreditPointsAdded']);
    expect(events[0]!.data).toMatchObject({ implicit: true });
    expect(events[3]!.data).toMatchObject({
      pointsId: creditPointsIdFor(source, 'fees'),
      causedBy: { stream: 'complaintTicket-T1', eventId: 'ev-9' },
    });
    expect(run([c], events)).toEqual(events);
    const ensure = (behaviour: string) => command('EnsureCreditArchive', { institutionId: 'H1', behaviour, occurredAt: T0 }, system);
    spec.given(events).when(ensure('fees')).thenNothing();
    // An entry the points decider would refuse opens nothing either.
    spec.given([]).when(ensure('rudeness')).thenThrows('CREDIT.BEHAVIOUR_UNKNOWN');
    spec.given(events).when(ensure('rudeness')).thenThrows('CREDIT.BEHAVIOUR_UNKNOWN');
    spec
      .given([])
      .when(command('EnsureCreditArchive', { institutionId: 'H1', behaviour: 'fees', occurredAt: T0 }, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(command('PledgeCommitment', { institutionId: 'H1', commitmentId: 'C1', kind: 'institution', text: 'x', pledgedAt: T0 }))
      .thenThrows('CREDIT.ARCHIVE_NOT_FOUND');
  });

  it('keeps hospital users to their own institution', () => {
    const pledge = (unit: string) =>
      command(
        'PledgeCommitment',
        { institutionId: 'H1', commitmentId: 'C1', kind: 'institution', text: '诚信执业', pledgedAt: T0 },
        hospital(unit),
      );
    spec
      .given(opened)
      .when(pledge('H1'))
      .thenMatches([{ type: 'CommitmentPledged' }]);
    spec.given(opened).when(pledge('H2')).thenThrows('CREDIT.INSTITUTION_FORBIDDEN');
    spec
      .given(opened)
      .when(command('OpenCreditArchive', { institutionId: 'H1' }, inspector))
      .thenThrows('CREDIT.ARCHIVE_ALREADY_EXISTS');
    spec
      .given(opened)
      .when(
        command(
          'PledgeCommitment',
          { institutionId: 'H2', commitmentId: 'C1', kind: 'institution', text: 'x', pledgedAt: T0 },
          hospital('H2'),
        ),
      )
      .thenThrows('CREDIT.INSTITUTION_MISMATCH');
  });
});
