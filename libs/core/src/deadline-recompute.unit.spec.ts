import { SYSTEM_ACTOR } from './actor';
import { DeadlineEvent, DeadlineRecomputed, DeadlineTerms, evolveDeadlines } from './deadline';
import { decideRecompute, RecomputeDeadline, RecomputeDeadlineData } from './deadline-recompute';
import { DomainError } from './domain-error';

const PROVISIONAL = 'cn@chinese-days-1.5.7+provisional:2027@statutory-2025';
const OFFICIAL = 'cn@chinese-days-1.5.7+2027@15e6615f18a1';
const NOW = '2026-12-20T02:00:00.000Z';

const terms: DeadlineTerms = {
  deadlineId: 'rectify',
  purpose: 'rectify',
  startedAt: '2026-12-14T02:00:00.000Z',
  dueAt: '2027-01-05T15:59:59.999Z',
  workingDays: 15,
  calendarVersion: PROVISIONAL,
  warnAt: ['2026-12-24T04:00:00.000Z'],
  policy: { reminderFractions: [0.5] },
};
const set: DeadlineEvent = { type: 'DeadlineSet', data: terms };
const recompute = (data: Partial<RecomputeDeadlineData> = {}, role: 'system' | 'admin' = 'system'): RecomputeDeadline => ({
  type: 'RecomputeDeadline',
  data: {
    deadlineId: 'rectify',
    previousDueAt: terms.dueAt,
    previousCalendarVersion: PROVISIONAL,
    dueAt: '2027-01-06T15:59:59.999Z',
    warnAt: ['2026-12-24T16:00:00.000Z'],
    calendarVersion: OFFICIAL,
    remainingMs: null,
    importedYear: '2027@15e6615f18a1',
    ...data,
  },
  metadata: {
    commandId: 'c1',
    correlationId: 'c1',
    causationId: null,
    actor: role === 'system' ? SYSTEM_ACTOR : { id: 'a', role, unit: 'prov' },
    now: NOW,
  },
});
const recomputed: DeadlineRecomputed = {
  type: 'DeadlineRecomputed',
  data: {
    deadlineId: 'rectify',
    previousDueAt: terms.dueAt,
    dueAt: '2027-01-06T15:59:59.999Z',
    warnAt: ['2026-12-24T16:00:00.000Z'],
    previousCalendarVersion: PROVISIONAL,
    calendarVersion: OFFICIAL,
    recomputedAt: NOW,
    remainingMs: null,
  },
};

/** given(events).when(command) → then(events) | thenThrows(code), over core's deadline book. */
function given(events: DeadlineEvent[]) {
  const book = events.reduce(evolveDeadlines, {});
  return {
    when: (command: RecomputeDeadline) => ({
      then: (expected: DeadlineEvent[]) => expect(decideRecompute(book, command)).toEqual(expected),
      thenNothing: () => expect(decideRecompute(book, command)).toEqual([]),
      thenThrows: (code: string) => {
        let error: unknown;
        try {
          decideRecompute(book, command);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(code);
      },
    }),
  };
}

describe('decideRecompute (the one recompute decision of every deadline-bearing decider)', () => {
  it('records the new due date and both versions for a pending provisional deadline', () => {
    given([set]).when(recompute()).then([recomputed]);
  });

  it('answers [] to a recompute computed from other terms (resumed, extended or recomputed since)', () => {
    given([set])
      .when(recompute({ previousDueAt: '2027-01-04T15:59:59.999Z' }))
      .thenNothing();
    given([set])
      .when(recompute({ previousCalendarVersion: 'cn@other' }))
      .thenNothing();
    given([set, recomputed]).when(recompute()).thenNothing();
  });

  it('never rewrites an expired or cleared deadline', () => {
    given([set, { type: 'DeadlineExpired', data: { deadlineId: 'rectify', dueAt: terms.dueAt, expiredAt: terms.dueAt } }])
      .when(recompute())
      .thenNothing();
    given([set, { type: 'DeadlineCleared', data: { deadlineId: 'rectify', clearedAt: NOW, outcome: 'met' } }])
      .when(recompute())
      .thenNothing();
    given([]).when(recompute()).thenNothing();
  });

  it('leaves a date a person chose, or one extended by a bare date (events before extraWorkingDays), alone (no working-day basis)', () => {
    given([{ type: 'DeadlineSet', data: { ...terms, policy: { chosenByInspector: true } } }])
      .when(recompute())
      .thenNothing();
    given([{ type: 'DeadlineSet', data: { ...terms, workingDays: 0 } }])
      .when(recompute())
      .thenNothing();
    const extended: DeadlineEvent = {
      type: 'DeadlineExtended',
      data: {
        deadlineId: 'rectify',
        dueAt: terms.dueAt,
        warnAt: [],
        reason: 'r',
        approvedBy: 'l',
        calendarVersion: PROVISIONAL,
        extraWorkingDays: null,
      },
    };
    given([set, extended]).when(recompute()).thenNothing();
  });

  it('recomputes a paused deadline with its remaining working time, and only then takes remainingMs', () => {
    const paused: DeadlineEvent = {
      type: 'DeadlinePaused',
      data: { deadlineId: 'rectify', pausedAt: NOW, reason: 'waiting', remainingMs: 5_000 },
    };
    given([set, paused])
      .when(recompute({ dueAt: terms.dueAt, warnAt: [], remainingMs: 5_000 }))
      .then([{ type: 'DeadlineRecomputed', data: { ...recomputed.data, dueAt: terms.dueAt, warnAt: [], remainingMs: 5_000 } }]);
    given([set, paused]).when(recompute()).thenThrows('DEADLINE.RECOMPUTE_INVALID');
    given([set])
      .when(recompute({ remainingMs: 5 }))
      .thenThrows('DEADLINE.RECOMPUTE_INVALID');
  });

  it('refuses malformed terms and anyone but the system', () => {
    given([set])
      .when(recompute({ dueAt: 'tomorrow' }))
      .thenThrows('DEADLINE.RECOMPUTE_INVALID');
    given([set])
      .when(recompute({ dueAt: '2026-12-01T00:00:00.000Z' }))
      .thenThrows('DEADLINE.RECOMPUTE_INVALID');
    given([set])
      .when(recompute({ warnAt: ['2027-02-01T00:00:00.000Z'] }))
      .thenThrows('DEADLINE.RECOMPUTE_INVALID');
    given([set])
      .when(recompute({ calendarVersion: '' }))
      .thenThrows('DEADLINE.RECOMPUTE_INVALID');
    given([set]).when(recompute({}, 'admin')).thenThrows('DEADLINE.RECOMPUTE_FORBIDDEN');
  });
});

describe('evolveDeadlines with DeadlineRecomputed', () => {
  it('moves a pending deadline to the new dueAt, reminders and version; wake-ups for the old dueAt no longer match', () => {
    const book = [set, recomputed].reduce(evolveDeadlines, {});
    expect(book['rectify']).toMatchObject({
      status: 'pending',
      dueAt: recomputed.data.dueAt,
      warnAt: recomputed.data.warnAt,
      warned: [],
      calendarVersion: OFFICIAL,
    });
  });

  it('keeps a paused deadline paused with the recomputed remaining time, and resumes from it', () => {
    const paused: DeadlineEvent = {
      type: 'DeadlinePaused',
      data: { deadlineId: 'rectify', pausedAt: NOW, reason: 'waiting', remainingMs: 5_000 },
    };
    const again: DeadlineEvent = {
      type: 'DeadlineRecomputed',
      data: { ...recomputed.data, dueAt: terms.dueAt, warnAt: [], remainingMs: 4_000 },
    };
    const book = [set, paused, again].reduce(evolveDeadlines, {});
    expect(book['rectify']).toMatchObject({ status: 'paused', remainingMs: 4_000, calendarVersion: OFFICIAL, pausedAt: NOW });
    const resumed = evolveDeadlines(book, {
      type: 'DeadlineResumed',
      data: {
        deadlineId: 'rectify',
        resumedAt: '2026-12-22T02:00:00.000Z',
        dueAt: '2026-12-22T02:00:03.999Z',
        warnAt: [],
        calendarVersion: OFFICIAL,
      },
    });
    expect(resumed['rectify']).toMatchObject({ status: 'pending', basis: { from: '2026-12-22T02:00:00.000Z', budgetMs: 4_000 } });
  });

  it('records the working-day basis of a deadline: start and budget', () => {
    expect([set].reduce(evolveDeadlines, {})['rectify']?.basis).toEqual({
      from: terms.startedAt,
      budgetMs: 15 * 86_400_000,
      extraWorkingDays: 0,
    });
  });

  it('adds the working days each extension grants to the basis; a resume starts them again from the time left', () => {
    const extend = (extraWorkingDays: number | null = null): DeadlineEvent => ({
      type: 'DeadlineExtended',
      data: {
        deadlineId: 'rectify',
        dueAt: '2027-01-08T15:59:59.999Z',
        warnAt: [],
        reason: 'r',
        approvedBy: 'l',
        calendarVersion: PROVISIONAL,
        extraWorkingDays,
      },
    });
    const twice = [set, extend(3), extend(2)].reduce(evolveDeadlines, {});
    expect(twice['rectify']?.basis).toEqual({ from: terms.startedAt, budgetMs: 15 * 86_400_000, extraWorkingDays: 5 });
    given([set, extend(3)])
      .when(recompute({ previousDueAt: '2027-01-08T15:59:59.999Z', dueAt: '2027-01-11T15:59:59.999Z' }))
      .then([
        {
          type: 'DeadlineRecomputed',
          data: { ...recomputed.data, previousDueAt: '2027-01-08T15:59:59.999Z', dueAt: '2027-01-11T15:59:59.999Z' },
        },
      ]);
    expect([set, extend(3), extend()].reduce(evolveDeadlines, {})['rectify']?.basis).toBeNull();
    const paused: DeadlineEvent = {
      type: 'DeadlinePaused',
      data: { deadlineId: 'rectify', pausedAt: NOW, reason: 'waiting', remainingMs: 7_000 },
    };
    const resumed: DeadlineEvent = {
      type: 'DeadlineResumed',
      data: {
        deadlineId: 'rectify',
        resumedAt: '2026-12-22T02:00:00.000Z',
        dueAt: '2026-12-22T02:00:06.999Z',
        warnAt: [],
        calendarVersion: OFFICIAL,
      },
    };
    expect([set, extend(3), paused, resumed].reduce(evolveDeadlines, {})['rectify']?.basis).toEqual({
      from: '2026-12-22T02:00:00.000Z',
      budgetMs: 7_000,
      extraWorkingDays: 0,
    });
  });
});
