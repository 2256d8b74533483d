/**
 * Why a rule refused something. The API maps the kind to an HTTP status:
 * validation 400, unauthorized 401, forbidden 403, not_found 404, conflict 409, rule 422.
 */
export type DomainErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

/** What else an error says: `field` names the input at fault where there is one. */
export type DomainErrorDetails = { readonly field?: string; readonly [key: string]: unknown };

/**
 * A rule violation with a stable code (`COMPLAINT.ALREADY_CLOSED`) that clients may branch on.
 * `field` names the input at fault where there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details: DomainErrorDetails = {},
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
 * A context's error builder over its table of names and kinds: `build('ALREADY_CLOSED', message)`
 * makes `<PREFIX>.ALREADY_CLOSED` with the kind the table gives it, so a code cannot be thrown with another kind.
 */
export function domainErrorBuilder<N extends string>(
  prefix: string,
  kinds: Readonly<Record<N, DomainErrorKind>>,
): (name: N, message: string, details?: DomainErrorDetails) => DomainError {
  return (name, message, details = {}) => new DomainError(`${prefix}.${name}`, message, kinds[name], details);
}
