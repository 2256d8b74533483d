import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

/** Calendar form only: ISO-8601 also allows week (2025-W10) and ordinal (2025-123) dates. */
const CALENDAR_FORM = /^\d{4}-\d{2}-\d{2}(T|$)/;

/**
 * An ISO-8601 instant or date that `Date` reads: strict ISO-8601 in calendar form. `IsISO8601`
 * alone lets `2025-W10`, `2025-123` or `2025-03-01T10` through, which `new Date` reads as NaN
 * and a read or a write would then fail with a 500 instead of a 400 naming the field.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' &&
          isISO8601(value, { strict: true }) &&
          CALENDAR_FORM.test(value) &&
          Number.isFinite(Date.parse(value)),
        defaultMessage: () => '$property must be an ISO-8601 date or date-time (YYYY-MM-DD[THH:mm:ss±hh:mm])',
      },
    },
    options,
  );
}
