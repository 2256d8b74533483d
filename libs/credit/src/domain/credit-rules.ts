import { Actor, Role } from '@bihuan/core';
import { creditError } from './credit-errors';

/** Role rules enforced by the deciders themselves (the API's scope guards check jurisdiction). */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) throw creditError('ROLE_FORBIDDEN', `${action} may be done only by role ${roles.join(' or ')}, not ${actor.role}`);
}

/** A hospital user acts only for its own institution (actor.unit === institutionId). */
export function requireOwnInstitution(actor: Actor, institutionId: string, action: string): void {
  if (actor.role === 'hospital' && actor.unit !== institutionId) {
    throw creditError('INSTITUTION_FORBIDDEN', `${action}: unit ${actor.unit} does not act for institution ${institutionId}`);
  }
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw creditError('FIELD_REQUIRED', `${field} is required`, { field });
  return value.trim();
}

export function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

export function textList(value: unknown, field: string): string[] {
  const list = value === undefined || value === null ? [] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim().length === 0)) {
    throw creditError('FIELD_REQUIRED', `${field} must be a list of non-empty strings`, { field });
  }
  return (list as string[]).map((item) => item.trim());
}

export function requireIsoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw creditError('DATE_INVALID', `${field} must be an ISO-8601 date`, { field });
  }
  return value;
}
