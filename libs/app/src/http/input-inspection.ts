import { BadRequestException } from '@nestjs/common';
import { FieldProblem } from './error-body';

/**
 * Deepest nesting a body or query may have. Our deepest DTO is 3 levels; 32 leaves room and keeps
 * every later recursive walk (class-transformer, class-validator, JSON.stringify of events) far
 * from the stack limit that made a 5,000-deep body a 500.
 */
export const MAX_INPUT_DEPTH = 32;
/** Problems listed in one answer; a hostile body may have thousands. */
const MAX_PROBLEMS = 20;

/**
 * Object.prototype's member names (`__proto__`, `constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`, …) plus `prototype`. class-validator's whitelist cannot see these keys (they
 * look like known members of every object), so they slipped past `forbidNonWhitelisted`; no DTO
 * declares one, so refusing them everywhere is exactly "refused like any undeclared key".
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A lone (unpaired) UTF-16 surrogate: not Unicode, and validator.js's decodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Same field naming as the validation pipe: `identity.email`, `rows[0].deadline`. */
function childPath(parent: string, key: string, inArray: boolean): string {
  if (inArray) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks parsed input (a JSON or form body, a query object) and names every key or value that no
 * DTO can accept safely: reserved keys, nesting deeper than MAX_INPUT_DEPTH, ill-formed Unicode.
 * The walk is iterative and stops at the depth limit, so it is itself safe on any input.
 */
export function inspectInput(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isWellFormed(value))
        problems.push({
          field: path || 'body',
          rule: 'wellFormedUnicode',
          message: `${path || 'body'} contains ill-formed Unicode (a lone surrogate)`,
        });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: path, rule: 'maxDepth', message: `${path} is nested deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    const inArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const field = childPath(path, key, inArray);
      if (!isWellFormed(key)) {
        problems.push({
          field,
          rule: 'wellFormedUnicode',
          message: `property name ${field} contains ill-formed Unicode (a lone surrogate)`,
        });
      } else if (!inArray && RESERVED_KEYS.has(key)) {
        problems.push({ field, rule: 'whitelistValidation', message: `property ${field} should not exist` });
      } else {
        stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** The 400 for input that failed the shared checks; same shape as the validation pipe's. */
export function inputRefusal(fields: readonly FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION',
    message: fields.map((f) => f.message).join('; ') || 'Validation failed',
    fields,
  });
}

/** Throws the 400 when `input` has any problem; a no-op otherwise. */
export function assertSafeInput(input: unknown): void {
  const problems = inspectInput(input);
  if (problems.length > 0) throw inputRefusal(problems);
}
