import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UnitView } from '../application/directory.queries';
import {
  AGENCY_TYPES,
  AgencyType,
  CONFLICT_REASONS,
  ConflictReason,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  HospitalGrade,
  HospitalLevel,
  INSTITUTION_TYPES,
  InstitutionProfile,
  InstitutionType,
  OWNERSHIPS,
  Ownership,
  UNIT_KINDS,
  DirectoryUnitKind,
  USER_STATUSES,
  UserStatus,
} from '../domain/directory-attributes';
import { DIRECTORY_ROLES, DirectoryRole, RowRejection } from '../domain/directory-inputs';
import { DirectoryDepartment, DirectoryPerson, DirectoryStaff, DirectoryUnit, InspectorConflict } from '../domain/directory.model';

/** 机构信息 of an institution. */
export class DirectoryInstitutionProfileDto implements InstitutionProfile {
  @ApiProperty({ enum: Object.keys(INSTITUTION_TYPES) }) institutionType!: InstitutionType;
  @ApiProperty({ enum: Object.keys(OWNERSHIPS) }) ownership!: Ownership;
  @ApiProperty({ enum: Object.keys(HOSPITAL_LEVELS) }) level!: HospitalLevel;
  @ApiProperty({ enum: Object.keys(HOSPITAL_GRADES) }) grade!: HospitalGrade;
  @ApiProperty({ description: '统一社会信用代码, 18 characters' }) creditCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty() legalRepresentative!: string;
  @ApiProperty() contactPhone!: string;
}

export class DirectoryUnitDto implements DirectoryUnit {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: DirectoryUnitKind;
  @ApiProperty({ nullable: true, type: String, description: 'Null only for the root (the province)' }) parentId!: string | null;
  @ApiPropertyOptional({ type: () => DirectoryInstitutionProfileDto, description: 'Institutions only' })
  profile?: DirectoryInstitutionProfileDto;
  @ApiPropertyOptional({ enum: Object.keys(AGENCY_TYPES), description: '协同部门类别: partner agencies only' })
  agencyType?: AgencyType;
}

export class DirectoryUnitListDto {
  @ApiProperty({ type: [DirectoryUnitDto], description: 'Parents first' }) units!: DirectoryUnitDto[];
}

export class DirectoryDepartmentDto implements DirectoryDepartment {
  @ApiProperty() id!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty() name!: string;
}

/** One unit with the ids of its children and its departments. */
export class DirectoryUnitDetailDto extends DirectoryUnitDto implements UnitView {
  @ApiProperty({ type: [String] }) children!: string[];
  @ApiProperty({ type: [DirectoryDepartmentDto] }) departments!: DirectoryDepartmentDto[];
}

/** An institution an inspector must not be sent to (回避), and why. */
export class DirectoryInspectorConflictDto implements InspectorConflict {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: Object.keys(CONFLICT_REASONS) }) reason!: ConflictReason;
}

/** A person who signs in (the id is the sign-in name). */
export class DirectoryUserDto implements DirectoryPerson {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() phone!: string;
  @ApiPropertyOptional({ description: 'Work e-mail for notifications' }) email?: string;
  @ApiProperty({ enum: DIRECTORY_ROLES }) role!: DirectoryRole;
  @ApiProperty() unitId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ enum: Object.keys(USER_STATUSES) }) status!: UserStatus;
  @ApiProperty({ type: [DirectoryInspectorConflictDto] }) conflicts!: DirectoryInspectorConflictDto[];
}

export class DirectoryUserListDto {
  @ApiProperty({ type: [DirectoryUserDto] }) users!: DirectoryUserDto[];
}

/** A staff member (医务人员): not a user, never signs in. */
export class DirectoryStaffDto implements DirectoryStaff {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
}

export class DirectoryStaffListDto {
  @ApiProperty({ type: [DirectoryStaffDto] }) staff!: DirectoryStaffDto[];
}

/** One rejected row of an import: which field broke which rule, in words the office can act on. */
export class DirectoryRowRejectionDto implements RowRejection {
  @ApiProperty({ enum: ['units', 'departments', 'users'] }) sheet!: RowRejection['sheet'];
  @ApiProperty({ description: 'Row number as the spreadsheet shows it (the header is row 1)' }) row!: number;
  @ApiProperty() field!: string;
  @ApiProperty({ example: 'DIRECTORY.INVALID_CREDIT_CODE' }) rule!: string;
  @ApiProperty() message!: string;
}

export class DirectoryImportRejectionsDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [DirectoryRowRejectionDto], description: 'Sheet by sheet, row by row' }) rejections!: DirectoryRowRejectionDto[];
}

/** 422 DIRECTORY.IMPORT_REJECTED: the error body, its details the report of every rejected row (nothing was written). */
export class DirectoryImportRejectedDto {
  @ApiProperty({ enum: [422] }) statusCode!: number;
  @ApiProperty() error!: string;
  @ApiProperty({ enum: ['DIRECTORY.IMPORT_REJECTED'] }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: () => DirectoryImportRejectionsDto }) details!: DirectoryImportRejectionsDto;
}
