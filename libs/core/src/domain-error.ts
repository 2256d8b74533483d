/**
 * Why a rule refused something. The API maps the kind to an HTTP status:
 * validation 400, unauthorized 401, forbidden 403, not_found 404, conflict 409, rule 422.
 */
export type DomainErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

/**
 * A rule violation with a stable code (`COMPLAINT.ALREADY_CLOSED`) that clients may branch on.
 * `field` names the input at fault where there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details: { readonly field?: string; readonly [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError(code, message, 'not_found');
  }

  static forbidden(code: string, message: string): DomainError {
    return new DomainError(code, message, 'forbidden');
  }

  static invalid(code: string, field: string, message: string): DomainError {
    return new DomainError(code, message, 'validation', { field });
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The builder of one context's errors: `${prefix}.${name}` with the kind its catalogue gives the
 * name, so a context lists its codes once and never spells a kind at the throw site.
 */
export function domainErrorsOf<Name extends string>(
  prefix: string,
  catalogue: Readonly<Record<Name, DomainErrorKind>>,
): (name: Name, message: string, details?: DomainError['details']) => DomainError {
  return (name, message, details = {}) => new DomainError(`${prefix}.${name}`, message, catalogue[name], details);
}
