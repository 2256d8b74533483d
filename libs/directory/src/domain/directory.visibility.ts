import { Message, Reader, StreamVisibility, ViewedMessage } from '@bihuan/core';
import { DIRECTORY_CATEGORY } from './directory.model';

/** Where each person and department of the directory sits now: what an event about them is filed under. */
export interface DirectoryOwnership {
  readonly roots: readonly string[];
  readonly userUnits: ReadonlyMap<string, string>;
  readonly departmentUnits: ReadonlyMap<string, string>;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const field = (v: unknown, key: string): string | null => (v !== null && typeof v === 'object' ? str((v as Data)[key]) : null);

function evolve(state: DirectoryOwnership, event: Message): DirectoryOwnership {
  const d = event.data as Data;
  switch (event.type) {
    case 'UnitCreated':
      return field(d['unit'], 'parentId') === null && field(d['unit'], 'id') !== null
        ? { ...state, roots: [...state.roots, String(field(d['unit'], 'id'))] }
        : state;
    case 'DepartmentCreated': {
      const id = field(d['department'], 'id');
      const unit = field(d['department'], 'institutionId');
      return id && unit ? { ...state, departmentUnits: new Map(state.departmentUnits).set(id, unit) } : state;
    }
    case 'UserCreated':
    case 'UserUpdated': {
      const id = event.type === 'UserCreated' ? field(d['user'], 'id') : str(d['userId']);
      const unit = event.type === 'UserCreated' ? field(d['user'], 'unitId') : str(d['unitId']);
      return id && unit ? { ...state, userUnits: new Map(state.userUnits).set(id, unit) } : state;
    }
    default:
      return state;
  }
}

/** The units an event is about: a unit's own id, an institution, a person's unit (now and as written). */
function unitsOf(message: ViewedMessage, state: DirectoryOwnership): (string | null)[] {
  const d = message.data as Data;
  const user = str(d['userId']);
  switch (message.type) {
    case 'UnitCreated':
      return [field(d['unit'], 'id')];
    case 'UnitUpdated':
    case 'UnitMoved':
      return [str(d['unitId'])];
    case 'DepartmentCreated':
      return [field(d['department'], 'institutionId')];
    case 'DepartmentUpdated':
      return [state.departmentUnits.get(String(d['departmentId'])) ?? null];
    case 'UserCreated':
      return [field(d['user'], 'unitId')];
    case 'StaffRegistered':
      return [field(d['staff'], 'institutionId')];
    default:
      return [str(d['unitId']), user === null ? null : (state.userUnits.get(user) ?? null)];
  }
}

/** The root's readers (the province's admin and leaders) read the directory whole; others by their subtree. */
function readsWhole(reader: Reader, state: DirectoryOwnership): boolean {
  return state.roots.length > 0 && state.roots.every((root) => reader.covers(root));
}

/**
 * The directory stream (`directory-main`, issue 16): one stream for the whole tree, naming users
 * (with their phones) and units of every city. Admins and leaders read it through the audit routes,
 * each within their jurisdiction: the province's see every event; a city's admin or leader sees the
 * events about units, departments, people and staff of its own subtree (filed under the unit each
 * names now), and the import totals (counts only), nothing else — not the folded whole directory.
 * Everyone else: 403. Writes stay the directory routes' (DirectoryScope).
 */
export const directoryVisibility: StreamVisibility<DirectoryOwnership> = {
  category: DIRECTORY_CATEGORY,
  initialState: { roots: [], userUnits: new Map(), departmentUnits: new Map() },
  evolve,
  decide: (reader) =>
    reader.actor.role === 'admin' || reader.actor.role === 'leader'
      ? { kind: 'granted', institutionId: null }
      : { kind: 'forbidden', reason: `${reader.actor.role} ${reader.actor.id} may not read the directory's history` },
  viewMessage: (reader, message, state) => {
    if (readsWhole(reader, state) || message.type === 'DirectoryImported') return message;
    return unitsOf(message, state).some((unit) => unit !== null && reader.covers(unit)) ? message : null;
  },
  viewState: (reader, folded, current) =>
    readsWhole(reader, current) ? folded : { withheld: '目录全貌仅限省级管理员和领导查看；变更记录已按您的管辖范围筛选' },
};
