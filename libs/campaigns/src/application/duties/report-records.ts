import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, shanghaiDate } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { ReportDutyQueries } from '../../read-models/report-duties.queries';
import { CampaignReportRecords, ReceivedReport } from '../campaign-reports';

/**
 * CAMPAIGN_REPORT_RECORDS as the reporting duties' read model answers it: every duty of the
 * campaign whose report stands (handed in and not returned, or accepted), with the Shanghai day of
 * that submission and whether it was in by the duty's due instant. A returned report counts again
 * once it is handed in again (late if after the due instant).
 */
@Injectable()
export class ReportDutyRecords implements CampaignReportRecords {
  private readonly duties: ReportDutyQueries;

  constructor(
    @Inject(READ_MODELS) database: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.duties = new ReportDutyQueries(database);
  }

  async received(campaignId: string): Promise<ReceivedReport[]> {
    const duties = await this.duties.allOfCampaign(campaignId, this.clock.now().toISOString());
    return duties
      .filter((d) => (d.status === 'submitted' || d.status === 'accepted') && d.submittedAt !== null)
      .map((d) => ({
        institutionId: d.institutionId,
        kind: d.kind,
        dueOn: d.dueOn,
        receivedOn: shanghaiDate(d.submittedAt!),
        onTime: d.onTime === true,
      }));
  }
}
