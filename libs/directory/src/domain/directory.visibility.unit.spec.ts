import { Actor, foldVisibility, Message, Reader } from '@bihuan/core';
import { directoryVisibility } from './directory.visibility';

// A tree of prov > city-a > hosp-a, prov > city-b > hosp-b: a reader covers its unit and what lies below.
const PARENT: Record<string, string | null> = { prov: null, 'city-a': 'prov', 'hosp-a': 'city-a', 'city-b': 'prov', 'hosp-b': 'city-b' };
const reader = (role: Actor['role'], unit: string): Reader => ({
  actor: { id: `${role}@${unit}`, role, unit },
  covers: (id) => {
    for (let u: string | null | undefined = id; u; u = PARENT[u]) if (u === unit) return true;
    return false;
  },
});
const ev = (type: string, data: object): Message => ({ type, data }) as Message;
const unit = (id: string, parentId: string | null) => ev('UnitCreated', { unit: { id, name: id, kind: 'city', parentId } });

const EVENTS = [
  unit('prov', null),
  unit('city-a', 'prov'),
  unit('city-b', 'prov'),
  ev('UserCreated', { user: { id: 'u-a', unitId: 'hosp-a', phone: '13900000001' } }),
  ev('UserCreated', { user: { id: 'u-b', unitId: 'hosp-b', phone: '13900000002' } }),
  ev('UserDisabled', { userId: 'u-b' }),
  ev('DepartmentCreated', { department: { id: 'd-b', institutionId: 'hosp-b', name: '外科' } }),
  ev('DepartmentUpdated', { departmentId: 'd-b', name: '普外科' }),
  ev('DirectoryImported', { source: 'import', units: 3, departments: 1, users: 2 }),
];
const state = foldVisibility(directoryVisibility, EVENTS);
const seen = (r: Reader) => EVENTS.filter((e) => directoryVisibility.viewMessage!(r, e, state) !== null);

describe('directory stream visibility (issue 16)', () => {
  it('opens the stream to admins and leaders only', () => {
    expect(directoryVisibility.decide(reader('admin', 'city-a'), state).kind).toBe('granted');
    expect(directoryVisibility.decide(reader('leader', 'city-b'), state).kind).toBe('granted');
    expect(directoryVisibility.decide(reader('inspector', 'prov'), state).kind).toBe('forbidden');
    expect(directoryVisibility.decide(reader('hospital', 'hosp-a'), state).kind).toBe('forbidden');
  });

  it("shows the province's readers every event and the folded directory", () => {
    expect(seen(reader('admin', 'prov'))).toHaveLength(EVENTS.length);
    expect(directoryVisibility.viewState!(reader('leader', 'prov'), { whole: true }, state)).toEqual({ whole: true });
  });

  it("shows a city's admin the events of its subtree and the import totals, not another city's people", () => {
    const text = JSON.stringify(seen(reader('admin', 'city-a')));
    expect(text).toContain('u-a');
    expect(text).toContain('DirectoryImported');
    expect(text).not.toContain('u-b');
    expect(text).not.toContain('d-b');
    expect(text).not.toContain('"city-b"');
    expect(directoryVisibility.viewState!(reader('admin', 'city-a'), { whole: true }, state)).not.toEqual({ whole: true });
  });
});
