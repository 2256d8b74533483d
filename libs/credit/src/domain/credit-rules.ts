import { Actor, inputRules } from '@bihuan/core';
import { creditError } from './credit-errors';

/** Role and input rules enforced by the deciders themselves (the API's scope guards check jurisdiction). */
export const { requireRole, requireText, optionalText, requireTextList, requireIsoDate } = inputRules({ prefix: 'CREDIT' });

/** A hospital user acts only for its own institution (actor.unit === institutionId). */
export function requireOwnInstitution(actor: Actor, institutionId: string, action: string): void {
  if (actor.role === 'hospital' && actor.unit !== institutionId) {
    throw creditError('INSTITUTION_FORBIDDEN', `${action}: unit ${actor.unit} does not act for institution ${institutionId}`);
  }
}
