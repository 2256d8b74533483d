import type { Schemas } from '../../client/client';

export type Unit = Schemas['DirectoryUnitDto'];
export type UnitDetail = Schemas['DirectoryUnitDetailDto'];
export type Department = Schemas['DirectoryDepartmentDto'];
export type User = Schemas['DirectoryUserDto'];
export type Profile = Schemas['InstitutionProfileDto'];
export type ImportRejection = Schemas['DirectoryRowRejectionDto'];
export type Receipt = Schemas['CommandReceiptDto'];
