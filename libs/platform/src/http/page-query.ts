import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/*
 * The paging fields of a list query, one home for every context. The decorators are listed bottom-up,
 * the order in which a stack written above a property applies them: class-validator reports the
 * broken rules in that order, so a 400's messages stay as they were.
 */

/** `page`: a 1-based page number from the query string, at most `last`. */
export const PageNumber = (last = 100_000): PropertyDecorator =>
  applyDecorators(
    Max(last),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, default: 1 }),
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
