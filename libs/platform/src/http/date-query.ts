import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { isISO8601, IsOptional, Matches, ValidateBy } from 'class-validator';

/**
 * A calendar day as people pick it (Asia/Shanghai), YYYY-MM-DD with a month 01–12 and a day
 * 01–31: a month 13 would reach `Date` as NaN and fail a read with a 500 instead of a 400.
 */
export const BEIJING_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A Beijing day of a body or a query, one home for every context: the form YYYY-MM-DD (`matches`),
 * and a day the calendar has (`isCalendarDay`). The pattern alone let 2026-02-30 through, which
 * `Date` rolls over to 1 March: a period ending on 31 April answered up to 1 May, and nobody was
 * told. The calendar rule leaves a value of another form to the pattern's rule, so a wrong form
 * is refused once.
 */
export const IsBeijingDay = (): PropertyDecorator =>
  applyDecorators(
    ValidateBy({
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value !== 'string' || !BEIJING_DATE_PATTERN.test(value) || isISO8601(value, { strict: true }),
        defaultMessage: () => '$property must be a day of the calendar (its month has no such day)',
      },
    }),
    Matches(BEIJING_DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD' }),
  );

/**
 * An optional Beijing date of a query (`from`, `to` …). Listed bottom-up like page-query.ts; the
 * English message names the format, which the zh sentence says.
 */
export const BeijingDateQuery = (description: string, example: string): PropertyDecorator =>
  applyDecorators(IsBeijingDay(), IsOptional(), ApiPropertyOptional({ example, description }));
