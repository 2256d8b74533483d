import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageCursor, PageSize } from '@bihuan/platform';
import { CAMPAIGN_YEARS } from '../domain/campaign.decider';
import { CAMPAIGN_STATUSES, CampaignStatus } from '../domain/campaign-values';
import { CAMPAIGN_ID_MAX } from './campaign.dto';

export class ListCampaignsQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ minimum: CAMPAIGN_YEARS.min, maximum: CAMPAIGN_YEARS.max })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CAMPAIGN_YEARS.min)
  @Max(CAMPAIGN_YEARS.max)
  year?: number;

  @ApiPropertyOptional({ description: 'Only campaigns this commission unit issued' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPAIGN_ID_MAX)
  issuingUnitId?: string;
}
