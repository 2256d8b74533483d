import { assertNever } from '@bihuan/core';
import { DirectoryEvent } from './directory.events';
import { DirectoryPerson, DirectoryState } from './directory.model';

function put<V>(map: ReadonlyMap<string, V>, id: string, value: V): ReadonlyMap<string, V> {
  return new Map(map).set(id, value);
}

function person(state: DirectoryState, id: string, change: (p: DirectoryPerson) => DirectoryPerson): DirectoryState {
  const current = state.users.get(id);
  return current ? { ...state, users: put(state.users, id, change(current)) } : state;
}

/** The directory after one event (pure; a copy per change, the directory being small). */
export function evolveDirectory(state: DirectoryState, event: DirectoryEvent): DirectoryState {
  switch (event.type) {
    case 'UnitCreated':
      return { ...state, status: 'held', units: put(state.units, event.data.unit.id, event.data.unit) };
    case 'UnitUpdated': {
      const unit = state.units.get(event.data.unitId);
      if (!unit) return state;
      const { profile: _old, ...rest } = unit;
      const next = {
        ...rest,
        name: event.data.name,
        ...(event.data.profile ? { profile: event.data.profile } : {}),
        // Absent on UnitUpdated from before agencies, and when the type was not changed: kept.
        ...(event.data.agencyType ? { agencyType: event.data.agencyType } : {}),
      };
      return { ...state, units: put(state.units, unit.id, next) };
    }
    case 'UnitMoved': {
      const unit = state.units.get(event.data.unitId);
      return unit ? { ...state, units: put(state.units, unit.id, { ...unit, parentId: event.data.toParentId }) } : state;
    }
    case 'DepartmentCreated':
      return { ...state, departments: put(state.departments, event.data.department.id, event.data.department) };
    case 'DepartmentUpdated': {
      const department = state.departments.get(event.data.departmentId);
      return department
        ? { ...state, departments: put(state.departments, department.id, { ...department, name: event.data.name }) }
        : state;
    }
    case 'UserCreated':
      return { ...state, users: put(state.users, event.data.user.id, { ...event.data.user, conflicts: [] }) };
    case 'UserUpdated': {
      const { userId, ...changes } = event.data;
      return person(state, userId, (p) => ({ ...p, ...changes }));
    }
    case 'UserDisabled':
      return person(state, event.data.userId, (p) => ({ ...p, status: 'disabled' }));
    case 'UserEnabled':
      return person(state, event.data.userId, (p) => ({ ...p, status: 'active' }));
    case 'InspectorConflictsSet':
      return person(state, event.data.userId, (p) => ({ ...p, conflicts: event.data.conflicts }));
    case 'StaffRegistered':
      return { ...state, staff: put(state.staff, event.data.staff.id, event.data.staff) };
    case 'DirectoryImported':
      return state;
    default:
      return assertNever(event, 'directory event');
  }
}
