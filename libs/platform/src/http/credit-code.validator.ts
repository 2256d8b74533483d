import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidCreditCode } from '@bihuan/core';

/**
 * A 统一社会信用代码 (GB 32100): 18 symbols with the right check character (core's
 * isValidCreditCode, the one check), so a mistyped code is a 400 naming the field before any write.
 */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCreditCode',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidCreditCode(value),
        defaultMessage: () => '$property must be a unified social credit code (18 characters, GB 32100 check character)',
      },
    },
    options,
  );
}
