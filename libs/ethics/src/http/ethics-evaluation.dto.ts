import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { VETO_ITEMS, VetoItem } from '../domain/ethics-values';
import { IsInstant } from '@bihuan/platform';

export class OpenEthicsEvaluationDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) institutionId!: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2200) year!: number;
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) staffId!: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) departmentId?: string;
}

export class SelfEvaluationDto {
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) summary!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsNumber() @Min(0) @Max(100) selfScore?: number;
}

export class DepartmentReviewDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) score!: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class InstitutionScoreDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: "Defaults to the department's score" })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  assessedScore?: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ enum: VETO_ITEMS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VETO_ITEMS.length)
  @IsIn(VETO_ITEMS, { each: true })
  vetoItems?: VetoItem[];
}

export class PostingDto {
  @ApiProperty() @IsInstant() from!: string;
  @ApiProperty() @IsInstant() until!: string;
}
