import { ApiProperty } from '@nestjs/swagger';
import { nullableEnum } from '@bihuan/platform';
import { CampaignDetail, CampaignInstitutionView, CampaignPhaseView, CampaignReportView } from '../application/campaign-views';
import {
  CAMPAIGN_STATUSES,
  CampaignStatus,
  PHASE_STATUSES,
  PhaseStatus,
  REPORT_KINDS,
  REPORT_RECURRENCES,
  ReportKind,
  ReportRecurrence,
} from '../domain/campaign-values';
import { CampaignOpenRow, CampaignScope } from '../domain/campaign.messages';
import { CampaignListItem } from '../read-models/campaigns.queries';

/** A campaign (专项行动) as lists show it. */
export class CampaignListItemDto implements CampaignListItem {
  @ApiProperty() campaignId!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ description: 'First day of the first phase (YYYY-MM-DD)' }) startsOn!: string;
  @ApiProperty({ description: 'Last day of the last phase (YYYY-MM-DD)' }) endsOn!: string;
  @ApiProperty() institutionCount!: number;
  @ApiProperty() launchedAt!: string;
  @ApiProperty() launchedBy!: string;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'Open rows the close carried over' }) carriedOver!: number;
}

export class CampaignScopeViewDto implements CampaignScope {
  @ApiProperty({ type: [String] }) institutionTypes!: string[];
  @ApiProperty({ type: [String] }) ownerships!: string[];
  @ApiProperty({ type: [String] }) levels!: string[];
  @ApiProperty({ type: [String], description: 'Named one by one (those the reader covers)' }) listedInstitutionIds!: string[];
  @ApiProperty({ type: [String], description: 'Lower commission units owing the reports (those the reader covers)' })
  commissionUnitIds!: string[];
}

export class CampaignReportViewDto implements CampaignReportView {
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ type: String, nullable: true, description: 'Fixed due day, or null for a recurring report' }) due!: string | null;
  @ApiProperty(nullableEnum(REPORT_RECURRENCES)) recurrence!: ReportRecurrence | null;
  @ApiProperty({ type: [String], description: 'Every day it falls due (YYYY-MM-DD)' }) dueDays!: string[];
}

export class CampaignPhaseViewDto implements CampaignPhaseView {
  @ApiProperty() index!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) to!: string;
  @ApiProperty({ enum: PHASE_STATUSES, description: 'On the clock’s Shanghai day' }) status!: PhaseStatus;
  @ApiProperty({ type: () => [CampaignReportViewDto] }) reports!: CampaignReportViewDto[];
}

export class CampaignInstitutionDto implements CampaignInstitutionView {
  @ApiProperty() institutionId!: string;
  @ApiProperty() name!: string;
}

export class CampaignOpenRowDto implements CampaignOpenRow {
  @ApiProperty() findingId!: string;
  @ApiProperty() institutionId!: string;
}

/** GET /campaigns/{campaignId}: facts, phases placed on the clock's day, the scope the reader covers. */
export class CampaignDetailDto implements CampaignDetail {
  @ApiProperty() campaignId!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() issuingUnitName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ type: () => CampaignScopeViewDto }) scope!: CampaignScopeViewDto;
  @ApiProperty({ description: 'Institutions in the scope, all of them' }) institutionCount!: number;
  @ApiProperty({ type: () => [CampaignInstitutionDto], description: 'The scope’s institutions the reader covers' })
  institutions!: CampaignInstitutionDto[];
  @ApiProperty({ type: () => [CampaignPhaseViewDto] }) phases!: CampaignPhaseViewDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Index of the phase the day falls in' }) currentPhase!: number | null;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ description: 'The Shanghai day the phases were placed against' }) today!: string;
  @ApiProperty() launchedBy!: string;
  @ApiProperty() launchedAt!: string;
  @ApiProperty() amendments!: number;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
  @ApiProperty({ type: () => [CampaignOpenRowDto] }) carriedOver!: CampaignOpenRowDto[];
}
