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

/** Stream category of the fault tests' cases: `faultCase-<n>`. */
export const FAULT_CATEGORY = 'faultCase';

/** A case with one deadline `due`, answering the wake-up commands as core/deadline.ts asks. */
export type FaultCaseCommand =
  Command<'OpenCase', { dueAt: string }> | Command<'ExpireDeadline', ExpireDeadlineData> | Command<'WarnDeadline', WarnDeadlineData>;

/**
 * The smallest decider with a real deadline: `OpenCase` sets it; `ExpireDeadline` expires it only
 * while it is pending with that dueAt, so a duplicate, late or re-armed wake-up writes nothing.
 */
export const faultCaseDecider: Decider<FaultCaseCommand, DeadlineEvent, { book: DeadlineBook }> = {
  initialState: { book: {} },
  evolve: (state, event) => ({ book: evolveDeadlines(state.book, event) }),
  decide: (command, state): DeadlineEvent[] => {
    const now = command.metadata.now;
    switch (command.type) {
      case 'OpenCase':
        if (state.book['due']) throw new DomainError('FAULT_CASE.ALREADY_OPEN', 'already open');
        return [
          {
            type: 'DeadlineSet',
            data: {
              deadlineId: 'due',
              purpose: 'fault-test',
              startedAt: now,
              dueAt: command.data.dueAt,
              workingDays: 0,
              calendarVersion: 'none',
              warnAt: [],
              policy: {},
            },
          },
        ];
      case 'ExpireDeadline':
        return expiryIsDue(state.book, command.data)
          ? [{ type: 'DeadlineExpired', data: { deadlineId: command.data.deadlineId, dueAt: command.data.dueAt, expiredAt: now } }]
          : [];
      case 'WarnDeadline':
        return warningIsDue(state.book, command.data) ? [{ type: 'DeadlineWarned', data: { ...command.data } }] : [];
    }
  },
};
