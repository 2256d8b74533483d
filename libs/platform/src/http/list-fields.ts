import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

/** An SM3 digest as files are addressed by (core's isEvidenceDigest). */
export const EVIDENCE_DIGEST_PATTERN = /^[0-9a-f]{64}$/;

/**
 * `evidence` that cites files attached to the case: up to 50 SM3 digests (64 lowercase hex
 * digits), as the upload answered them. The decider then checks that each is attached (422).
 * The English message names the rule so the zh sentence can say what a digest is.
 */
export const EvidenceDigestList = (): PropertyDecorator =>
  applyDecorators(
    Matches(EVIDENCE_DIGEST_PATTERN, {
      each: true,
      message: '$property must list SM3 digests of attached files (64 lowercase hex digits)',
    }),
    IsString({ each: true }),
    ArrayMaxSize(50),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({
      type: [String],
      description: 'SM3 digests of files attached to this case (the `file.digest` an evidence upload answered)',
      example: ['66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    }),
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
