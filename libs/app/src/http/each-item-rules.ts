import { getMetadataStorage, ValidationArguments } from 'class-validator';

/**
 * Which items of a list broke which of its `each: true` rules. class-validator judges a list rule
 * declared with `each: true` item by item but reports it once, on the list: `reasons: ['ok', '']`
 * read "reasons should not be empty", of a list that is not. Here each such rule is run again on
 * each item, with the arguments it was declared with, so the answer can name `reasons[1]`.
 *
 * Answers null when the rule cannot be told per item (not declared with `each`, not a rule whose
 * check can be run here, an asynchronous one, or one that throws): the caller then keeps the
 * list-level problem.
 */
export function itemsBreaking(target: object, property: string, rule: string, items: readonly unknown[]): number[] | null {
  const storage = getMetadataStorage();
  const declared = storage
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((metadata) => metadata.propertyName === property && metadata.each === true);
  for (const metadata of declared) {
    const constraint = metadata.constraintCls ? storage.getTargetValidatorConstraints(metadata.constraintCls)[0] : undefined;
    if (!constraint || constraint.name !== rule || constraint.async) continue;
    const check = constraint.instance as { validate(value: unknown, args: ValidationArguments): boolean | Promise<boolean> };
    const broken: number[] = [];
    for (const [index, item] of items.entries()) {
      const args: ValidationArguments = {
        targetName: target.constructor.name,
        property,
        object: target,
        value: item,
        constraints: metadata.constraints,
      };
      let valid: boolean | Promise<boolean>;
      try {
        valid = check.validate(item, args);
      } catch {
        return null; // a validator that throws on an item: the pipe names the field that throws
      }
      if (typeof valid !== 'boolean') return null;
      if (!valid) broken.push(index);
    }
    return broken;
  }
  return null;
}
