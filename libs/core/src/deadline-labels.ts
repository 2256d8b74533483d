import { DeadlineStatus } from './deadline';

/** Where a deadline stands (deadline.ts), in the words of a case's time limits; served by GET /catalogue. */
export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  pending: '计时中',
  paused: '已停表',
  expired: '已超期',
  cleared: '已解除',
};
