import { commissionReads, Message, ReadDecision, Reader, StreamVisibility, ViewedMessage } from '@bihuan/core';
import { CAMPAIGN_CATEGORY } from './campaign.decider';
import { CampaignOpenRow, CampaignScope } from './campaign.messages';

/** What access to a campaign depends on: who issued it and whom it scopes now. */
export interface CampaignAccessFacts {
  readonly issuingUnitId: string | null;
  readonly institutionIds: readonly string[];
  /** Lower commission units the campaign names to owe its reports (their staff read it, to report). */
  readonly commissionUnitIds?: readonly string[];
}

const NONE: CampaignAccessFacts = { issuingUnitId: null, institutionIds: [] };

/**
 * Who reads a campaign: the commission staff (inspectors, leaders, admins) whose jurisdiction covers
 * its issuing unit or one of the institutions (or lower commissions) it scopes — a district's
 * inspector reads the city's campaign that scopes the district's hospitals, to file visits under it,
 * or names the district's commission, to hand in its reports — and the hospitals it
 * scopes. Anyone else is refused (403: a campaign is an announced notice, its existence no secret).
 */
export function decideCampaignRead(reader: Reader, facts: CampaignAccessFacts): ReadDecision {
  if (facts.issuingUnitId === null) return { kind: 'hidden' };
  const { actor } = reader;
  const granted =
    actor.role === 'hospital'
      ? facts.institutionIds.includes(actor.unit)
      : commissionReads(reader, [facts.issuingUnitId, ...facts.institutionIds, ...(facts.commissionUnitIds ?? [])]);
  if (granted) return { kind: 'granted', institutionId: null };
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read campaign of ${facts.issuingUnitId}` };
}

/**
 * A reader who does not cover the issuing unit sees only the institutions of the scope they cover
 * (never a sibling county's hospitals, nor another hospital); the issuing unit's readers see all.
 */
export function coveredInstitutions(reader: Reader, facts: CampaignAccessFacts, ids: readonly string[]): string[] {
  if (facts.issuingUnitId !== null && reader.actor.role !== 'hospital' && reader.covers(facts.issuingUnitId)) return [...ids];
  return ids.filter((id) => (reader.actor.role === 'hospital' ? id === reader.actor.unit : reader.covers(id)));
}

interface TrimmedFacts {
  readonly institutionIds?: readonly string[];
  readonly scope?: CampaignScope;
  readonly carriedOver?: readonly CampaignOpenRow[];
}

/** The facts, scope list and carried-over rows of an event or a state, trimmed to what the reader covers. */
export function trimCampaignData<T extends object>(reader: Reader, facts: CampaignAccessFacts, data: T): T {
  const d = data as T & TrimmedFacts;
  const keep = (ids: readonly string[]) => coveredInstitutions(reader, facts, ids);
  return {
    ...d,
    ...(d.institutionIds ? { institutionIds: keep(d.institutionIds) } : {}),
    ...(d.scope
      ? {
          scope: {
            ...d.scope,
            listedInstitutionIds: keep(d.scope.listedInstitutionIds),
            commissionUnitIds: keep(d.scope.commissionUnitIds ?? []),
          },
        }
      : {}),
    ...(d.carriedOver ? { carriedOver: d.carriedOver.filter((row) => keep([row.institutionId]).length > 0) } : {}),
  };
}

function foldAccess(state: CampaignAccessFacts, event: Message): CampaignAccessFacts {
  const d = event.data as { issuingUnitId?: unknown; institutionIds?: unknown; scope?: { commissionUnitIds?: unknown } };
  if ((event.type !== 'CampaignLaunched' && event.type !== 'CampaignAmended') || typeof d.issuingUnitId !== 'string') return state;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
  return {
    issuingUnitId: d.issuingUnitId,
    institutionIds: strings(d.institutionIds),
    commissionUnitIds: strings(d.scope?.commissionUnitIds),
  };
}

/** The campaign stream's declaration (architecture rule 9): its routes, the audit and exports read through it. */
export const campaignVisibility: StreamVisibility<CampaignAccessFacts> = {
  category: CAMPAIGN_CATEGORY,
  initialState: NONE,
  evolve: foldAccess,
  decide: decideCampaignRead,
  viewMessage: (reader, message: ViewedMessage, state) => ({ ...message, data: trimCampaignData(reader, state, message.data) }),
  viewState: (reader, state, current) => {
    if (typeof state !== 'object' || state === null || !('campaign' in state)) return state;
    const s = state as { campaign: object; closed?: object };
    return {
      ...s,
      campaign: trimCampaignData(reader, current, s.campaign),
      ...(s.closed ? { closed: trimCampaignData(reader, current, s.closed) } : {}),
    };
  },
};

/** The access facts of a folded campaign (its state), as the declaration folds them from its events. */
export function accessFactsOf(state: {
  readonly status: string;
  readonly campaign?: Omit<CampaignAccessFacts, 'commissionUnitIds'> & { readonly scope: CampaignScope };
}): CampaignAccessFacts {
  if (!state.campaign) return NONE;
  const { issuingUnitId, institutionIds, scope } = state.campaign;
  return { issuingUnitId, institutionIds, commissionUnitIds: scope.commissionUnitIds ?? [] };
}
