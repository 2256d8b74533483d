import { DeadlineBook, DeadlineEvent, DeadlineTerms, evolveDeadlines, expiryIsDue, warningIsDue } from './deadline';

const terms: DeadlineTerms = {
  deadlineId: 'answer',
  purpose: 'answer',
  startedAt: '2025-03-03T02:00:00.000Z',
  dueAt: '2025-03-10T15:59:59.999Z',
  workingDays: 5,
  calendarVersion: 'cn-test',
  warnAt: ['2025-03-07T15:59:59.999Z'],
  policy: { answerWorkingDays: 5 },
};

const fold = (events: DeadlineEvent[]): DeadlineBook => events.reduce(evolveDeadlines, {});

describe('deadline book', () => {
  const set: DeadlineEvent = { type: 'DeadlineSet', data: terms };

  it('accepts the due expiry and warning of a pending deadline', () => {
    const book = fold([set]);
    expect(book['answer']?.status).toBe('pending');
    expect(expiryIsDue(book, { deadlineId: 'answer', dueAt: terms.dueAt })).toBe(true);
    expect(warningIsDue(book, { deadlineId: 'answer', warnAt: terms.warnAt[0]!, dueAt: terms.dueAt })).toBe(true);
  });

  it('ignores a duplicate warning, a stale dueAt, and anything after expiry or clearing', () => {
    const warned = fold([set, { type: 'DeadlineWarned', data: { deadlineId: 'answer', warnAt: terms.warnAt[0]!, dueAt: terms.dueAt } }]);
    expect(warningIsDue(warned, { deadlineId: 'answer', warnAt: terms.warnAt[0]!, dueAt: terms.dueAt })).toBe(false);
    expect(expiryIsDue(warned, { deadlineId: 'answer', dueAt: '2025-03-01T00:00:00.000Z' })).toBe(false);
    const expired = fold([set, { type: 'DeadlineExpired', data: { deadlineId: 'answer', dueAt: terms.dueAt, expiredAt: terms.dueAt } }]);
    expect(expiryIsDue(expired, { deadlineId: 'answer', dueAt: terms.dueAt })).toBe(false);
    const cleared = fold([set, { type: 'DeadlineCleared', data: { deadlineId: 'answer', clearedAt: terms.startedAt, outcome: 'met' } }]);
    expect(cleared['answer']?.status).toBe('cleared');
    expect(expiryIsDue(cleared, { deadlineId: 'answer', dueAt: terms.dueAt })).toBe(false);
  });

  it('pauses with the remaining time and resumes on a new due date', () => {
    const paused = fold([
      set,
      { type: 'DeadlinePaused', data: { deadlineId: 'answer', pausedAt: terms.startedAt, reason: 'waiting', remainingMs: 1000 } },
    ]);
    expect(paused['answer']).toMatchObject({ status: 'paused', remainingMs: 1000 });
    expect(expiryIsDue(paused, { deadlineId: 'answer', dueAt: terms.dueAt })).toBe(false);
    const resumed = evolveDeadlines(paused, {
      type: 'DeadlineResumed',
      data: { deadlineId: 'answer', resumedAt: terms.dueAt, dueAt: '2025-03-12T15:59:59.999Z', warnAt: [], calendarVersion: 'cn-test' },
    });
    expect(expiryIsDue(resumed, { deadlineId: 'answer', dueAt: '2025-03-12T15:59:59.999Z' })).toBe(true);
    expect(expiryIsDue(resumed, { deadlineId: 'answer', dueAt: terms.dueAt })).toBe(false);
  });

  it('leaves the book unchanged for an unknown deadline', () => {
    const book = fold([set]);
    expect(
      evolveDeadlines(book, { type: 'DeadlineExpired', data: { deadlineId: 'other', dueAt: terms.dueAt, expiredAt: terms.dueAt } }),
    ).toBe(book);
  });
});
