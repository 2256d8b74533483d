import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { FieldProblem } from './error-body';
import { itemsBreaking } from './each-item-rules';
import { inputRefusal } from './input-inspection';
import { memoizeValidationMetadata } from './validation-metadata-cache';

/** Rules that ask for a value at all. */
const PRESENCE_RULES: ReadonlySet<string> = new Set(['isDefined', 'isNotEmpty', 'arrayNotEmpty']);

/** Rules that ask for a kind of value (a string, a number, an array …). */
const TYPE_RULES: ReadonlySet<string> = new Set([
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'nestedValidation',
]);

/**
 * The rules one field is refused for, as its reader needs them. class-validator reports every rule
 * a value breaks, the last declared first, so a missing field read "must be shorter than or equal
 * to 64 characters; should not be empty; must be a string", and a number where a string belongs
 * "must be shorter than …" first. Yet a missing field breaks one rule, being required: its presence
 * rule when it declares one, else `isDefined`. A value of the wrong kind breaks the kind rule; its
 * length, range or format rules cannot even apply. Any other value keeps every rule it broke.
 */
function brokenRules(error: ValidationError): [rule: string, message: string][] {
  const broken = Object.entries(error.constraints ?? {});
  if (broken.length === 0) return broken;
  // Missing: class-validator's error on a declared field whose value is undefined or null. Not an
  // undeclared key sent as null, not an object's error (Nest drops `value` where there are
  // children), not an error Nest writes itself without a value (a body that is not an object).
  const declared = !broken.some(([rule]) => rule === 'whitelistValidation');
  const missing = declared && 'value' in error && isAbsent(error.value) && (error.children ?? []).length === 0;
  return ofReaderInterest(broken, missing, error.property);
}

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** Of the rules a value broke, those its reader needs (see brokenRules): presence, else kind, else all. */
function ofReaderInterest(broken: [string, string][], missing: boolean, property: string): [string, string][] {
  if (missing) {
    const presence = broken.filter(([rule]) => PRESENCE_RULES.has(rule));
    return presence.length > 0 ? presence : [['isDefined', `${property} should not be null or undefined`]];
  }
  const kind = broken.filter(([rule]) => TYPE_RULES.has(rule));
  return kind.length > 0 ? kind : broken;
}

/**
 * A list's `each: true` rules, told item by item (`reasons[1]`), each item refused for what its
 * reader needs as a field would be; null when they cannot be told apart (each-item-rules.ts).
 */
function itemProblems(error: ValidationError, field: string): FieldProblem[] | null {
  const items: unknown = error.value;
  if (!Array.isArray(items) || !error.target || !error.constraints) return null;
  const target = error.target;
  const broken = Object.entries(error.constraints);
  const byItem = new Map<number, [string, string][]>();
  // Rules of the list as a whole (its size, say) stay on the list.
  const ofList: FieldProblem[] = [];
  for (const [rule, message] of broken) {
    const indices = itemsBreaking(target, error.property, rule, items);
    if (indices === null) ofList.push({ field, rule, message });
    else for (const index of indices) byItem.set(index, [...(byItem.get(index) ?? []), [rule, message]]);
  }
  if (byItem.size === 0) return null;
  const ofItems = [...byItem]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, rules]) =>
      ofReaderInterest(rules, isAbsent(items[index]), error.property).map(([rule, message]) => {
        const item = `${field}[${index}]`;
        // class-validator's "each value in reasons …" names the item instead.
        return { field: item, rule, message: message.replace(/^each value in \S+/, item) };
      }),
    );
  return [...ofList, ...ofItems];
}

/** Flattens nested DTO errors into `{ field: 'rows[0].deadline', rule, message }` entries. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = itemProblems(error, field) ?? brokenRules(error).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // The object an error was found in: a list's `each` rules are run again on it item by item
  // (itemProblems). Only the field problems leave the pipe, never the object.
  validationError: { target: true, value: true },
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
