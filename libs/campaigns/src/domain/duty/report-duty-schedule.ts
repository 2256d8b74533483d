import { deterministicId } from '@bihuan/core';
import { monthStart, quarterStart } from '../campaign-days';
import { CampaignPhase, reportDueDays } from '../campaign-phases';
import { ReportKind, ReportRecurrence } from '../campaign-values';
import { OwingUnitKind } from './report-duty-values';

/** Stream category of reporting duties: `reportDuty-<dutyId>`. */
export const REPORT_DUTY_CATEGORY = 'reportDuty';

/** One report one unit (an institution, or a lower commission unit) owes under a campaign, as its phases name it. */
export interface DutyInstance {
  readonly dutyId: string;
  /** The owing unit (ReportDutyFacts.institutionId). */
  readonly institutionId: string;
  readonly owingUnitKind: OwingUnitKind;
  readonly kind: ReportKind;
  /** Null for a report due on a fixed day. */
  readonly recurrence: ReportRecurrence | null;
  readonly phaseIndex: number;
  readonly phaseName: string;
  /** The day the campaign names (a fixed day, or a month's / quarter's end within the phase). */
  readonly dueOn: string;
  /** The first day it may be handed in: the period it reports on opens (the phase's first day at the earliest). */
  readonly opensOn: string;
}

/**
 * The id of the duty of one institution for one report instance: derived from what identifies it
 * (campaign, institution, kind, due day), so a replayed or retried generation — or an amendment
 * that keeps the instance — names the same stream and creates no second duty.
 */
export function reportDutyId(campaignId: string, institutionId: string, kind: ReportKind, dueOn: string): string {
  return deterministicId(REPORT_DUTY_CATEGORY, campaignId, institutionId, kind, dueOn);
}

/** The period a report instance covers opens: a fixed report with its phase, a monthly (quarterly) one with its month (quarter). */
function opensOn(phase: Pick<CampaignPhase, 'from'>, recurrence: ReportRecurrence | null, dueOn: string): string {
  const start = recurrence === 'monthly' ? monthStart(dueOn) : recurrence === 'quarterly' ? quarterStart(dueOn) : phase.from;
  return start > phase.from ? start : phase.from;
}

/**
 * Every duty a campaign's facts call for: each report instance of each phase (reportDueDays) for
 * each institution in scope and each lower commission unit it names, in phase, day and unit order
 * (institutions first). The same kind due the same day twice (two phases naming it) is one duty.
 * Pure: the campaign's event goes in.
 */
export function dutyInstances(facts: {
  readonly campaignId: string;
  readonly institutionIds: readonly string[];
  readonly scope?: { readonly commissionUnitIds?: readonly string[] };
  readonly phases: readonly CampaignPhase[];
}): DutyInstance[] {
  const owing: { id: string; kind: OwingUnitKind }[] = [
    ...facts.institutionIds.map((id) => ({ id, kind: 'institution' as const })),
    ...(facts.scope?.commissionUnitIds ?? []).map((id) => ({ id, kind: 'commission' as const })),
  ];
  const seen = new Set<string>();
  const out: DutyInstance[] = [];
  facts.phases.forEach((phase, phaseIndex) => {
    const instances = phase.reports.flatMap((report) =>
      reportDueDays(phase, report).map((dueOn) => ({ kind: report.kind, recurrence: report.recurrence, dueOn })),
    );
    instances.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    for (const instance of instances) {
      for (const unit of owing) {
        const dutyId = reportDutyId(facts.campaignId, unit.id, instance.kind, instance.dueOn);
        if (seen.has(dutyId)) continue;
        seen.add(dutyId);
        const open = opensOn(phase, instance.recurrence, instance.dueOn);
        const owner = { institutionId: unit.id, owingUnitKind: unit.kind };
        out.push({ dutyId, ...owner, ...instance, phaseIndex, phaseName: phase.name, opensOn: open });
      }
    }
  });
  return out;
}
