import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { FieldProblem } from './error-body';
import { inputRefusal } from './input-inspection';
import { memoizeValidationMetadata } from './validation-metadata-cache';

/** Flattens nested DTO errors into `{ field: 'rows[0].deadline', rule, message }` entries. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => inputRefusal(fieldProblems(errors)),
};

/**
 * A validator that throws (validator.js's URIError, a RangeError, a bug in a custom constraint)
 * would otherwise surface as a 500. Such a throw is caused by the input, so it becomes a 400 naming
 * the top-level field whose value alone makes validation throw (found by validating each on its own).
 */
class StrictValidationPipe extends ValidationPipe {
  /** Validates one field at a time (others absent and skipped) to find which one throws. */
  private readonly probe = new ValidationPipe({ ...OPTIONS, skipMissingProperties: true });

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      const field = await this.fieldThatThrows(value, metadata);
      const rule = error instanceof Error ? error.name : 'validator';
      throw inputRefusal([{ field, rule, message: `${field} could not be validated (${rule})` }]);
    }
  }

  private async fieldThatThrows(value: unknown, metadata: ArgumentMetadata): Promise<string> {
    const whole = metadata.data ?? metadata.type;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return whole;
    for (const [key, item] of Object.entries(value)) {
      const thrown = await this.probe.transform({ [key]: item }, metadata).then(
        () => false,
        (error: unknown) => !(error instanceof HttpException),
      );
      if (thrown) return key;
    }
    return whole;
  }
}

/**
 * DTOs are validated strictly: unknown properties are refused (not silently dropped), values are
 * transformed to their declared types, and the 400 lists every field and rule at fault:
 * `{ statusCode: 400, error: 'Bad Request', code: 'VALIDATION', message, fields: [...] }`.
 * Reserved keys, depth and ill-formed Unicode are refused earlier, for every route (checkInput).
 */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new StrictValidationPipe(OPTIONS);
}
