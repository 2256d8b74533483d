import { InstitutionProfile } from '../domain/directory-attributes';
import { DirectoryImport, UnitInput, UserInput } from '../domain/directory-inputs';

/**
 * The demo jurisdiction (all names, codes and numbers invented): one province, two cities, three
 * counties, five institutions, three partner agencies (协同部门) beside the commissions, and one
 * user per role and unit that matters. Data only: written to
 * an empty directory when DIRECTORY_SEED=demo (tests, `npm run demo`), never otherwise.
 */
function institution(
  id: string,
  name: string,
  parentId: string,
  creditCode: string,
  profile: Pick<InstitutionProfile, 'institutionType' | 'ownership' | 'level' | 'grade'>,
): UnitInput {
  return {
    id,
    name,
    kind: 'institution',
    parentId,
    profile: { ...profile, creditCode, address: `${name}院址（虚构）`, legalRepresentative: '示范法人', contactPhone: '0571-88886666' },
  };
}

export const DEMO_DIRECTORY_UNITS: readonly UnitInput[] = [
  { id: 'prov', name: '示范省卫生健康委员会', kind: 'province', parentId: null },
  { id: 'city-a', name: '甲市卫生健康委员会', kind: 'city', parentId: 'prov' },
  { id: 'city-b', name: '乙市卫生健康委员会', kind: 'city', parentId: 'prov' },
  { id: 'county-a1', name: '甲市东城区卫生健康局', kind: 'county', parentId: 'city-a' },
  { id: 'county-a2', name: '甲市西城区卫生健康局', kind: 'county', parentId: 'city-a' },
  { id: 'county-b1', name: '乙市南山县卫生健康局', kind: 'county', parentId: 'city-b' },
  institution('hosp-a1-1', '甲市第一人民医院', 'county-a1', '12990000MB0000001J', {
    institutionType: 'general_hospital',
    ownership: 'public',
    level: 'level3',
    grade: 'jia',
  }),
  institution('hosp-a1-2', '东城区中医医院', 'county-a1', '12990000MB0000002M', {
    institutionType: 'tcm_hospital',
    ownership: 'public',
    level: 'level2',
    grade: 'jia',
  }),
  institution('hosp-a2-1', '西城区妇幼保健院', 'county-a2', '12990000MB0000003Q', {
    institutionType: 'maternal_child',
    ownership: 'public',
    level: 'level2',
    grade: 'yi',
  }),
  institution('hosp-b1-1', '南山县人民医院', 'county-b1', '12990000MB0000004U', {
    institutionType: 'general_hospital',
    ownership: 'public',
    level: 'level2',
    grade: 'jia',
  }),
  institution('hosp-b1-2', '南山县中心卫生院', 'county-b1', '12990000MB0000005Y', {
    institutionType: 'primary_care',
    ownership: 'public',
    level: 'level1',
    grade: 'none',
  }),
  {
    id: 'agency-prov-discipline',
    name: '示范省纪委监委驻省卫生健康委纪检监察组',
    kind: 'agency',
    parentId: 'prov',
    agencyType: 'discipline',
  },
  { id: 'agency-city-a-police', name: '甲市公安局', kind: 'agency', parentId: 'city-a', agencyType: 'police' },
  { id: 'agency-city-b-insurance', name: '乙市医疗保障局', kind: 'agency', parentId: 'city-b', agencyType: 'medical_insurance' },
];

function user(id: string, name: string, role: UserInput['role'], unitId: string, n: number): UserInput {
  return { id, username: id, name, phone: `1380000${String(n).padStart(4, '0')}`, role, unitId, departmentId: null, status: 'active' };
}

export const DEMO_DIRECTORY_USERS: readonly UserInput[] = [
  user('admin', '系统管理员', 'admin', 'prov', 1),
  user('leader-prov', '王主任', 'leader', 'prov', 2),
  user('leader-city-a', '李局长', 'leader', 'city-a', 3),
  user('inspector-city-a', '张监督员', 'inspector', 'city-a', 4),
  user('inspector-a1', '赵监督员', 'inspector', 'county-a1', 5),
  user('inspector-b1', '钱监督员', 'inspector', 'county-b1', 6),
  user('hospital-a1-1', '甲市一院质控办', 'hospital', 'hosp-a1-1', 7),
  user('hospital-a1-2', '东城中医院医务科', 'hospital', 'hosp-a1-2', 8),
  user('hospital-b1-1', '南山县医院投诉办', 'hospital', 'hosp-b1-1', 9),
  user('partner-discipline', '纪检监察组联络员', 'partner', 'agency-prov-discipline', 10),
  user('partner-police-a', '甲市公安局联络员', 'partner', 'agency-city-a-police', 11),
  user('partner-insurance-b', '乙市医保局联络员', 'partner', 'agency-city-b-insurance', 12),
];

/** The demo directory as one import (what SeedDirectory writes when DIRECTORY_SEED=demo). */
export function demoDirectoryImport(): DirectoryImport {
  return {
    units: DEMO_DIRECTORY_UNITS.map((input, i) => ({ ref: { sheet: 'units', row: i + 2 }, input })),
    departments: [],
    users: DEMO_DIRECTORY_USERS.map((input, i) => ({ ref: { sheet: 'users', row: i + 2 }, input })),
  };
}
