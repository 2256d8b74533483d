import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { decodeCursor } from '../paging/page-cursor';

/*
 * The paging fields of a list query, one home for every context: `cursor` (keyset paging, see
 * paging/keyset-page.ts) and `pageSize`. The decorators are listed bottom-up, the order in which a
 * stack written above a property applies them: class-validator reports the broken rules in that
 * order, so a 400's messages stay as they were.
 */

/** `page`: a 1-based page number, at most `last` — only for lists that are not tables (a case's merged history). */
export const PageNumber = (last = 100_000): PropertyDecorator =>
  applyDecorators(
    Max(last),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, default: 1 }),
  );

/** `cursor`: where the page starts — the `nextCursor` of the page before; absent for the first page. */
export const PageCursor = (): PropertyDecorator =>
  applyDecorators(
    ValidateBy({
      name: 'isPageCursor',
      validator: {
        validate: (value: unknown) => decodeCursor(value) !== null,
        defaultMessage: () => '$property must be a nextCursor from a previous page of this list',
      },
    }),
    IsOptional(),
    ApiPropertyOptional({
      type: String,
      description: 'Opaque: the `nextCursor` of the previous page; leave out for the first page',
      maxLength: 1024,
    }),
  );

/** `pageSize`: rows per page, `usual` when absent, at most `largest`. */
export const PageSize = (largest = 200, usual = 20): PropertyDecorator =>
  applyDecorators(
    Max(largest),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, maximum: largest, default: usual }),
  );
