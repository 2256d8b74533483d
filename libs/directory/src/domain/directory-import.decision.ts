import { DomainError } from '@bihuan/core';
import { DirectoryImport, ImportItem, RowRejection } from './directory-inputs';
import { Decision, upsertDepartment, upsertUnit, upsertUser } from './directory-decisions';
import { DirectoryEvent } from './directory.events';
import { evolveDirectory } from './directory.evolve';
import { DirectoryRules, DirectoryState } from './directory.model';
import { UNIT_LEVELS } from './directory-attributes';

/** The events of a whole import, or every rejected row. */
export interface ImportDecision {
  readonly events: readonly DirectoryEvent[];
  readonly rejections: readonly RowRejection[];
}

/**
 * Applies the rows one by one to a working copy of the directory, so a row may name a parent,
 * institution or department made by an earlier row (units go province first: a parent always
 * has a higher level, so it is made before its children whatever the file's order).
 */
export function decideImport(state: DirectoryState, rules: DirectoryRules, file: DirectoryImport): ImportDecision {
  let working = state;
  const events: DirectoryEvent[] = [];
  const rejections: RowRejection[] = [];
  const apply = <T>(item: ImportItem<T>, decide: (s: DirectoryState, input: T) => Decision): void => {
    const decision = decide(working, item.input);
    for (const p of decision.problems) rejections.push({ ...item.ref, field: p.field, rule: p.rule, message: p.message });
    if (decision.problems.length > 0) return;
    events.push(...decision.events);
    working = decision.events.reduce(evolveDirectory, working);
  };
  const units = [...file.units].sort((a, b) => (UNIT_LEVELS[a.input.kind] ?? 9) - (UNIT_LEVELS[b.input.kind] ?? 9));
  units.forEach((item) => apply(item, upsertUnit));
  file.departments.forEach((item) => apply(item, upsertDepartment));
  file.users.forEach((item) => apply(item, (s, input) => upsertUser(s, rules, input)));
  const order = { units: 0, departments: 1, users: 2 } as const;
  rejections.sort((a, b) => order[a.sheet] - order[b.sheet] || a.row - b.row);
  return { events, rejections };
}

/** 422 DIRECTORY.IMPORT_REJECTED carrying every rejected row (sheet, row, field, rule, message). */
export function importRejected(rejections: readonly RowRejection[]): DomainError {
  return new DomainError(
    'DIRECTORY.IMPORT_REJECTED',
    `Import not run: ${rejections.length} problem(s); fix them and import again (nothing was written)`,
    'rule',
    { count: rejections.length, rejections },
  );
}
