import { privacyError } from './privacy-errors';

/**
 * A complainant's (or patient's) name and contacts: the only personal data Bihuan encrypts.
 * Every field is optional, but an identity carries at least one.
 */
export interface PersonalIdentity {
  readonly name?: string;
  readonly phone?: string;
  /** Resident ID card or passport number. */
  readonly idNumber?: string;
  readonly address?: string;
  readonly email?: string;
}

export const PERSONAL_IDENTITY_FIELDS = ['name', 'phone', 'idNumber', 'address', 'email'] as const;
export type PersonalIdentityField = (typeof PERSONAL_IDENTITY_FIELDS)[number];

/** Longest accepted value per field (characters); addresses are long in Chinese too. */
export const MAX_IDENTITY_FIELD_LENGTH = 500;

/**
 * Validates untrusted input and returns a clean copy with only the known, trimmed, non-empty
 * fields, in a fixed order (so the same identity always encrypts the same plaintext bytes).
 * Unknown fields are refused rather than dropped: silently losing data a caller meant to protect
 * is worse than a 400.
 */
export function normalizeIdentity(input: unknown): PersonalIdentity {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw privacyError('INVALID_IDENTITY', 'A personal identity must be an object', { field: 'identity' });
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(PERSONAL_IDENTITY_FIELDS as readonly string[]).includes(key)) {
      throw privacyError('INVALID_IDENTITY', `Unknown identity field "${key}"`, { field: `identity.${key}` });
    }
  }
  const out: Partial<Record<PersonalIdentityField, string>> = {};
  for (const field of PERSONAL_IDENTITY_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw privacyError('INVALID_IDENTITY', `identity.${field} must be a string`, { field: `identity.${field}` });
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) continue;
    if (trimmed.length > MAX_IDENTITY_FIELD_LENGTH) {
      throw privacyError('INVALID_IDENTITY', `identity.${field} is longer than ${MAX_IDENTITY_FIELD_LENGTH} characters`, {
        field: `identity.${field}`,
      });
    }
    out[field] = trimmed;
  }
  if (Object.keys(out).length === 0) {
    throw privacyError('INVALID_IDENTITY', 'A personal identity needs at least one non-empty field', { field: 'identity' });
  }
  return out;
}
