import { Actor } from '@bihuan/core';
import { AccessPolicy } from '@bihuan/auth';

/** Roles that may read case histories at all; each stream's declaration decides the rest. */
export const CASE_READER_ROLES: readonly Actor['role'][] = ['leader', 'admin', 'inspector', 'hospital'];

/** The ledger of an institution: 400 for an unknown institution, 403 out of scope. */
export function assertCanReadInstitution(policy: AccessPolicy, actor: Actor, institutionId: string): void {
  policy.assertRole(actor, CASE_READER_ROLES, 'Reading ledgers');
  policy.jurisdiction.requireInstitution(institutionId, 'institutionId');
  policy.assertInScope(actor, institutionId, 'the ledger');
}
