import { ApiProperty } from '@nestjs/swagger';
import { FINDING_CATEGORIES, FindingCategory, InspectionLedgerRowDto, InspectionLedgerSummaryDto } from '@bihuan/inspection';
import { CampaignLedgerView, CampaignProgressView, CampaignSummary } from '../application/campaign-reads';
import { ProgressCell, ProgressColumns, ProgressUnit } from '../application/campaign-progress';
import { SummaryByCategory, SummaryByInstitution, SummaryLine } from '../application/campaign-summary';
import { CAMPAIGN_STATUSES, CampaignStatus } from '../domain/campaign-values';
import { CampaignPhaseViewDto } from './campaign.response';

/** GET /campaigns/{campaignId}/ledger: the inspection ledger's rows filed under the campaign (序号 1…n). */
export class CampaignLedgerDto implements CampaignLedgerView {
  @ApiProperty() campaignId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: () => [InspectionLedgerRowDto] }) rows!: InspectionLedgerRowDto[];
  @ApiProperty({ type: () => InspectionLedgerSummaryDto }) summary!: InspectionLedgerSummaryDto;
}

const REPORTS = 'null while reporting duties (报送) are not kept';

export class CampaignProgressCellDto implements ProgressCell {
  @ApiProperty({ description: 'Commission visits carried out' }) visitsDone!: number;
  @ApiProperty({ description: 'Self-inspections (自查) carried out' }) selfInspections!: number;
  @ApiProperty({ description: 'Ledger rows that count (withdrawn apart)' }) findings!: number;
  @ApiProperty() open!: number;
  @ApiProperty() signedOff!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Signed off by their deadline' }) onTime!: number;
  @ApiProperty({ description: 'Report instances due by today' }) reportsDue!: number;
  @ApiProperty({ type: Number, nullable: true, description: REPORTS }) reportsReceived!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: REPORTS }) reportsOnTime!: number | null;
}

export class CampaignProgressColumnsDto implements ProgressColumns {
  @ApiProperty({ type: () => [CampaignProgressCellDto], description: 'One cell per phase' }) phases!: CampaignProgressCellDto[];
  @ApiProperty({ type: () => CampaignProgressCellDto, description: 'Dated before, between or after the phases' })
  outsidePhases!: CampaignProgressCellDto;
  @ApiProperty({ type: () => CampaignProgressCellDto }) total!: CampaignProgressCellDto;
}

export class CampaignProgressUnitDto extends CampaignProgressColumnsDto implements ProgressUnit {
  @ApiProperty() institutionId!: string;
  @ApiProperty() name!: string;
}

/** GET /campaigns/{campaignId}/progress: phase × unit, within what the reader may see. */
export class CampaignProgressDto implements CampaignProgressView {
  @ApiProperty() campaignId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'The Shanghai day of the clock' }) today!: string;
  @ApiProperty({ type: Number, nullable: true }) currentPhase!: number | null;
  @ApiProperty({ type: () => [CampaignPhaseViewDto] }) phases!: CampaignPhaseViewDto[];
  @ApiProperty({ description: 'false until reporting duties are kept: reports received read null' }) reportsTracked!: boolean;
  @ApiProperty({ type: () => [CampaignProgressUnitDto] }) units!: CampaignProgressUnitDto[];
  @ApiProperty({ type: () => CampaignProgressColumnsDto }) totals!: CampaignProgressColumnsDto;
}

export class CampaignSummaryLineDto extends CampaignProgressCellDto implements SummaryLine {
  @ApiProperty({ type: Number, nullable: true, description: 'Signed off / findings (0–1)' }) rectificationRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'On time / signed off (0–1)' }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `Reports on time / due (0–1); ${REPORTS}` }) reportsOnTimeRate!: number | null;
}

export class CampaignSummaryCategoryDto extends CampaignSummaryLineDto implements SummaryByCategory {
  @ApiProperty({ enum: FINDING_CATEGORIES }) category!: FindingCategory;
}

export class CampaignSummaryInstitutionDto extends CampaignSummaryLineDto implements SummaryByInstitution {
  @ApiProperty() institutionId!: string;
  @ApiProperty() name!: string;
}

/** GET /campaigns/{campaignId}/summary: the closing summary (通报) — totals, by category, by institution. */
export class CampaignSummaryDto implements CampaignSummary {
  @ApiProperty() campaignId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() issuingUnitName!: string;
  @ApiProperty() year!: number;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'Open rows the close carried over (those the reader covers)' }) carriedOver!: number;
  @ApiProperty() reportsTracked!: boolean;
  @ApiProperty({ type: () => CampaignSummaryLineDto }) totals!: CampaignSummaryLineDto;
  @ApiProperty({ type: () => [CampaignSummaryCategoryDto] }) byCategory!: CampaignSummaryCategoryDto[];
  @ApiProperty({ type: () => [CampaignSummaryInstitutionDto] }) byInstitution!: CampaignSummaryInstitutionDto[];
}
