import { commissionReads, ReadDecision, Reader, StreamVisibility } from '@bihuan/core';
import { LEAD_CATEGORY } from './lead/lead.decider';
import { REFERRAL_CATEGORY } from './referral/referral.decider';

/** What access to a referral depends on: the case's institution, the referring commission, the agency it went to. */
export interface ReferralParties {
  readonly institutionId: string | null;
  /** The commission that referred it (a referral) or received it (a lead). */
  readonly commissionUnit: string | null;
  /** The partner agency it went to (a referral) or came from (a lead). */
  readonly agencyUnit: string | null;
}

const NOBODY: ReferralParties = { institutionId: null, commissionUnit: null, agencyUnit: null };

/**
 * Who reads an exchange with a partner agency (issue 22, item 4): the users of that agency — a
 * partner of any other agency is told nothing (404); the commission staff (inspectors, leaders,
 * admins) whose jurisdiction covers `unit` (a referral: the case's institution, or the referring
 * commission when the case has none; a lead: the commission it went to, as for the complaint ticket
 * it becomes); never a hospital (403), whose case it may be but whose referral to 纪检监察 or 公安 it is not.
 */
export function decideExchangeRead(reader: Reader, s: ReferralParties, unit: string | null, what: string): ReadDecision {
  if (s.agencyUnit === null) return { kind: 'hidden' };
  const { actor } = reader;
  if (actor.role === 'partner')
    return actor.unit === s.agencyUnit ? { kind: 'granted', institutionId: s.institutionId } : { kind: 'hidden' };
  if (actor.role !== 'hospital' && commissionReads(reader, [unit])) return { kind: 'granted', institutionId: s.institutionId };
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read ${what}` };
}

function parties(opening: string, from: 'fromUnit' | 'toUnit'): StreamVisibility<ReferralParties>['evolve'] {
  return (state, event) => {
    if (event.type !== opening) return state;
    const d = event.data as { institutionId?: string | null; fromUnit?: string; toUnit?: string };
    const agency = from === 'toUnit' ? d.toUnit : d.fromUnit;
    const commission = from === 'toUnit' ? d.fromUnit : d.toUnit;
    return { institutionId: d.institutionId ?? null, commissionUnit: commission ?? null, agencyUnit: agency ?? null };
  };
}

/** A referral (移交) belongs to the case referred and to the agency it went to. */
export const referralVisibility: StreamVisibility<ReferralParties> = {
  category: REFERRAL_CATEGORY,
  initialState: NOBODY,
  evolve: parties('ReferralMade', 'toUnit'),
  decide: (reader, s) => decideExchangeRead(reader, s, s.institutionId ?? s.commissionUnit, 'this referral'),
};

/** A lead (交办线索) belongs to the agency that sent it and the commission it went to. */
export const leadVisibility: StreamVisibility<ReferralParties> = {
  category: LEAD_CATEGORY,
  initialState: NOBODY,
  evolve: parties('LeadSubmitted', 'fromUnit'),
  decide: (reader, s) => decideExchangeRead(reader, s, s.commissionUnit, 'this lead'),
};

/** The referrals context's declarations, for the audit registry. */
export const REFERRALS_VISIBILITY: readonly StreamVisibility[] = [referralVisibility, leadVisibility];
