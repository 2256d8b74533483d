import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/*
 * Optional lists of short texts in request bodies. The decorators are listed bottom-up, the order
 * in which a stack written above a property applies them, so a 400 names the broken rules in the
 * order it always did.
 */

/** `evidence`: up to 20 references (file names, letter numbers …) of up to 500 characters each. */
export const EvidenceList = (): PropertyDecorator =>
  applyDecorators(
    MaxLength(500, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(20),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String] }),
  );

/** Up to 20 ids (users, departments …), none empty nor longer than `maxLength`; `doc` describes it in OpenAPI. */
export const OptionalIdList = (maxLength: number, doc: ApiPropertyOptions = { type: [String] }): PropertyDecorator =>
  applyDecorators(
    MaxLength(maxLength, { each: true }),
    IsNotEmpty({ each: true }),
    IsString({ each: true }),
    ArrayMaxSize(20),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional(doc),
  );
