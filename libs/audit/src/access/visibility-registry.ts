import { categoryOf, ReadDecision, Reader, Role, StreamVisibility } from '@bihuan/core';
import { complaintReferenceVisibility, complaintTicketVisibility } from '@bihuan/complaints';
import { CREDIT_VISIBILITY } from '@bihuan/credit';
import { campaignVisibility, reportDutyVisibility } from '@bihuan/campaigns';
import { documentNumberVisibility } from '@bihuan/documents';
import { publicNoticeVisibility } from '@bihuan/notices';
import { directoryVisibility } from '@bihuan/directory';
import { ETHICS_VISIBILITY } from '@bihuan/ethics';
import { INSPECTION_VISIBILITY } from '@bihuan/inspection';
import { REFERRALS_VISIBILITY } from '@bihuan/referrals';

/** A unit id no tree holds: only a reader who reads everywhere (the root's admin, the system) covers it. */
const WHOLE_TREE_PROBE = '\u0000whole-tree';

/** A category without cases: the roles named read every stream of it, nobody else does. */
function rolesOnlyVisibility(category: string, roles: readonly Role[], refusal: string): StreamVisibility<null> {
  return {
    category,
    initialState: null,
    evolve: () => null,
    decide: (reader): ReadDecision =>
      roles.includes(reader.actor.role) ? { kind: 'granted', institutionId: null } : { kind: 'forbidden', reason: refusal },
  };
}

/**
 * Configuration streams (`policy-<context>`, `calendar-cn`): the settings every deadline and
 * decision was computed under. No personal data and no case in them: leaders audit them, admins
 * keep them.
 */
function configurationVisibility(category: string): StreamVisibility<null> {
  return rolesOnlyVisibility(category, ['admin', 'leader'], `${category} streams are for leaders and admins`);
}

/**
 * Streams of a category nobody declared: operators only, so a new category is closed until it is
 * declared. Such a stream names no unit, so "operators" means the admins whose jurisdiction is the
 * whole tree (AccessPolicy.readsEverywhere); `covers` of a unit no tree holds is true for them only.
 */
function undeclaredVisibility(category: string): StreamVisibility<null> {
  return {
    category,
    initialState: null,
    evolve: () => null,
    decide: (reader): ReadDecision =>
      reader.actor.role === 'admin' && reader.covers(WHOLE_TREE_PROBE)
        ? { kind: 'granted', institutionId: null }
        : { kind: 'forbidden', reason: `No reader is declared for ${category} streams` },
  };
}

/** Every case category's declaration, from the contexts that own them (one home per rule). */
export const CASE_VISIBILITY: ReadonlyMap<string, StreamVisibility> = new Map(
  [
    ...INSPECTION_VISIBILITY,
    complaintTicketVisibility,
    complaintReferenceVisibility,
    ...ETHICS_VISIBILITY,
    ...CREDIT_VISIBILITY,
    campaignVisibility,
    reportDutyVisibility,
    publicNoticeVisibility,
    documentNumberVisibility,
    ...REFERRALS_VISIBILITY,
    configurationVisibility('policy'),
    configurationVisibility('calendar'),
    directoryVisibility,
  ].map((rule) => [rule.category, rule as StreamVisibility]),
);

/** The declaration for a stream's category; undeclared categories are open to admins only. */
export function visibilityOf(stream: string): StreamVisibility {
  const category = categoryOf(stream);
  return CASE_VISIBILITY.get(category) ?? undeclaredVisibility(category);
}

/** True when the category has a declaration of its own (tests: every category the system writes must). */
export function isDeclaredCategory(category: string): boolean {
  return CASE_VISIBILITY.has(category);
}

export type { Reader };
