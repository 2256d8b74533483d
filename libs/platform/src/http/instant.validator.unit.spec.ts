import { validateSync } from 'class-validator';
import { IsInstant } from './instant.validator';

class Probe {
  @IsInstant() at!: unknown;
}

function errorsOf(at: unknown): string[] {
  const probe = Object.assign(new Probe(), { at });
  return validateSync(probe).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('IsInstant', () => {
  it.each(['2025-03-01', '2025-03-01T10:00:00Z', '2025-03-01T10:00:00.000+08:00', '2025-03-01T10:00:00+0800'])('accepts %s', (at) => {
    expect(errorsOf(at)).toEqual([]);
  });

  // ISO-8601 forms `Date` cannot read (NaN would reach the query or the decider) and non-strings.
  it.each(['2025-W10', '2025-W10-1', '2025-123', '20250301', '2025-03-01T10', '2025-02-30', '2025-13-01', 'yesterday', 20250301, null])(
    'refuses %s naming the field and the form',
    (at) => {
      expect(errorsOf(at)).toEqual(['at must be an ISO-8601 date or date-time (YYYY-MM-DD[THH:mm:ss±hh:mm])']);
    },
  );
});
