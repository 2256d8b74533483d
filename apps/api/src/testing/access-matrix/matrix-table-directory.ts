import { Row } from './matrix-row';

/** The access matrix's rows for the directory (issue 16): reads of the caller's subtree; writes for admins within theirs. */
export const DIRECTORY_ROWS: Readonly<Record<string, Row>> = {
  'GET /directory/units': { target: 'none' },
  'GET /directory/units/{unitId}': { target: 'dirUnit' },
  'POST /directory/units': {
    target: 'none',
    body: () => ({ id: 'county-new', name: '新区卫生健康局', kind: 'county', parentId: 'city-a' }),
  },
  'PUT /directory/units/{unitId}': { target: 'dirUnit', body: () => ({ name: '更名后的单位' }) },
  'POST /directory/units/{unitId}/move': { target: 'dirUnit', body: () => ({ parentId: 'prov' }) },
  'POST /directory/units/{unitId}/departments': { target: 'dirUnit', body: () => ({ id: 'dept-x', name: '内科' }) },
  'PUT /directory/departments/{departmentId}': { target: 'dirUnit', body: () => ({ name: '外科' }) },
  'GET /directory/users': { target: 'none' },
  'GET /directory/users/{userId}': { target: 'dirUser' },
  'POST /directory/users': {
    target: 'none',
    body: () => ({ id: 'new.user', name: '新用户', phone: '13800138000', role: 'inspector', unitId: 'county-a1' }),
  },
  'PUT /directory/users/{userId}': {
    target: 'dirUser',
    body: () => ({ name: '改名', phone: '13800138000', role: 'inspector', unitId: 'county-a1' }),
  },
  'POST /directory/users/{userId}/disable': { target: 'dirUser', body: () => ({}) },
  'POST /directory/users/{userId}/enable': { target: 'dirUser', body: () => ({}) },
  'PUT /directory/users/{userId}/conflicts': { target: 'dirUser', body: () => ({ conflicts: [] }) },
  'GET /directory/staff': { target: 'none' },
  'POST /directory/staff': { target: 'none', body: () => ({ id: 'staff-x', name: '医生', institutionId: 'hosp-a1-1' }) },
  'POST /directory/import': {
    target: 'none',
    upload: () => ({
      file: Buffer.from('科室编码,所属机构编码,科室名称\r\nd-1,hosp-a1-1,内科\r\n'),
      name: 'departments.csv',
      fields: { sheet: 'departments' },
    }),
  },
  'GET /directory/export': { target: 'none', format: 'xlsx', also: { query: '?format=csv', format: 'csv' } },
  'GET /directory/import-template': { target: 'none', format: 'xlsx' },
};
