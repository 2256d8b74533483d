import { DomainError, DomainErrorKind } from '@bihuan/core';

/** One broken rule of one input: the field at fault, the stable rule code, a message people act on. */
export interface DirectoryProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  readonly kind: DomainErrorKind;
}

/** Build a problem with the `DIRECTORY.` prefix. */
export function problem(field: string, name: string, message: string, kind: DomainErrorKind = 'validation'): DirectoryProblem {
  return { field, rule: `DIRECTORY.${name}`, message, kind };
}

/** The first problem of a single command as the error the API answers (400/404/409/422 naming the field). */
export function problemError(p: DirectoryProblem): DomainError {
  return new DomainError(p.rule, p.message, p.kind, { field: p.field });
}

export function throwFirst(problems: readonly DirectoryProblem[]): void {
  if (problems.length > 0) throw problemError(problems[0]!);
}

/** 404 DIRECTORY.UNKNOWN_UNIT / UNKNOWN_USER naming the field and the id nobody may see here. */
export function notFound(what: 'UNIT' | 'USER', field: string, id: string): DomainError {
  return new DomainError(`DIRECTORY.UNKNOWN_${what}`, `${field} "${id}" does not exist`, 'not_found', { field, id });
}
