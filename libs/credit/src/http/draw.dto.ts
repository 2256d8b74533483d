import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RequestDrawDto {
  @ApiProperty({ maxLength: 64, example: 'city-a', description: 'Unit whose institutions are drawn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  jurisdiction!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) count!: number;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) inspectorsPerVisit!: number;
  @ApiProperty({ example: '2025-04-15' }) @IsISO8601({ strict: true }) plannedDate!: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) campaignId?: string;
}

export class DeclareConflictDto {
  @ApiPropertyOptional({ maxLength: 64, description: 'Defaults to the caller (an inspector declares their own)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  inspectorId?: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) institutionId!: string;
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}
