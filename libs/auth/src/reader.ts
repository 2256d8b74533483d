import { Actor, Reader } from '@bihuan/core';
import { AccessPolicy } from './access-policy';

/** The actor as visibility rules see them: `covers(unit)` is the access policy's scope check. */
export function readerOf(policy: AccessPolicy, actor: Actor): Reader {
  return { actor, covers: (unitId) => policy.inScope(actor, unitId) };
}
