import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './error-body';

/** Flattens nested DTO errors into `{ field: 'rows[0].deadline', rule, message }` entries. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * DTOs are validated strictly: unknown properties are refused (not silently dropped), values are
 * transformed to their declared types, and the 400 lists every field and rule at fault:
 * `{ statusCode: 400, error: 'Bad Request', code: 'VALIDATION', message, fields: [...] }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION',
        message: fields.map((f) => f.message).join('; ') || 'Validation failed',
        fields,
      });
    },
  });
}
