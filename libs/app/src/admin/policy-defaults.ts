import { DomainError } from '@bihuan/core';
import { DEFAULT_REPORTING_POLICY, REPORTING_POLICY_CONTEXT } from '@bihuan/campaigns';
import { DEFAULT_COMPLAINT_CONSEQUENCES_POLICY, DEFAULT_COMPLAINT_POLICY } from '@bihuan/complaints';
import { DEFAULT_CREDIT_POLICY } from '@bihuan/credit';
import { DEFAULT_DOCUMENTS_POLICY } from '@bihuan/documents';
import { DEFAULT_ETHICS_POLICY } from '@bihuan/ethics';
import { DEFAULT_INSPECTION_POLICY } from '@bihuan/inspection';
import { DEFAULT_IDENTITY_POLICY } from '@bihuan/identity';
import { checkUploadPolicy, DEFAULT_UPLOAD_POLICY, PolicyCheck, UPLOADS_POLICY_CONTEXT } from '@bihuan/platform';
import { DEFAULT_NOTIFICATIONS_POLICY } from '@bihuan/notifications';
import { DEFAULT_REFERRAL_POLICY, REFERRALS_POLICY_CONTEXT } from '@bihuan/referrals';

/** A policy's defaults: any object with the version that events record. */
export type PolicyDefaults = { readonly policyVersion: string } & object;

/**
 * Which policy contexts admins may change, and the code defaults each one starts from. The names
 * are the ones the command handlers pass to `PolicyRegistry.current(<context>, DEFAULT_…_POLICY)`.
 */
export const POLICY_DEFAULTS: Readonly<Record<string, PolicyDefaults>> = Object.freeze({
  inspection: DEFAULT_INSPECTION_POLICY,
  complaints: DEFAULT_COMPLAINT_POLICY,
  complaintConsequences: DEFAULT_COMPLAINT_CONSEQUENCES_POLICY,
  ethics: DEFAULT_ETHICS_POLICY,
  credit: DEFAULT_CREDIT_POLICY,
  [REPORTING_POLICY_CONTEXT]: DEFAULT_REPORTING_POLICY,
  documents: DEFAULT_DOCUMENTS_POLICY,
  identity: DEFAULT_IDENTITY_POLICY,
  [UPLOADS_POLICY_CONTEXT]: DEFAULT_UPLOAD_POLICY,
  notifications: DEFAULT_NOTIFICATIONS_POLICY,
  [REFERRALS_POLICY_CONTEXT]: DEFAULT_REFERRAL_POLICY,
});

/** A context's own rule on its settings beyond the generic check (known kinds, sane limits …). */
export const POLICY_CHECKS: Readonly<Record<string, PolicyCheck>> = Object.freeze({
  [UPLOADS_POLICY_CONTEXT]: checkUploadPolicy,
});

export function policyCheck(context: string): PolicyCheck | undefined {
  return Object.prototype.hasOwnProperty.call(POLICY_CHECKS, context) ? POLICY_CHECKS[context] : undefined;
}

/** The defaults of a context, or 404 ADMIN.UNKNOWN_POLICY naming the known ones. */
export function policyDefaults(context: string): PolicyDefaults {
  const defaults = Object.prototype.hasOwnProperty.call(POLICY_DEFAULTS, context) ? POLICY_DEFAULTS[context] : undefined;
  if (!defaults) {
    throw DomainError.notFound('ADMIN.UNKNOWN_POLICY', `No policy "${context}" (known: ${Object.keys(POLICY_DEFAULTS).join(', ')})`);
  }
  return defaults;
}
