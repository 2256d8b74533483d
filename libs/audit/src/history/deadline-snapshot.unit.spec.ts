import { RecordedEvent } from '@bihuan/event-store';
import { DeadlineBooks, snapshotOf } from './deadline-snapshot';

const PROVISIONAL = 'cn@chinese-days-1.5.7+provisional:2027@statutory-2025';
const OFFICIAL = 'cn@chinese-days-1.5.7+2027@4c7cd50a6c45';

function recorded(position: number, type: string, data: object): RecordedEvent {
  return { streamName: 'complaintTicket-1', type, data, position, revision: position, metadata: {} } as unknown as RecordedEvent;
}

describe('deadline snapshots in the history (issue 12, part 2)', () => {
  it('say a due date is provisional while it counts over a year without the notice, and not after the recompute', () => {
    const books = new DeadlineBooks();
    const set = {
      deadlineId: 'answer-1',
      purpose: 'answer',
      startedAt: '2026-12-28T02:00:00.000Z',
      dueAt: '2027-01-05T15:59:59.999Z',
      workingDays: 5,
      calendarVersion: PROVISIONAL,
      warnAt: [],
      policy: {},
    };
    expect(snapshotOf(books.after(recorded(1, 'DeadlineSet', set)))).toEqual([
      expect.objectContaining({ dueAt: set.dueAt, provisional: true }),
    ]);
    const recomputed = {
      deadlineId: 'answer-1',
      previousDueAt: set.dueAt,
      dueAt: '2027-01-06T15:59:59.999Z',
      warnAt: [],
      previousCalendarVersion: PROVISIONAL,
      calendarVersion: OFFICIAL,
      recomputedAt: '2027-01-04T17:00:00.000Z',
      remainingMs: null,
    };
    expect(snapshotOf(books.after(recorded(2, 'DeadlineRecomputed', recomputed)))).toEqual([
      expect.objectContaining({ dueAt: recomputed.dueAt, provisional: false }),
    ]);
  });
});
