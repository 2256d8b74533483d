import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK, EvidenceFile, shanghaiDate } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, READ_MODELS } from '@bihuan/platform';
import { ReportReview, ReportSubmission, openDutyDeadlines } from '../../domain/duty/report-duty.state';
import { ReportDutyFacts } from '../../domain/duty/report-duty.messages';
import { DutyEscalationRung, OWED_STATUSES, OwingUnitKind, ReportDutyStatus } from '../../domain/duty/report-duty-values';
import { coveredInstitutions } from '../../domain/campaign.visibility';
import { ReportDutyFilter, ReportDutyListItem, ReportDutyQueries } from '../../read-models/report-duties.queries';
import { CampaignAccess } from '../campaign-access';
import { ReportDutyAccess } from './report-duty-access';
import { reportMatrix, ReportMatrix, ReportMatrixRow } from './report-matrix';

/** A duty's page: its facts, where it stands, its submissions (with their files), reviews and the deadline running. */
export type ReportDutyDetail = ReportDutyFacts & {
  /** Whether an institution or a lower commission owes it (who hands it in). */
  readonly owingUnitKind: OwingUnitKind;
  readonly assignedAt: string;
  readonly status: ReportDutyStatus;
  readonly round: number;
  readonly overdue: boolean;
  readonly escalation: { readonly step: number; readonly rung: DutyEscalationRung } | null;
  /** The deadline running now (the due date, a resubmission's, or a rung's), null when none is. */
  readonly deadline: { readonly deadlineId: string; readonly purpose: string; readonly dueAt: string } | null;
  readonly submissions: (Omit<ReportSubmission, 'evidence'> & { readonly evidence: EvidenceFile[] })[];
  readonly reviews: readonly ReportReview[];
  /** Every file attached to the duty, in the order attached (cited or not). */
  readonly files: EvidenceFile[];
  readonly today: string;
};

/** The leader's view of a campaign's reports: unit × report, and the counts. */
export type CampaignReportsView = Omit<ReportMatrix, 'rows'> & {
  readonly campaignId: string;
  readonly title: string;
  readonly generatedAt: string;
  readonly today: string;
  readonly units: (ReportMatrixRow & { readonly name: string })[];
};

/**
 * Reporting duties' reads: the list (read model, scoped as the duty's visibility is: a hospital
 * its own, commission staff the institutions and issuing units of their jurisdiction), a duty's
 * page (its stream, through its visibility) and a campaign's unit × report matrix (the campaign's
 * readers, over the institutions they cover).
 */
@Injectable()
export class ReportDutyReads {
  private readonly duties: ReportDutyQueries;

  constructor(
    @Inject(ReportDutyAccess) private readonly access: ReportDutyAccess,
    @Inject(CampaignAccess) private readonly campaigns: CampaignAccess,
    @Inject(READ_MODELS) database: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.duties = new ReportDutyQueries(database);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  list(actor: Actor, filter: ReportDutyFilter, cursor: string | undefined, pageSize: number): Promise<KeysetPage<ReportDutyListItem>> {
    const policy = this.access.access;
    const scope = {
      // Owing units: a hospital its own; commission staff every unit below them (institutions and lower commissions).
      institutions: policy.visibleUnits(actor),
      issuingUnits: actor.role === 'hospital' ? [] : policy.visibleUnits(actor),
    };
    return this.duties.list(scope, filter, this.now(), cursor, pageSize);
  }

  async detail(actor: Actor, dutyId: string): Promise<ReportDutyDetail> {
    const state = await this.access.read(actor, dutyId);
    const now = this.now();
    const files = Object.values(state.files);
    const byDigest = new Map(files.map((f) => [f.digest, f]));
    const running = openDutyDeadlines(state.deadlines).map((id) => state.deadlines[id]!);
    const current = running[running.length - 1];
    return {
      ...state.duty,
      status: state.status,
      round: state.round,
      overdue: OWED_STATUSES.includes(state.status) && state.duty.dueAt < now,
      escalation: state.escalation,
      deadline: current ? { deadlineId: current.terms.deadlineId, purpose: current.terms.purpose, dueAt: current.dueAt } : null,
      submissions: state.submissions.map((s) => ({ ...s, evidence: s.evidence.flatMap((d) => byDigest.get(d) ?? []) })),
      reviews: state.reviews,
      files,
      today: shanghaiDate(now),
    };
  }

  async campaignReports(actor: Actor, campaignId: string): Promise<CampaignReportsView> {
    const { state, reader, facts } = await this.campaigns.read(actor, campaignId);
    const now = this.now();
    const c = state.campaign;
    // Rows: the institutions, then the lower commissions owing reports, that the reader covers.
    const unitIds = coveredInstitutions(reader, facts, [...c.institutionIds, ...(c.scope.commissionUnitIds ?? [])]);
    const matrix = reportMatrix(c.phases, unitIds, await this.duties.ofCampaign(campaignId, unitIds, now), now);
    return {
      campaignId,
      title: c.title,
      generatedAt: now,
      today: shanghaiDate(now),
      columns: matrix.columns,
      units: matrix.rows.map((row) => ({ ...row, name: this.campaigns.unitName(row.institutionId) })),
      totals: matrix.totals,
    };
  }
}
