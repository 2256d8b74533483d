import { command, hospital, inspector, seeded, spec } from '../testing/directory-decider.fixtures';
import { UnitInput } from './directory-inputs';

/** Partner agencies (协同部门, ADR 0022) in the directory decider. */
describe('the directory decider: partner agencies', () => {
  it('keeps partner agencies beside a commission: a type from the list, nothing below them, partners only in them', () => {
    const agency: UnitInput = {
      id: 'agency-a1-market',
      name: '东城区市场监管局',
      kind: 'agency',
      parentId: 'county-a1',
      agencyType: 'market_regulation',
    };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: agency }))
      .then([{ type: 'UnitCreated', data: { unit: agency } }]);
    const { agencyType: _t, ...untyped } = agency;
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: untyped }))
      .thenThrows('DIRECTORY.AGENCY_TYPE_REQUIRED');
    const county: UnitInput = { id: 'county-a3', name: '新区卫生健康局', kind: 'county', parentId: 'city-a', agencyType: 'police' };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: county }))
      .thenThrows('DIRECTORY.AGENCY_TYPE_NOT_ALLOWED');
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: { ...agency, parentId: 'hosp-a1-1' } }))
      .thenThrows('DIRECTORY.KIND_NESTING');
    const clinic = {
      ...hospital,
      id: 'hosp-under-agency',
      parentId: 'agency-city-a-police',
      profile: { ...hospital.profile!, creditCode: '12990000MB00000062' },
    };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: clinic }))
      .thenThrows('DIRECTORY.KIND_NESTING');
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, role: 'partner' } }))
      .thenThrows('DIRECTORY.ROLE_UNIT_MISMATCH');
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, unitId: 'agency-city-a-police' } }))
      .thenThrows('DIRECTORY.ROLE_UNIT_MISMATCH');
    spec
      .given(seeded)
      .when(command('UpdateUnit', { unitId: 'agency-city-a-police', name: '甲市公安局', agencyType: 'procuratorate' }))
      .then([{ type: 'UnitUpdated', data: { unitId: 'agency-city-a-police', name: '甲市公安局', agencyType: 'procuratorate' } }]);
    spec
      .given(seeded)
      .when(command('UpdateUnit', { unitId: 'agency-city-a-police', name: '甲市公安局' }))
      .thenNothing();
  });
});
