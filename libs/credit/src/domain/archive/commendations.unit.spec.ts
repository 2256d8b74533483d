import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, inspector, open, run, stateOf, T0 } from '../../testing/credit-test-fixtures';
import { CreditArchiveCommand, RecordCreditInformation } from './credit-archive.commands';
import { creditArchiveDecider } from './credit-archive.decider';
import { CreditArchiveEvent } from './credit-archive.events';
import { CreditArchiveState } from './credit-archive.state';
import { publicView } from './credit-views';

const spec = DeciderSpecification<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState>(creditArchiveDecider());
const opened = run([open()]);
const leader: Actor = { id: 'lead-1', role: 'leader', unit: 'city' };
const commend = (over: Partial<RecordCreditInformation['data']> = {}, by: Actor = leader) =>
  command<RecordCreditInformation>(
    'RecordCreditInformation',
    {
      institutionId: 'H1',
      recordId: 'CM1',
      infoClass: 'basic',
      kind: 'commendation',
      title: '心血管内科：优质服务示范科室',
      content: '专项行动评估总结阶段通报表扬',
      occurredAt: '2025-08-31T02:00:00.000Z',
      departmentId: 'cardiology',
      ...over,
    },
    by,
  );

describe('CreditArchive — 表彰 (commendations)', () => {
  it('records a department’s commendation as basic information, by the commission’s leader too', () => {
    spec
      .given(opened)
      .when(commend())
      .then([
        {
          type: 'CreditInformationRecorded',
          data: {
            institutionId: 'H1',
            recordId: 'CM1',
            infoClass: 'basic',
            kind: 'commendation',
            title: '心血管内科：优质服务示范科室',
            content: '专项行动评估总结阶段通报表扬',
            occurredAt: '2025-08-31T02:00:00.000Z',
            causedBy: null,
            recordedBy: 'lead-1',
            recordedAt: T0,
            departmentId: 'cardiology',
          },
        },
      ]);
    const institution = spec
      .given(opened)
      .when(commend({ departmentId: null }, inspector))
      .events();
    expect(institution[0]!.data).not.toHaveProperty('departmentId');
  });

  it('keeps it basic information of the commission: never adverse, never by the hospital; leaders record no other kind', () => {
    spec
      .given(opened)
      .when(commend({ infoClass: 'adverse' }))
      .thenThrows('CREDIT.CLASS_MISMATCH');
    spec
      .given(opened)
      .when(commend({}, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given(opened)
      .when(commend({ kind: 'penalty', infoClass: 'adverse' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(commend({}, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });

  it('shows on the public page for good (basic information, no 5-year window)', () => {
    const events = run([commend()], opened);
    const tenYearsOn = '2035-09-01T00:00:00.000Z';
    expect(publicView(stateOf(events), tenYearsOn)?.items).toContainEqual({
      id: 'CM1',
      infoClass: 'basic',
      kind: 'commendation',
      title: '心血管内科：优质服务示范科室',
      occurredAt: '2025-08-31T02:00:00.000Z',
      until: null,
    });
  });
});
