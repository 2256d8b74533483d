import { createPublicKey } from 'node:crypto';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isTrustProxySpec } from './trust-proxy';

/** A decimal integer string within [min, max]. */
export function IsIntegerStringInRange(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerStringInRange',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' && /^\d{1,7}$/.test(value) && Number(value) >= min && Number(value) <= max,
      },
    },
    options,
  );
}

/** `system` or `fake:<ISO-8601 instant>`. */
export function IsClockSpec(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isClockSpec',
      validator: {
        validate: (value: unknown): boolean => {
          if (value === 'system') return true;
          if (typeof value !== 'string' || !value.startsWith('fake:')) return false;
          const iso = value.slice('fake:'.length);
          return /^\d{4}-\d{2}-\d{2}T/.test(iso) && !Number.isNaN(Date.parse(iso));
        },
      },
    },
    options,
  );
}

/** A PEM public key (or certificate) Node can read, RSA or EC: the kinds RS256/ES256 verify with. */
export function IsPublicKeyPem(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPublicKeyPem',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string' || !value.includes('-----BEGIN')) return false;
          try {
            const type = createPublicKey(pemFromEnv(value)).asymmetricKeyType;
            return type === 'rsa' || type === 'ec';
          } catch {
            return false;
          }
        },
      },
    },
    options,
  );
}

/** `true`, `false`, a hop count or a list of proxy addresses (see trust-proxy.ts). */
export function IsTrustProxy(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isTrustProxy', validator: { validate: isTrustProxySpec } }, options);
}

/** PEM in one environment line: `\n` escapes stand for line breaks. */
export function pemFromEnv(value: string): string {
  return value.replace(/\\n/g, '\n');
}
