import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CONFLICT_REASONS } from '../domain/directory-attributes';
import { DIRECTORY_ROLES } from '../domain/directory-inputs';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const LOGIN = /^[a-z0-9._-]{1,64}$/;

export class UserChangesDto {
  @ApiProperty({ maxLength: 50 }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ maxLength: 30, example: '13800138000' }) @IsString() @MaxLength(30) phone!: string;
  @ApiPropertyOptional({ maxLength: 254, example: 'zhang.san@wjw.example.cn', description: 'Work e-mail for notifications; "" clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
  @ApiProperty({ enum: DIRECTORY_ROLES }) @IsIn(DIRECTORY_ROLES) role!: (typeof DIRECTORY_ROLES)[number];
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(CODE) unitId!: string;
  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(CODE)
  departmentId?: string | null;
}

export class CreateUserDto extends UserChangesDto {
  @ApiProperty({ maxLength: 64, example: 'zhang.san', description: 'The sign-in name: lowercase letters, digits, . _ -' })
  @IsString()
  @Matches(LOGIN, { message: 'id must be a sign-in name: lowercase letters, digits, ".", "_" or "-" (at most 64)' })
  id!: string;
}

export class InspectorConflictDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(CODE) institutionId!: string;
  @ApiProperty({ enum: Object.keys(CONFLICT_REASONS) }) @IsIn(Object.keys(CONFLICT_REASONS)) reason!: keyof typeof CONFLICT_REASONS;
}

export class SetConflictsDto {
  @ApiProperty({ type: [InspectorConflictDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InspectorConflictDto)
  conflicts!: InspectorConflictDto[];
}

export class RegisterStaffDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(CODE) id!: string;
  @ApiProperty({ maxLength: 50 }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(CODE) institutionId!: string;
  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(CODE)
  departmentId?: string | null;
}

/** POST /directory/import — the text fields of the form; the XLSX or CSV comes in field `file` (format judged by content). */
export class ImportDirectoryDto {
  @ApiPropertyOptional({ enum: ['units', 'departments', 'users'], description: 'The list a CSV (or a one-sheet workbook) holds' })
  @IsOptional()
  @IsIn(['units', 'departments', 'users'])
  sheet?: 'units' | 'departments' | 'users';
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'] }) @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
  @ApiPropertyOptional({ enum: ['units', 'departments', 'users'], description: 'CSV only: which list (default units)' })
  @IsOptional()
  @IsIn(['units', 'departments', 'users'])
  sheet?: 'units' | 'departments' | 'users';
}

export class UsersQueryDto {
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @Matches(CODE) unitId?: string;
}
