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
  | Command<'OpenCase', { dueAt: string; warnAt?: string[] }>
  | Command<'PauseDeadline', { remainingMs: number }>
  | Command<'ResumeDeadline', { dueAt: string; warnAt: string[] }>
  | Command<'CloseCase', object>
  | Command<'ExpireDeadline', ExpireDeadlineData>
  | Command<'WarnDeadline', WarnDeadlineData>;

export interface CaseState {
  readonly book: DeadlineBook;
}

/** How one suite's cases name their deadline (it shows in the events the suite reads back). */
export interface DeadlineCaseNames {
  readonly deadlineId: string;
  readonly purpose: string;
  readonly calendarVersion: string;
  /** Code of the DomainError for opening a case twice. */
  readonly alreadyOpen: string;
}

/**
 * The smallest decider with a real deadline: `OpenCase` sets it; `ExpireDeadline` expires it only
 * while it is pending with that dueAt, so a duplicate, late or re-armed wake-up writes nothing.
 */
export function deadlineCaseDecider(names: DeadlineCaseNames): Decider<CaseCommand, DeadlineEvent, CaseState> {
  const { deadlineId, purpose, calendarVersion } = names;
  return {
    initialState: { book: {} },
    evolve: (state, event) => ({ book: evolveDeadlines(state.book, event) }),
    decide: (command, state): DeadlineEvent[] => {
      const now = command.metadata.now;
      switch (command.type) {
        case 'OpenCase':
          if (state.book[deadlineId]) throw new DomainError(names.alreadyOpen, 'already open');
          return [
            {
              type: 'DeadlineSet',
              data: {
                deadlineId,
                purpose,
                startedAt: now,
                dueAt: command.data.dueAt,
                workingDays: 0,
                calendarVersion,
                warnAt: command.data.warnAt ?? [],
                policy: {},
              },
            },
          ];
        case 'PauseDeadline':
          return [{ type: 'DeadlinePaused', data: { deadlineId, pausedAt: now, reason: 'test', remainingMs: command.data.remainingMs } }];
        case 'ResumeDeadline':
          return [
            {
              type: 'DeadlineResumed',
              data: { deadlineId, resumedAt: now, dueAt: command.data.dueAt, warnAt: command.data.warnAt, calendarVersion },
            },
          ];
        case 'CloseCase':
          return [{ type: 'DeadlineCleared', data: { deadlineId, clearedAt: now, outcome: 'met' } }];
        case 'ExpireDeadline':
          return expiryIsDue(state.book, command.data)
            ? [{ type: 'DeadlineExpired', data: { deadlineId: command.data.deadlineId, dueAt: command.data.dueAt, expiredAt: now } }]
            : [];
        case 'WarnDeadline':
          return warningIsDue(state.book, command.data) ? [{ type: 'DeadlineWarned', data: { ...command.data } }] : [];
      }
    },
  };
}

/** The processing suites' case: one `answer` deadline. */
export const caseDecider = deadlineCaseDecider({
  deadlineId: 'answer',
  purpose: 'answer',
  calendarVersion: 'test',
  alreadyOpen: 'CASE.ALREADY_OPEN',
});
