import { Actor, Role } from './actor';
import { DomainError, DomainErrorKind } from './domain-error';

/** The input rules every context checks commands with, by the name most contexts give their code. */
export type InputRule = 'FIELD_REQUIRED' | 'TEXT_TOO_LONG' | 'DATE_INVALID' | 'ROLE_FORBIDDEN';

const KIND_OF_RULE: Readonly<Record<InputRule, DomainErrorKind>> = {
  FIELD_REQUIRED: 'validation',
  TEXT_TOO_LONG: 'validation',
  DATE_INVALID: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
};

export interface InputRuleOptions {
  /** The context's code prefix: `INSPECTION` makes `INSPECTION.FIELD_REQUIRED`. */
  readonly prefix: string;
  /** Where a context's stable code differs from the rule's name (complaints: `FORBIDDEN_ROLE`). */
  readonly codes?: Partial<Readonly<Record<InputRule, string>>>;
  /** The length limit of a text when a call names none; without one, texts are not limited. */
  readonly maxLength?: number;
}

/** The checks, bound to one context's codes. Every refusal names the field (or role) at fault. */
export interface InputRules {
  /** Refuses an actor whose role is not among `roles`. */
  requireRole(actor: Actor, roles: readonly Role[], action: string): void;
  /** Non-blank text, trimmed; refused when missing or longer than the limit. */
  requireText(value: unknown, field: string, maxLength?: number): string;
  /** Absent, null or blank → null; otherwise checked like requireText. */
  optionalText(value: unknown, field: string, maxLength?: number): string | null;
  /** A list of non-blank strings, trimmed; absent means empty; `minimum` items required. */
  requireTextList(value: unknown, field: string, minimum?: number): string[];
  /** An ISO-8601 date or instant, e.g. `2025-03-03` or `2025-03-03T01:00:00.000Z`. */
  requireIsoDate(value: unknown, field: string): string;
}

/**
 * One set of input checks for every context (issue 13): the context gives its code prefix, so
 * each keeps its stable codes (`COMPLAINT.FIELD_REQUIRED`, `INSPECTION.ROLE_FORBIDDEN`, …).
 */
export function inputRules(options: InputRuleOptions): InputRules {
  const refuse = (rule: InputRule, message: string, details: { readonly field?: string; readonly [key: string]: unknown }): DomainError =>
    new DomainError(`${options.prefix}.${options.codes?.[rule] ?? rule}`, message, KIND_OF_RULE[rule], details);

  const requireText = (value: unknown, field: string, maxLength = options.maxLength): string => {
    if (typeof value !== 'string' || value.trim().length === 0) throw refuse('FIELD_REQUIRED', `${field} is required`, { field });
    const text = value.trim();
    if (maxLength !== undefined && text.length > maxLength) {
      throw refuse('TEXT_TOO_LONG', `${field} is longer than ${maxLength} characters`, { field, maxLength });
    }
    return text;
  };

  return {
    requireRole(actor, roles, action) {
      if (!roles.includes(actor.role)) {
        const message = `${action} may be done only by role ${roles.join(' or ')}, not ${actor.role}`;
        throw refuse('ROLE_FORBIDDEN', message, { role: actor.role, allowed: roles });
      }
    },
    requireText,
    optionalText(value, field, maxLength) {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0)) return null;
      return requireText(value, field, maxLength);
    },
    requireTextList(value, field, minimum = 0) {
      const list: unknown = value === undefined || value === null ? [] : value;
      if (!Array.isArray(list) || !list.every(isNonBlankText)) {
        throw refuse('FIELD_REQUIRED', `${field} must be a list of non-empty strings`, { field });
      }
      if (list.length < minimum) throw refuse('FIELD_REQUIRED', `${field} needs at least ${minimum} item(s)`, { field });
      return list.map((item) => item.trim());
    },
    requireIsoDate(value, field) {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
        throw refuse('DATE_INVALID', `${field} must be an ISO-8601 date`, { field });
      }
      return value;
    },
  };
}

function isNonBlankText(item: unknown): item is string {
  return typeof item === 'string' && item.trim().length > 0;
}
