import { Actor, fold, foldVisibility, Message } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospitalOf, inspector, NOW, system } from '../../testing/ethics-test-fixtures';
import { ethicsArchiveVisibility } from '../ethics-visibility';
import { AddStaffListEntry, EthicsArchiveCommand, RemoveStaffListEntry } from './ethics-archive.commands';
import { ethicsArchiveDecider } from './ethics-archive.decider';
import { EthicsArchiveEvent } from './ethics-archive.events';
import { EthicsArchiveState } from './ethics-archive.state';
import { seesStaffList, staffListsSeenBy } from './staff-lists';

const decider = ethicsArchiveDecider();
const spec = DeciderSpecification<EthicsArchiveCommand, EthicsArchiveEvent, EthicsArchiveState>(decider);
const EXPIRES = '2026-06-30T16:00:00.000Z';
const leader: Actor = { id: 'lead-1', role: 'leader', unit: 'city' };

const opened: EthicsArchiveEvent = {
  type: 'EthicsArchiveOpened',
  data: { staffId: 'S1', institutionId: 'H1', departmentId: 'D1', name: '王医生', openedBy: 'user-H1', implicit: false },
};
const commended: EthicsArchiveEvent = {
  type: 'EthicsRecordAdded',
  data: {
    recordId: 'R1',
    staffId: 'S1',
    institutionId: 'H1',
    sourceKind: 'commendation',
    source: { kind: 'commendation' },
    recordKind: null,
    category: null,
    summary: '患者送锦旗',
    evidence: [],
    points: 2,
    vetoItem: null,
    occurredAt: NOW,
    year: 2025,
    causedBy: null,
    addedBy: 'user-H1',
    policyVersion: 'ethics-default@1',
  },
};
const list = (data: Partial<AddStaffListEntry['data']> = {}, actor: Actor = hospitalOf('H1')) =>
  command<AddStaffListEntry>(
    'AddStaffListEntry',
    {
      staffId: 'S1',
      institutionId: 'H1',
      entryId: 'E1',
      list: 'red',
      reason: '诚信医护人员',
      expiresAt: EXPIRES,
      recordIds: ['R1'],
      ...data,
    },
    actor,
  );
const remove = (actor: Actor, entryId = 'E1') =>
  command<RemoveStaffListEntry>('RemoveStaffListEntry', { staffId: 'S1', entryId, reason: '核查撤销' }, actor);

describe('EthicsArchive — 医务人员红黑榜', () => {
  it('puts a staff member on the red list with its expiry as a deadline, once per entry id', () => {
    const events = spec.given([opened, commended]).when(list()).events();
    expect(events).toEqual([
      {
        type: 'StaffListEntryAdded',
        data: {
          entryId: 'E1',
          staffId: 'S1',
          institutionId: 'H1',
          list: 'red',
          reason: '诚信医护人员',
          recordIds: ['R1'],
          listedAt: NOW,
          expiresAt: EXPIRES,
          deadlineId: 'red-list-E1',
          listedBy: 'user-H1',
          policyVersion: 'ethics-default@1',
        },
      },
      {
        type: 'DeadlineSet',
        data: expect.objectContaining({ deadlineId: 'red-list-E1', dueAt: EXPIRES, purpose: 'staff-red-list-expiry', workingDays: 0 }),
      },
    ]);
    spec
      .given([opened, commended, ...events])
      .when(list())
      .thenNothing();
  });

  it('keeps the black list the commission’s: a hospital may not list nor unlist there', () => {
    spec
      .given([opened])
      .when(list({ list: 'black', recordIds: [] }))
      .thenThrows('ETHICS.ROLE_FORBIDDEN');
    const black = spec
      .given([opened])
      .when(list({ list: 'black', recordIds: [] }, inspector))
      .events();
    expect(black[0]).toMatchObject({ type: 'StaffListEntryAdded', data: { list: 'black', deadlineId: 'black-list-E1' } });
    spec
      .given([opened, ...black])
      .when(remove(hospitalOf('H1')))
      .thenThrows('ETHICS.ROLE_FORBIDDEN');
  });

  it.each<[Partial<AddStaffListEntry['data']>, Actor, string]>([
    [{ list: 'grey' as never }, hospitalOf('H1'), 'ETHICS.LIST_UNKNOWN'],
    [{ expiresAt: '2025-01-01T00:00:00.000Z' }, hospitalOf('H1'), 'ETHICS.EXPIRY_IN_PAST'],
    [{ expiresAt: 'soon' }, hospitalOf('H1'), 'ETHICS.DATE_INVALID'],
    [{ reason: ' ' }, hospitalOf('H1'), 'ETHICS.FIELD_REQUIRED'],
    [{ recordIds: ['R-none'] }, hospitalOf('H1'), 'ETHICS.RECORD_NOT_FOUND'],
    [{}, hospitalOf('H2'), 'ETHICS.INSTITUTION_FORBIDDEN'],
    [{ institutionId: 'H2' }, inspector, 'ETHICS.ARCHIVE_INSTITUTION_MISMATCH'],
    [{}, { id: 'p', role: 'partner', unit: 'prov' }, 'ETHICS.ROLE_FORBIDDEN'],
  ])('refuses %j by %j with %s', (over, actor, code) => {
    spec.given([opened, commended]).when(list(over, actor)).thenThrows(code);
  });

  it('needs an open archive, and a record that still counts', () => {
    spec
      .given([])
      .when(list({ recordIds: [] }))
      .thenThrows('ETHICS.ARCHIVE_NOT_FOUND');
    const retracted: EthicsArchiveEvent = {
      type: 'EthicsRecordRetracted',
      data: { recordId: 'R1', staffId: 'S1', reason: '撤销', retractedBy: 'insp-1', retractedAt: NOW },
    };
    spec.given([opened, commended, retracted]).when(list()).thenThrows('ETHICS.RECORD_NOT_FOUND');
  });

  it('takes the entry off when its timer fires, once; a late or stray wake-up changes nothing', () => {
    const added = spec.given([opened, commended]).when(list()).events();
    const expire = (dueAt: string) => command('ExpireDeadline', { deadlineId: 'red-list-E1', dueAt }, system) as EthicsArchiveCommand;
    const expired = spec
      .given([opened, commended, ...added])
      .when(expire(EXPIRES))
      .events();
    expect(expired).toEqual([
      { type: 'DeadlineExpired', data: { deadlineId: 'red-list-E1', dueAt: EXPIRES, expiredAt: NOW } },
      { type: 'StaffListEntryExpired', data: { entryId: 'E1', staffId: 'S1', list: 'red', expiredAt: EXPIRES } },
    ]);
    spec
      .given([opened, commended, ...added, ...expired])
      .when(expire(EXPIRES))
      .thenNothing();
    spec
      .given([opened, commended, ...added])
      .when(expire('2026-01-01T00:00:00.000Z'))
      .thenNothing();
    const state = fold(decider, [opened, commended, ...added, ...expired]);
    expect(state.status === 'open' && state.lists['E1']).toMatchObject({ status: 'expired', endedAt: EXPIRES });
  });

  it('takes an entry off early with its deadline cancelled; unknown entries are refused', () => {
    const added = spec.given([opened, commended]).when(list()).events();
    expect(
      spec
        .given([opened, commended, ...added])
        .when(remove(leader))
        .events(),
    ).toEqual([
      {
        type: 'StaffListEntryRemoved',
        data: { entryId: 'E1', staffId: 'S1', list: 'red', reason: '核查撤销', removedAt: NOW, removedBy: 'lead-1' },
      },
      { type: 'DeadlineCleared', data: { deadlineId: 'red-list-E1', clearedAt: NOW, outcome: 'cancelled' } },
    ]);
    spec
      .given([opened, commended, ...added])
      .when(remove(leader, 'E9'))
      .thenThrows('ETHICS.LIST_ENTRY_NOT_FOUND');
  });
});

describe('EthicsArchive visibility — who reads which list (seed 002)', () => {
  const events = [
    opened,
    ...spec
      .given([opened])
      .when(list({ list: 'black', recordIds: [] }, inspector))
      .events(),
  ];
  const messages: Message[] = events.map((e) => ({ ...e, metadata: {} as Message['metadata'] }));
  const view = (actor: Actor) => {
    const reader = { actor, covers: () => true };
    const state = foldVisibility(ethicsArchiveVisibility, messages);
    return messages
      .map((m) => ethicsArchiveVisibility.viewMessage!(reader, m, state))
      .filter((m) => m !== null)
      .map((m) => m.type);
  };

  it('shows a black-list entry and its deadline to the commission, never to the hospital', () => {
    expect(view(inspector)).toEqual(['EthicsArchiveOpened', 'StaffListEntryAdded', 'DeadlineSet']);
    expect(view(hospitalOf('H1'))).toEqual(['EthicsArchiveOpened']);
    const state = fold(decider, events);
    const seen = ethicsArchiveVisibility.viewState!({ actor: hospitalOf('H1'), covers: () => true }, state, { institutionId: 'H1' });
    expect(seen).toMatchObject({ lists: {}, deadlines: {} });
  });

  it('gives the red list to every reader, the black list to commission roles only', () => {
    expect(seesStaffList('anonymous', 'red')).toBe(true);
    expect(staffListsSeenBy('hospital')).toEqual(['red']);
    expect(staffListsSeenBy('leader')).toEqual(['red', 'black']);
    expect(staffListsSeenBy('partner')).toEqual(['red']);
  });
});
