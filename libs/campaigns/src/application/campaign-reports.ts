import { CampaignPhase, reportDueDays } from '../domain/campaign-phases';
import { ReportKind } from '../domain/campaign-values';

/** One report every unit in scope owes: of which kind, by which day, in which phase. */
export interface ReportDue {
  readonly phaseIndex: number;
  readonly kind: ReportKind;
  readonly dueOn: string;
}

/** A report an institution handed in (报送) and that stands (submitted or accepted, not returned), as its duty records it. */
export interface ReceivedReport {
  readonly institutionId: string;
  readonly kind: ReportKind;
  /** The due day it answers (one of the campaign's ReportDue days for that kind). */
  readonly dueOn: string;
  /** The Shanghai day of the submission that stands. */
  readonly receivedOn: string;
  /** That submission was in by the duty's due instant (a recurring day moved to a working day: docs/campaigns.md). */
  readonly onTime: boolean;
}

/**
 * What the campaign's progress and summary read of reports received (报送, domain.md §6): bound
 * in CampaignsModule to the reporting duties' read model (ReportDutyRecords); the folds
 * (campaign-progress.ts) count what it answers. `null` would mean no duty is kept (the views then
 * answer `reportsTracked: false` and the 通报 shows —).
 */
export interface CampaignReportRecords {
  /** Reports received under the campaign, or null while no reporting duty is kept. */
  received(campaignId: string): Promise<readonly ReceivedReport[] | null>;
}

export const CAMPAIGN_REPORT_RECORDS = Symbol('CAMPAIGN_REPORT_RECORDS');

/** Every due day of every phase's required reports, phase by phase, in day order within each. */
export function reportsDue(phases: readonly CampaignPhase[]): ReportDue[] {
  return phases.flatMap((phase, phaseIndex) =>
    phase.reports
      .flatMap((report) => reportDueDays(phase, report).map((dueOn) => ({ phaseIndex, kind: report.kind, dueOn })))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
  );
}
