import { POLICY_DEFAULTS } from './policy-defaults';
import { POLICY_CONTEXT_LABELS, POLICY_SETTING_LABELS } from './policy-labels';

/** Every object and setting under a context, as `<context>.<path>` (arrays are one setting). */
function pathsOf(prefix: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}.${key}`, ...pathsOf(`${prefix}.${key}`, inner)]);
}

const paths = Object.entries(POLICY_DEFAULTS).flatMap(([context, defaults]) => pathsOf(context, defaults));

describe('the words of the policy settings', () => {
  it('name every context that can be changed, and no other', () => {
    expect(Object.keys(POLICY_CONTEXT_LABELS).sort()).toEqual(Object.keys(POLICY_DEFAULTS).sort());
  });

  it('label every setting and every group of settings, so a new setting cannot reach the console unnamed', () => {
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => POLICY_SETTING_LABELS[path] === undefined)).toEqual([]);
  });

  it('label nothing that is not a setting (a renamed one leaves no stale word)', () => {
    const known = new Set(paths);
    expect(Object.keys(POLICY_SETTING_LABELS).filter((key) => !known.has(key))).toEqual([]);
  });
});
