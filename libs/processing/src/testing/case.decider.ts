import {
  Command,
  DeadlineBook,
  DeadlineEvent,
  Decider,
  DomainError,
  evolveDeadlines,
  ExpireDeadlineData,
  expiryIsDue,
  WarnDeadlineData,
  warningIsDue,
} from '@bihuan/core';

/** A test case with one deadline, answering the deadline wake-up commands as core/deadline.ts asks. */
export type CaseCommand =
  | Command<'OpenCase', { dueAt: string; warnAt: string[] }>
  | Command<'PauseDeadline', { remainingMs: number }>
  | Command<'ResumeDeadline', { dueAt: string; warnAt: string[] }>
  | Command<'CloseCase', object>
  | Command<'ExpireDeadline', ExpireDeadlineData>
  | Command<'WarnDeadline', WarnDeadlineData>;

export interface CaseState {
  readonly book: DeadlineBook;
}

export const caseDecider: Decider<CaseCommand, DeadlineEvent, CaseState> = {
  initialState: { book: {} },
  evolve: (state, event) => ({ book: evolveDeadlines(state.book, event) }),
  decide: (command, state): DeadlineEvent[] => {
    const now = command.metadata.now;
    switch (command.type) {
      case 'OpenCase':
        if (state.book['answer']) throw new DomainError('CASE.ALREADY_OPEN', 'already open');
        return [
          {
            type: 'DeadlineSet',
            data: {
              deadlineId: 'answer',
              purpose: 'answer',
              startedAt: now,
              dueAt: command.data.dueAt,
              workingDays: 0,
              calendarVersion: 'test',
              warnAt: command.data.warnAt,
              policy: {},
            },
          },
        ];
      case 'PauseDeadline':
        return [
          { type: 'DeadlinePaused', data: { deadlineId: 'answer', pausedAt: now, reason: 'test', remainingMs: command.data.remainingMs } },
        ];
      case 'ResumeDeadline':
        return [
          {
            type: 'DeadlineResumed',
            data: { deadlineId: 'answer', resumedAt: now, dueAt: command.data.dueAt, warnAt: command.data.warnAt, calendarVersion: 'test' },
          },
        ];
      case 'CloseCase':
        return [{ type: 'DeadlineCleared', data: { deadlineId: 'answer', clearedAt: now, outcome: 'met' } }];
      case 'ExpireDeadline':
        return expiryIsDue(state.book, command.data)
          ? [{ type: 'DeadlineExpired', data: { deadlineId: command.data.deadlineId, dueAt: command.data.dueAt, expiredAt: now } }]
          : [];
      case 'WarnDeadline':
        return warningIsDue(state.book, command.data) ? [{ type: 'DeadlineWarned', data: { ...command.data } }] : [];
    }
  },
};
