import { CampaignPhase } from '../../domain/campaign-phases';
import { ReportKind } from '../../domain/campaign-values';
import { DutyEscalationRung, ReportDutyStatus } from '../../domain/duty/report-duty-values';
import { ReportDutyListItem } from '../../read-models/report-duties.queries';
import { reportsDue } from '../campaign-reports';

/** One report instance of the campaign: a column of the matrix. */
export interface ReportColumn {
  readonly phaseIndex: number;
  readonly phaseName: string;
  readonly kind: ReportKind;
  readonly dueOn: string;
}

/** One unit's duty for one column, as the leader reads it: null where no duty was generated (yet). */
export interface ReportCell {
  readonly dutyId: string;
  readonly status: ReportDutyStatus;
  readonly dueAt: string;
  readonly submittedAt: string | null;
  /** Of the submission that stands (or stood, for a returned one); null before any. */
  readonly onTime: boolean | null;
  readonly overdue: boolean;
  readonly escalationRung: DutyEscalationRung | null;
  readonly returnReason: string | null;
}

export interface ReportMatrixRow {
  readonly institutionId: string;
  readonly cells: (ReportCell | null)[];
}

/** Counts over the matrix: duties, those due by now, received (handed in and standing), on time, late, overdue. */
export interface ReportMatrixTotals {
  duties: number;
  due: number;
  received: number;
  accepted: number;
  awaitingReview: number;
  returned: number;
  onTime: number;
  late: number;
  overdue: number;
  withdrawn: number;
}

export interface ReportMatrix {
  readonly columns: ReportColumn[];
  readonly rows: ReportMatrixRow[];
  readonly totals: ReportMatrixTotals;
}

const key = (institutionId: string, kind: string, dueOn: string) => `${institutionId}\u001f${kind}\u001f${dueOn}`;

/**
 * Unit × report: a column per report instance of the phases (reportsDue, phase by phase), a row
 * per institution the reader covers, each cell the institution's duty for that instance. Pure:
 * the duties from the read model and `now` go in.
 */
export function reportMatrix(
  phases: readonly CampaignPhase[],
  institutionIds: readonly string[],
  duties: readonly ReportDutyListItem[],
  now: string,
): ReportMatrix {
  const columns: ReportColumn[] = reportsDue(phases).map((r) => ({ ...r, phaseName: phases[r.phaseIndex]!.name }));
  const byKey = new Map(duties.map((d) => [key(d.institutionId, d.kind, d.dueOn), d]));
  const totals: ReportMatrixTotals = {
    duties: 0,
    due: 0,
    received: 0,
    accepted: 0,
    awaitingReview: 0,
    returned: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    withdrawn: 0,
  };
  const rows = institutionIds.map((institutionId) => ({
    institutionId,
    cells: columns.map((c): ReportCell | null => {
      const d = byKey.get(key(institutionId, c.kind, c.dueOn));
      if (!d) return null;
      count(totals, d, now);
      const { dutyId, status, dueAt, submittedAt, onTime, overdue, escalationRung, returnReason } = d;
      return { dutyId, status, dueAt, submittedAt, onTime, overdue, escalationRung, returnReason };
    }),
  }));
  return { columns, rows, totals };
}

function count(totals: ReportMatrixTotals, d: ReportDutyListItem, now: string): void {
  if (d.status === 'withdrawn') {
    totals.withdrawn++;
    return;
  }
  totals.duties++;
  if (d.dueAt < now) totals.due++;
  if (d.overdue) totals.overdue++;
  if (d.status === 'returned') totals.returned++;
  if (d.status !== 'submitted' && d.status !== 'accepted') return;
  totals.received++;
  if (d.status === 'accepted') totals.accepted++;
  else totals.awaitingReview++;
  if (d.onTime) totals.onTime++;
  else totals.late++;
}
