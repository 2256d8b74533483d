import { Actor } from './actor';
import { DomainError } from './domain-error';
import { inputRules } from './input-rules';

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
};

describe('inputRules', () => {
  const rules = inputRules({ prefix: 'CASE' });
  const limited = inputRules({ prefix: 'TICKET', codes: { ROLE_FORBIDDEN: 'FORBIDDEN_ROLE' }, maxLength: 5 });
  const hospital: Actor = { id: 'h', role: 'hospital', unit: 'H1' };

  it('refuses missing text with the context code, naming the field, and trims what it accepts', () => {
    expect(rules.requireText('  note ', 'note')).toBe('note');
    const error = refusal(() => rules.requireText('  ', 'note'));
    expect([error.code, error.kind, error.details.field]).toEqual(['CASE.FIELD_REQUIRED', 'validation', 'note']);
  });

  it('limits text to the context default unless the call names a limit', () => {
    expect(refusal(() => limited.requireText('abcdef', 'note')).details).toEqual({ field: 'note', maxLength: 5 });
    expect(limited.requireText('abcdef', 'note', 10)).toBe('abcdef');
    expect(rules.requireText('x'.repeat(10_000), 'note')).toHaveLength(10_000);
  });

  it('reads absent or blank optional text as null and refuses text of another type', () => {
    expect([rules.optionalText(undefined, 'c'), rules.optionalText(null, 'c'), rules.optionalText(' ', 'c')]).toEqual([null, null, null]);
    expect(refusal(() => rules.optionalText(42, 'c')).code).toBe('CASE.FIELD_REQUIRED');
  });

  it('refuses a role under the context own code, as forbidden', () => {
    expect(() => limited.requireRole(hospital, ['hospital'], 'answer')).not.toThrow();
    const error = refusal(() => limited.requireRole(hospital, ['inspector', 'leader'], 'answer'));
    expect([error.code, error.kind, error.details]).toEqual([
      'TICKET.FORBIDDEN_ROLE',
      'forbidden',
      { role: 'hospital', allowed: ['inspector', 'leader'] },
    ]);
  });

  it('checks lists and dates', () => {
    expect(rules.requireTextList(undefined, 'ids')).toEqual([]);
    expect(rules.requireTextList([' a '], 'ids', 1)).toEqual(['a']);
    expect(refusal(() => rules.requireTextList([], 'ids', 1)).code).toBe('CASE.FIELD_REQUIRED');
    expect(refusal(() => rules.requireTextList(['a', ''], 'ids')).details.field).toBe('ids');
    expect(rules.requireIsoDate('2025-03-03', 'on')).toBe('2025-03-03');
    expect(refusal(() => rules.requireIsoDate('3 March', 'on')).code).toBe('CASE.DATE_INVALID');
  });
});
