import { DeciderSpecification } from '@bihuan/testing';
import { archiveOf, command, open, run, system, T0 } from '../../testing/credit-test-fixtures';
import { CreditArchiveCommand } from './credit-archive.commands';
import { creditArchiveDecider } from './credit-archive.decider';
import { CreditArchiveEvent } from './credit-archive.events';
import { CreditArchiveState } from './credit-archive.state';

const spec = DeciderSpecification<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState>(creditArchiveDecider());
const opened = run([open()]);
const EXPIRES = '2025-07-01T00:00:00.000Z';
const listBlack = command('AddListEntry', { institutionId: 'H1', entryId: 'B1', list: 'black', reason: '欺诈骗保', expiresAt: EXPIRES });
const listed = run([listBlack], opened);
const expire = (dueAt = EXPIRES) =>
  command('ExpireDeadline', { deadlineId: 'list-B1', dueAt }, system, '2025-07-01T00:00:02.000Z') as CreditArchiveCommand;

describe('CreditArchive decider: red/black lists, commitments, information', () => {
  it('lists with the expiry as a deadline in the stream', () => {
    expect(listed.slice(opened.length).map((e) => e.type)).toEqual(['ListEntryAdded', 'DeadlineSet']);
    expect(listed[listed.length - 1]!.data).toMatchObject({ deadlineId: 'list-B1', dueAt: EXPIRES, purpose: 'black-list-expiry' });
    spec
      .given(opened)
      .when(
        command('AddListEntry', { institutionId: 'H1', entryId: 'B2', list: 'black', reason: 'x', expiresAt: '2024-01-01T00:00:00.000Z' }),
      )
      .thenThrows('CREDIT.EXPIRY_IN_PAST');
    spec.given(listed).when(listBlack).thenNothing();
  });

  it('takes the entry off the list when its expiry is due, and ignores late, stale and duplicate wake-ups', () => {
    const expired = spec.given(listed).when(expire()).events();
    expect(expired.map((e) => e.type)).toEqual(['DeadlineExpired', 'ListEntryExpired']);
    expect(expired[1]!.data).toMatchObject({ entryId: 'B1', list: 'black', expiredAt: EXPIRES });
    spec
      .given([...listed, ...expired])
      .when(expire())
      .thenNothing(); // duplicate
    spec.given(listed).when(expire('2025-06-01T00:00:00.000Z')).thenNothing(); // stale dueAt
    const removed = spec
      .given(listed)
      .when(command('RemoveListEntry', { institutionId: 'H1', entryId: 'B1', reason: 'appeal upheld' }))
      .events();
    expect(removed.map((e) => e.type)).toEqual(['ListEntryRemoved', 'DeadlineCleared']);
    spec
      .given([...listed, ...removed])
      .when(expire())
      .thenNothing(); // late wake-up after removal
    expect(archiveOf([...listed, ...expired])).toMatchObject({ lists: { B1: { status: 'expired' } } });
  });

  it('records a breached commitment against its pledge, once per breach id', () => {
    const pledged = run(
      [
        command('PledgeCommitment', {
          institutionId: 'H1',
          commitmentId: 'C1',
          kind: 'staff',
          staffId: 'S1',
          text: '不收红包',
          pledgedAt: T0,
        }),
      ],
      opened,
    );
    const report = command('ReportCommitmentBreach', {
      institutionId: 'H1',
      commitmentId: 'C1',
      breachId: 'BR1',
      description: 'accepted a red envelope',
      occurredAt: '2025-03-01T00:00:00.000Z',
    });
    const breached = spec.given(pledged).when(report).events();
    expect(breached[0]).toMatchObject({ type: 'CommitmentBreached', data: { staffId: 'S1', kind: 'staff', reportedBy: 'insp-1' } });
    spec
      .given([...pledged, ...breached])
      .when(report)
      .thenNothing();
    spec.given(opened).when(report).thenThrows('CREDIT.COMMITMENT_NOT_FOUND');
  });

  it('records information of a known class, idempotently', () => {
    const info = command('RecordCreditInformation', {
      institutionId: 'H1',
      recordId: 'I1',
      infoClass: 'adverse',
      kind: 'penalty',
      title: '行政处罚',
      occurredAt: T0,
    });
    const events = spec.given(opened).when(info).events();
    expect(events[0]).toMatchObject({ type: 'CreditInformationRecorded', data: { infoClass: 'adverse', recordedAt: T0 } });
    spec
      .given([...opened, ...events])
      .when(info)
      .thenNothing();
    spec
      .given(opened)
      .when(
        command('RecordCreditInformation', {
          institutionId: 'H1',
          recordId: 'I2',
          infoClass: 'secret' as never,
          kind: 'x',
          title: 'x',
          occurredAt: T0,
        }),
      )
      .thenThrows('CREDIT.CLASS_UNKNOWN');
  });
});
