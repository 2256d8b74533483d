import { FindingEvent } from '@bihuan/inspection';

/**
 * What a ledger row shows that the finding decider's state does not keep (it keeps only what
 * decisions need): when it was opened, the notice number, the plan's measures and people, the latest
 * progress, whether sign-off was on time, and which deadline is the round's rectification deadline.
 * Folded from the same events, by the same rules as the ledger projection (ledger.projection.ts).
 */
export interface LedgerExtras {
  readonly openedAt: string;
  readonly noticeNo: string | null;
  readonly rectifyDeadlineId: string | null;
  readonly measures: string | null;
  readonly responsibleDepartment: string | null;
  readonly responsiblePerson: string | null;
  readonly progressSummary: string | null;
  readonly percentComplete: number | null;
  readonly onTime: boolean | null;
}

export const NO_EXTRAS: LedgerExtras = {
  openedAt: '',
  noticeNo: null,
  rectifyDeadlineId: null,
  measures: null,
  responsibleDepartment: null,
  responsiblePerson: null,
  progressSummary: null,
  percentComplete: null,
  onTime: null,
};

/** The extras after one finding event (occurredAt: the event's metadata). */
export function evolveExtras(extras: LedgerExtras, event: FindingEvent, occurredAt: string): LedgerExtras {
  switch (event.type) {
    case 'FindingOpened':
      return { ...extras, openedAt: occurredAt };
    case 'RectificationNoticeIssued':
      return { ...extras, noticeNo: event.data.noticeNo, rectifyDeadlineId: event.data.deadlineId };
    case 'RectificationPlanSubmitted': {
      const d = event.data;
      return { ...extras, measures: d.measures, responsibleDepartment: d.responsibleDepartment, responsiblePerson: d.responsiblePerson };
    }
    case 'RectificationProgressReported':
      return { ...extras, progressSummary: event.data.summary, percentComplete: event.data.percentComplete };
    case 'SignOffRequested':
      return { ...extras, progressSummary: event.data.summary };
    case 'FindingSignedOff':
      return { ...extras, onTime: event.data.onTime };
    case 'FindingReopened':
      return { ...extras, rectifyDeadlineId: event.data.deadlineId, progressSummary: null, percentComplete: null, onTime: null };
    default:
      return extras;
  }
}
