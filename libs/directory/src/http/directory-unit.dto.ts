import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  AGENCY_TYPES,
  AgencyType,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  UNIT_KINDS,
} from '../domain/directory-attributes';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** 机构信息: required on institutions, refused on commission units (the decider checks the credit code and phone). */
export class InstitutionProfileDto {
  @ApiProperty({ enum: Object.keys(INSTITUTION_TYPES) })
  @IsIn(Object.keys(INSTITUTION_TYPES))
  institutionType!: keyof typeof INSTITUTION_TYPES;
  @ApiProperty({ enum: Object.keys(OWNERSHIPS) }) @IsIn(Object.keys(OWNERSHIPS)) ownership!: keyof typeof OWNERSHIPS;
  @ApiProperty({ enum: Object.keys(HOSPITAL_LEVELS) }) @IsIn(Object.keys(HOSPITAL_LEVELS)) level!: keyof typeof HOSPITAL_LEVELS;
  @ApiProperty({ enum: Object.keys(HOSPITAL_GRADES) }) @IsIn(Object.keys(HOSPITAL_GRADES)) grade!: keyof typeof HOSPITAL_GRADES;
  @ApiProperty({ example: '12990000MB0000001J', description: '统一社会信用代码 (GB 32100 check character)' })
  @IsString()
  @MaxLength(18)
  creditCode!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) address!: string;
  @ApiProperty({ maxLength: 50 }) @IsString() @IsNotEmpty() @MaxLength(50) legalRepresentative!: string;
  @ApiProperty({ maxLength: 30, example: '0571-88886666' }) @IsString() @MaxLength(30) contactPhone!: string;
}

export class CreateUnitDto {
  @ApiProperty({ maxLength: 64, example: 'hosp-a1-3' }) @IsString() @Matches(CODE) id!: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind!: (typeof UNIT_KINDS)[number];
  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true, description: 'null only for a province' })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(CODE)
  parentId!: string | null;
  @ApiPropertyOptional({ type: InstitutionProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstitutionProfileDto)
  profile?: InstitutionProfileDto;
  @ApiPropertyOptional({ enum: Object.keys(AGENCY_TYPES), description: '协同部门类别: required for an agency, refused on other units' })
  @IsOptional()
  @IsIn(Object.keys(AGENCY_TYPES))
  agencyType?: AgencyType;
}

export class UpdateUnitDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiPropertyOptional({ type: InstitutionProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstitutionProfileDto)
  profile?: InstitutionProfileDto;
  @ApiPropertyOptional({ enum: Object.keys(AGENCY_TYPES), description: 'An agency’s new type (absent: unchanged)' })
  @IsOptional()
  @IsIn(Object.keys(AGENCY_TYPES))
  agencyType?: AgencyType;
}

export class MoveUnitDto {
  @ApiProperty({ maxLength: 64, description: 'The new parent unit' }) @IsString() @Matches(CODE) parentId!: string;
}

export class CreateDepartmentDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(CODE) id!: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}

export class UpdateDepartmentDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}
