import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * `evidence`: up to 20 references (file names, letter numbers …) of up to 500 characters each, the
 * same wherever a record or a report carries them. Listed bottom-up, the order a stack written
 * above the property applies them, so a 400 names the broken rules in the order it did.
 */
export const EvidenceList = (): PropertyDecorator =>
  applyDecorators(
    MaxLength(500, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(20),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String] }),
  );
