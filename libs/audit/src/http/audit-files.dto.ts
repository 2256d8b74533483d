import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STREAM_PATTERN } from './audit.dto';

/** `:stream` of the case files routes. */
export class CaseStreamParamDto {
  @ApiProperty({ example: 'finding-F1', description: 'Any stream of the case (<category>-<id>).' })
  @IsString()
  @Matches(STREAM_PATTERN)
  stream!: string;
}

/** `:stream/files/:digest`: the file by its SM3 digest (64 lowercase hex digits, as the list gives it). */
export class CaseFileParamDto extends CaseStreamParamDto {
  @ApiProperty({ description: 'SM3 digest of the file (64 lowercase hex digits).', pattern: '^[0-9a-f]{64}$' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  digest!: string;
}

export class FileReadQueryDto {
  @ApiPropertyOptional({ description: 'Why you read this file (recorded in the access log).', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string;
}
