import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/**
 * A calendar day as people pick it (Asia/Shanghai), YYYY-MM-DD with a month 01–12 and a day
 * 01–31: a month 13 would reach `Date` as NaN and fail a read with a 500 instead of a 400.
 */
export const BEIJING_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * An optional Beijing date of a query (`from`, `to` …), one home for every context. Listed
 * bottom-up like page-query.ts; the English message names the format, which the zh sentence says.
 */
export const BeijingDateQuery = (description: string, example: string): PropertyDecorator =>
  applyDecorators(
    Matches(BEIJING_DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD' }),
    IsOptional(),
    ApiPropertyOptional({ example, description }),
  );
