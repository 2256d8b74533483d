import { Actor, inputRules } from '@bihuan/core';
import { ethicsError } from './ethics-errors';

/**
 * Role rules the deciders enforce themselves, so that even a mis-wired handler cannot let a
 * hospital user touch another institution's staff (the API's scope guards check jurisdiction).
 */
export const { requireRole, requireText, optionalText, requireTextList, requireIsoDate } = inputRules({ prefix: 'ETHICS' });

/** Hospital users act only for staff of their own institution (actor.unit === institutionId). */
export function requireOwnInstitution(actor: Actor, institutionId: string, action: string): void {
  if (actor.role === 'hospital' && actor.unit !== institutionId) {
    throw ethicsError('INSTITUTION_FORBIDDEN', `${action}: unit ${actor.unit} does not act for institution ${institutionId}`);
  }
}

export function requireNumber(
  value: unknown,
  field: string,
  min: number,
  max: number,
  code: 'POINTS_OUT_OF_RANGE' | 'SCORE_OUT_OF_RANGE',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw ethicsError(code, `${field} must be a number from ${min} to ${max}`, { field });
  }
  return value;
}
