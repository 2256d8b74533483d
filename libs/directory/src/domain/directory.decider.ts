import { assertNever, Decider } from '@bihuan/core';
import { DirectoryCommand } from './directory.commands';
import { throwFirst } from './directory-errors';
import {
  createDepartment,
  createUnit,
  createUser,
  Decision,
  moveUnit,
  setUserStatus,
  updateDepartment,
  updateUnit,
  updateUser,
} from './directory-decisions';
import { DirectoryEvent } from './directory.events';
import { evolveDirectory } from './directory.evolve';
import { decideImport, importRejected } from './directory-import.decision';
import { conflictProblems } from './directory-checks';
import { DirectoryRules, DirectoryState, EMPTY_DIRECTORY } from './directory.model';
import { problem } from './directory-errors';

function events(decision: Decision): readonly DirectoryEvent[] {
  throwFirst(decision.problems);
  return decision.events;
}

function decide(rules: DirectoryRules, command: DirectoryCommand, state: DirectoryState): readonly DirectoryEvent[] {
  switch (command.type) {
    case 'CreateUnit':
      return events(createUnit(state, command.data.unit));
    case 'UpdateUnit': {
      const { unitId, ...changes } = command.data;
      return events(updateUnit(state, unitId, changes));
    }
    case 'MoveUnit':
      return events(moveUnit(state, command.data.unitId, command.data.parentId));
    case 'CreateDepartment':
      return events(createDepartment(state, command.data.department));
    case 'UpdateDepartment':
      return events(updateDepartment(state, command.data.departmentId, command.data.name));
    case 'CreateUser':
      return events(createUser(state, rules, command.data.user));
    case 'UpdateUser': {
      const { userId, ...changes } = command.data;
      return events(updateUser(state, rules, userId, changes));
    }
    case 'DisableUser':
    case 'EnableUser':
      return events(setUserStatus(state, command.data.userId, command.type === 'EnableUser'));
    case 'SetInspectorConflicts': {
      const { userId, conflicts } = command.data;
      if (!state.users.has(userId))
        return events({ events: [], problems: [problem('userId', 'UNKNOWN_USER', `userId「${userId}」不存在`, 'not_found')] });
      throwFirst(conflictProblems(state, userId, conflicts));
      return [{ type: 'InspectorConflictsSet', data: { userId, conflicts } }];
    }
    case 'RegisterStaff': {
      const { staff } = command.data;
      const institution = state.units.get(staff.institutionId);
      if (!institution || institution.kind !== 'institution') {
        throwFirst([
          problem('institutionId', 'UNKNOWN_INSTITUTION', `所属机构编码（institutionId）「${staff.institutionId}」不是已有的医疗机构`),
        ]);
      }
      const current = state.staff.get(staff.id);
      if (current && JSON.stringify(current) === JSON.stringify(staff)) return [];
      return [{ type: 'StaffRegistered', data: { staff } }];
    }
    case 'ImportDirectory': {
      const decision = decideImport(state, rules, command.data.import);
      if (decision.rejections.length > 0) throw importRejected(decision.rejections);
      const { units, departments, users } = command.data.import;
      return [
        ...decision.events,
        {
          type: 'DirectoryImported',
          data: { source: 'import', units: units.length, departments: departments.length, users: users.length },
        },
      ];
    }
    case 'SeedDirectory': {
      // Another process seeded first (the append conflicted, the retry sees its units): nothing to do.
      if (state.status !== 'empty') return [];
      const decision = decideImport(state, rules, command.data.import);
      if (decision.rejections.length > 0) throw importRejected(decision.rejections);
      const { units, departments, users } = command.data.import;
      const source = command.data.seed === 'demo' ? 'seed-demo' : 'seed-none';
      return [
        ...decision.events,
        { type: 'DirectoryImported', data: { source, units: units.length, departments: departments.length, users: users.length } },
      ];
    }
    default:
      return assertNever(command, 'directory command');
  }
}

/** The directory's one aggregate (`directory-main`), given the rules it applies but does not own. */
export function directoryDecider(rules: DirectoryRules): Decider<DirectoryCommand, DirectoryEvent, DirectoryState> {
  return {
    initialState: EMPTY_DIRECTORY,
    evolve: evolveDirectory,
    decide: (command, state) => decide(rules, command, state),
  };
}
