import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { HOSPITAL_LEVELS, INSTITUTION_TYPES, OWNERSHIPS } from '@bihuan/directory';
import { IsInstant } from '@bihuan/platform';

export class RequestDrawDto {
  @ApiProperty({ maxLength: 64, example: 'city-a', description: 'Unit whose institutions are drawn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  jurisdiction!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) count!: number;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) inspectorsPerVisit!: number;
  @ApiProperty({ example: '2025-04-15' }) @IsInstant() plannedDate!: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) campaignId?: string;
  @ApiPropertyOptional({ enum: Object.keys(INSTITUTION_TYPES), isArray: true, description: 'Only institutions of these types (机构类别)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(INSTITUTION_TYPES), { each: true })
  institutionTypes?: string[];
  @ApiPropertyOptional({ enum: Object.keys(OWNERSHIPS), isArray: true, description: 'Only these ownerships (所有制)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(OWNERSHIPS), { each: true })
  ownerships?: string[];
  @ApiPropertyOptional({ enum: Object.keys(HOSPITAL_LEVELS), isArray: true, description: 'Only these levels (医院等级)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.keys(HOSPITAL_LEVELS), { each: true })
  levels?: string[];
}
