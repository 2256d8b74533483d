/** A unit's short name as printed in document numbers (东城 for 甲市东城区卫生健康局), set per deployment. */
export interface UnitShortName {
  readonly unitId: string;
  readonly short: string;
}

/**
 * Settings of printable notices (domain.md: a number is a default), changed through
 * PUT /admin/policies/documents like any other context's. A number format may use {unitShort},
 * {unitName}, {year} and {n}; {year} and {n} are required (the sequence is per unit and year).
 */
export interface DocumentsPolicy {
  readonly policyVersion: string;
  /** 整改通知书 and the other notices of a finding (执法文书): 东城卫健监整〔2026〕12号. */
  readonly numberFormat: string;
  /**
   * 通报 · 公示 (public notices): a series of their own, as offices number 通报 apart from 执法文书 —
   * sharing one would put a published 通报 between two 整改通知书 numbers.
   */
  readonly publicNoticeNumberFormat: string;
  /** Short names by unit; a unit without one is printed with its name less the 卫生健康局/委员会 ending. */
  readonly unitShortNames: readonly UnitShortName[];
}

export const DOCUMENTS_POLICY_CONTEXT = 'documents';

export const DEFAULT_DOCUMENTS_POLICY: DocumentsPolicy = Object.freeze({
  policyVersion: 'documents@2',
  numberFormat: '{unitShort}卫健监整〔{year}〕{n}号',
  publicNoticeNumberFormat: '{unitShort}卫健通〔{year}〕{n}号',
  unitShortNames: Object.freeze([]) as readonly UnitShortName[],
});

const ENDINGS = /(卫生健康委员会|卫生健康局|卫生健康委|卫健委|卫健局)$/;

/** The short name the policy gives the unit, else its name without the commission's ending. */
export function unitShortName(unit: { readonly id: string; readonly name: string }, policy: DocumentsPolicy): string {
  const set = (Array.isArray(policy.unitShortNames) ? policy.unitShortNames : []).find(
    (u) => typeof u === 'object' && u !== null && u.unitId === unit.id && typeof u.short === 'string' && u.short.trim() !== '',
  );
  return set ? set.short.trim() : unit.name.replace(ENDINGS, '') || unit.name;
}
