import { DomainError } from '@bihuan/core';
import { AsOf } from '@bihuan/event-store';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The instant of an "as of" read from query parameters: `asOf` (an ISO-8601 instant with a zone)
 * or `asOfPosition` (a global log position, exact and reproducible). Both, or a malformed value,
 * is a 400 naming the parameter; neither means "now" (undefined).
 */
export function parseAsOf(asOf: string | undefined, asOfPosition: string | number | undefined): AsOf | undefined {
  if (asOf !== undefined && asOfPosition !== undefined) {
    throw DomainError.invalid('AUDIT.AS_OF_AMBIGUOUS', 'asOf', 'Give either asOf (an instant) or asOfPosition (a log position), not both');
  }
  if (asOfPosition !== undefined) {
    const n = typeof asOfPosition === 'number' ? asOfPosition : Number(asOfPosition);
    if (!Number.isSafeInteger(n) || n < 0 || (typeof asOfPosition === 'string' && !/^\d+$/.test(asOfPosition))) {
      throw DomainError.invalid(
        'AUDIT.BAD_AS_OF',
        'asOfPosition',
        `asOfPosition "${String(asOfPosition)}" is not a log position (a whole number ≥ 0)`,
      );
    }
    return { position: n };
  }
  if (asOf === undefined) return undefined;
  const ms = Date.parse(asOf);
  if (!ISO_INSTANT.test(asOf) || Number.isNaN(ms)) {
    throw DomainError.invalid(
      'AUDIT.BAD_AS_OF',
      'asOf',
      `asOf "${asOf}" is not an ISO-8601 instant with a time zone (e.g. 2025-03-04T08:00:00Z)`,
    );
  }
  // recordedAt is stored as toISOString(): normalise so string comparison is exact.
  return { recordedAt: new Date(ms).toISOString() };
}
