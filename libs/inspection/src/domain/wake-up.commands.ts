import { Command, ExpireDeadlineData, RecomputeDeadline, WarnDeadlineData } from '@bihuan/core';
import { DeadlineWindow } from './deadline-rules';

/**
 * The two timer wake-ups every case decider accepts (core/deadline.ts). They are answered with []
 * unless the named deadline is still pending with the same dueAt, so late and duplicated wake-ups
 * are harmless.
 */
export type WarnDeadline = Command<'WarnDeadline', WarnDeadlineData>;

/**
 * `next`: when the expiring deadline climbs the finding's escalation ladder to a rung that has its
 * own deadline, the application layer computes that rung's window (policy working days from the
 * expiry instant on the working-day calendar) and sends it here; `nextDeadlineNeed(state, data)`
 * tells it whether and what to compute. Without it such an expiry is refused
 * (`INSPECTION.NEXT_DEADLINE_REQUIRED`) and the timer retries.
 */
export interface ExpireDeadlineWithNext extends ExpireDeadlineData {
  readonly next?: DeadlineWindow;
}
export type ExpireDeadline = Command<'ExpireDeadline', ExpireDeadlineWithNext>;

/** Sent by the calendar-import recomputation (core `decideRecompute`). */
export type { RecomputeDeadline };

export type WakeUpCommand = WarnDeadline | ExpireDeadline | RecomputeDeadline;
