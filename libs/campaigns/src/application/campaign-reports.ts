import { CampaignPhase, reportDueDays } from '../domain/campaign-phases';
import { ReportKind } from '../domain/campaign-values';

/** One report every unit in scope owes: of which kind, by which day, in which phase. */
export interface ReportDue {
  readonly phaseIndex: number;
  readonly kind: ReportKind;
  readonly dueOn: string;
}

/** A report an institution handed in (报送), as the reporting duties will record it. */
export interface ReceivedReport {
  readonly institutionId: string;
  readonly kind: ReportKind;
  /** The due day it answers (one of the campaign's ReportDue days for that kind). */
  readonly dueOn: string;
  /** The Shanghai day it was received: on time when not after `dueOn`. */
  readonly receivedOn: string;
}

/**
 * The seam for reporting duties (报送, domain.md §6): what the campaign's progress and summary read
 * of reports received. Bihuan keeps no reporting duties yet, so the bound records answer null and
 * the views say how many reports are due without claiming any was received (`reportsTracked:
 * false`); the step that builds reporting duties binds CAMPAIGN_REPORT_RECORDS to its read model,
 * and the folds (campaign-progress.ts) already count what it answers.
 */
export interface CampaignReportRecords {
  /** Reports received under the campaign, or null while no reporting duty is kept. */
  received(campaignId: string): Promise<readonly ReceivedReport[] | null>;
}

export const CAMPAIGN_REPORT_RECORDS = Symbol('CAMPAIGN_REPORT_RECORDS');

/** What is bound until reporting duties exist. */
export const NO_REPORT_RECORDS: CampaignReportRecords = { received: async () => null };

/** Every due day of every phase's required reports, phase by phase, in day order within each. */
export function reportsDue(phases: readonly CampaignPhase[]): ReportDue[] {
  return phases.flatMap((phase, phaseIndex) =>
    phase.reports
      .flatMap((report) => reportDueDays(phase, report).map((dueOn) => ({ phaseIndex, kind: report.kind, dueOn })))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
  );
}
