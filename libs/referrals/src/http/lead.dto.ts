import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { COMPLAINT_CATEGORIES, ComplaintCategory, IdentityDto } from '@bihuan/complaints';
import { PageCursor, PageSize } from '@bihuan/platform';

/** 交办线索: a partner agency sends a health commission something to look into; it becomes a complaint ticket there. */
export class SubmitLeadDto {
  @ApiProperty({ example: 'city-a', maxLength: 64, description: 'The health commission it goes to: the agency’s own or one below it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  unitId!: string;

  @ApiPropertyOptional({ example: 'hosp-a1-1', maxLength: 64, description: 'The institution concerned, under that commission' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  institutionId?: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({
    maxLength: 5000,
    description: 'What the agency found or was told. Put an informant’s name and contacts in `identity`, not here.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ maxLength: 100, example: '甲公移〔2025〕12号', description: 'The agency’s own number for it (来文编号)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agencyReference?: string;

  @ApiPropertyOptional({ type: IdentityDto, description: 'A named informant: encrypted into the ticket only; the lead keeps none of it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityDto)
  identity?: IdentityDto;
}

export class ListLeadsQueryDto {
  @PageCursor() cursor?: string;
  @PageSize() pageSize?: number;
}

export class LeadParamDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) leadId!: string;
}
