import { DomainError } from '@bihuan/core';

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Overrides may only name settings the defaults have, with values of the same JSON shape
 * (recursively for nested objects), and numbers must be finite and not negative.
 */
export function validatePolicyOverrides(defaults: object, overrides: Record<string, unknown>, path = ''): void {
  const base = defaults as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const field = path ? `${path}.${key}` : key;
    if (key === 'policyVersion') throw DomainError.invalid('POLICY.READ_ONLY', field, 'policyVersion is set by the system');
    if (!(key in base)) throw DomainError.invalid('POLICY.UNKNOWN_SETTING', field, `${field} is not a setting of this policy`);
    const expected = kind(base[key]);
    if (kind(value) !== expected) {
      throw DomainError.invalid('POLICY.WRONG_TYPE', field, `${field} must be ${expected === 'object' ? 'an object' : `a ${expected}`}`);
    }
    if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) {
      throw DomainError.invalid('POLICY.OUT_OF_RANGE', field, `${field} must be a finite number ≥ 0`);
    }
    if (expected === 'object') validatePolicyOverrides(base[key] as object, value as Record<string, unknown>, field);
  }
}

/** Applies validated overrides onto the defaults; nested objects merge key by key, arrays replace. */
export function applyPolicyOverrides<T extends object>(defaults: T, overrides: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] =
      kind(current) === 'object' && kind(value) === 'object'
        ? applyPolicyOverrides(current as object, value as Record<string, unknown>)
        : value;
  }
  return out as T;
}
