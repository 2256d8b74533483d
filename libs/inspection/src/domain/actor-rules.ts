import { Actor, inputRules } from '@bihuan/core';
import { inspectionError } from './inspection-errors';

/**
 * Who may do what is a domain rule as well as an API concern: the API's scope guards check the
 * jurisdiction, these checks make sure that even a mis-wired handler cannot let a hospital sign
 * off its own finding or act for another institution. The input checks are core's, with our codes.
 */
export const { requireRole, requireText, optionalText, requireTextList, requireIsoDate } = inputRules({ prefix: 'INSPECTION' });

/** A hospital user acting for the institution the case belongs to (actor.unit is its institution). */
export function requireHospitalOf(actor: Actor, institutionId: string, action: string): void {
  requireRole(actor, ['hospital'], action);
  if (actor.unit !== institutionId) {
    throw inspectionError('INSTITUTION_FORBIDDEN', `${action}: unit ${actor.unit} does not act for institution ${institutionId}`);
  }
}
