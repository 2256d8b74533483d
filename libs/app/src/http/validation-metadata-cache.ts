import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage> & { __bihuanMemoized?: true };
type Lookup = Storage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];

/**
 * class-validator looks up a DTO's rules on every validation by scanning every decorated class of
 * the process for ancestors (`getTargetValidationMetadatas`, typestack/class-validator#2686): with
 * this API's several hundred DTOs that scan was a tenth of a command's CPU (ADR 0025). A class's own
 * rules and its ancestors' are registered when the class is loaded, before anything can validate
 * it, so the answer for the same arguments never changes: it is kept per target (a WeakMap, so a
 * class that is collected takes its entry along). A rule registered later (a class loaded lazily)
 * empties the cache, so a later class's lookups are never stale. Idempotent per storage.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage() as Storage): void {
  if (storage.__bihuanMemoized) return;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let cache = new WeakMap<Function, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let perTarget = cache.get(target);
    if (!perTarget) cache.set(target, (perTarget = new Map()));
    let found = perTarget.get(key);
    if (!found) perTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    cache = new WeakMap();
    register(metadata);
  };
  storage.__bihuanMemoized = true;
}
