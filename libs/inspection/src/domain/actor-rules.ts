import { Actor, Role } from '@bihuan/core';
import { inspectionError } from './inspection-errors';

/**
 * Who may do what is a domain rule as well as an API concern: the API's scope guards check the
 * jurisdiction, these checks make sure that even a mis-wired handler cannot let a hospital sign
 * off its own finding or act for another institution.
 */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) {
    throw inspectionError('ROLE_FORBIDDEN', `${action} may be done only by role ${roles.join(' or ')}, not ${actor.role}`);
  }
}

/** A hospital user acting for the institution the case belongs to (actor.unit is its institution). */
export function requireHospitalOf(actor: Actor, institutionId: string, action: string): void {
  requireRole(actor, ['hospital'], action);
  if (actor.unit !== institutionId) {
    throw inspectionError('INSTITUTION_FORBIDDEN', `${action}: unit ${actor.unit} does not act for institution ${institutionId}`);
  }
}

/** Non-empty trimmed text, or a validation error naming the field. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw inspectionError('FIELD_REQUIRED', `${field} is required`, field);
  }
  return value.trim();
}

/** Optional text: undefined/null/blank become null. */
export function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/** A list of non-empty strings (evidence references, ids); `minimum` items required. */
export function requireTextList(value: unknown, field: string, minimum = 0): string[] {
  const list = value === undefined || value === null ? [] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim().length === 0)) {
    throw inspectionError('FIELD_REQUIRED', `${field} must be a list of non-empty strings`, field);
  }
  if (list.length < minimum) {
    const name = field.startsWith('evidence') ? 'EVIDENCE_REQUIRED' : 'FIELD_REQUIRED';
    throw inspectionError(name, `${field} needs at least ${minimum} item(s)`, field);
  }
  return (list as string[]).map((item) => item.trim());
}

/** An ISO-8601 date or instant, e.g. `2025-03-03` or `2025-03-03T01:00:00.000Z`. */
export function requireIsoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw inspectionError('DATE_INVALID', `${field} must be an ISO-8601 date`, field);
  }
  return value;
}
