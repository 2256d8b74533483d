import { assertNever, Decider } from '@bihuan/core';
import { campaignError, requireRole, requireText, requireTextList } from './campaign-errors';
import { acceptPhases } from './campaign-phases';
import {
  AmendCampaign,
  CampaignAmended,
  CampaignCommand,
  CampaignEvent,
  CampaignFacts,
  CampaignScope,
  CloseCampaign,
  LaunchCampaign,
} from './campaign.messages';
import { CampaignState, evolveCampaign, ExistingCampaign, initialCampaignState } from './campaign.state';

/** Stream category of campaigns: `campaign-<campaignId>`. */
export const CAMPAIGN_CATEGORY = 'campaign';

export const CAMPAIGN_TITLE_MAX = 200;
export const CAMPAIGN_REASON_MAX = 500;
/** Years a campaign may be dated in: a notice's 年度. */
export const CAMPAIGN_YEARS = { min: 2000, max: 2100 } as const;

/** Who launches, amends and closes campaigns (the API checks the issuing unit lies in their jurisdiction). */
const ISSUERS = ['inspector', 'leader'] as const;

function requireYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < CAMPAIGN_YEARS.min || year > CAMPAIGN_YEARS.max) {
    throw campaignError('YEAR_INVALID', `year must be a whole year between ${CAMPAIGN_YEARS.min} and ${CAMPAIGN_YEARS.max}`, 'year');
  }
  return year;
}

/** The scope's lists (and the lower commissions it names), each sorted and without repeats, and the institutions it resolved to (at least one). */
function acceptScope(
  scope: CampaignScope,
  institutionIds: readonly string[] | null | undefined,
): Pick<CampaignFacts, 'scope' | 'institutionIds'> {
  const list = (value: readonly string[] | undefined, field: string) => [...new Set(requireTextList(value, field))].sort();
  const resolved = list(institutionIds ?? [], 'institutionIds');
  if (resolved.length === 0) throw campaignError('SCOPE_EMPTY', 'the scope selects no institution', 'scope');
  // Recorded only when some are named, so a scope without lower commissions reads as it always did.
  const commissions = list(scope.commissionUnitIds ?? [], 'scope.commissionUnitIds');
  return {
    scope: {
      institutionTypes: list(scope.institutionTypes, 'scope.institutionTypes'),
      ownerships: list(scope.ownerships, 'scope.ownerships'),
      levels: list(scope.levels, 'scope.levels'),
      listedInstitutionIds: list(scope.listedInstitutionIds, 'scope.institutionIds'),
      ...(commissions.length > 0 ? { commissionUnitIds: commissions } : {}),
    },
    institutionIds: resolved,
  };
}

function launch(command: LaunchCampaign): CampaignEvent[] {
  const { data, metadata } = command;
  const year = requireYear(data.year);
  const facts: CampaignFacts = {
    campaignId: requireText(data.campaignId, 'campaignId'),
    issuingUnitId: requireText(data.issuingUnitId, 'issuingUnitId'),
    title: requireText(data.title, 'title', CAMPAIGN_TITLE_MAX),
    year,
    ...acceptScope(data.scope, data.institutionIds),
    phases: acceptPhases(data.phases, year),
  };
  return [{ type: 'CampaignLaunched', data: { ...facts, launchedBy: metadata.actor.id, launchedAt: metadata.now } }];
}

function amend(command: AmendCampaign, state: ExistingCampaign): CampaignEvent[] {
  const { data, metadata } = command;
  if (state.status === 'closed') throw campaignError('CLOSED', 'a closed campaign cannot be amended');
  const reason = requireText(data.reason, 'reason', CAMPAIGN_REASON_MAX);
  const before = state.campaign;
  const title = data.title == null ? before.title : requireText(data.title, 'title', CAMPAIGN_TITLE_MAX);
  const phases = data.phases == null ? before.phases : acceptPhases(data.phases, before.year);
  const scoped = data.scope == null ? before : acceptScope(data.scope, data.institutionIds);
  const dropped = requireTextList(data.institutionsInUse, 'institutionsInUse').filter((id) => !scoped.institutionIds.includes(id));
  if (dropped.length > 0) {
    throw campaignError(
      'SCOPE_IN_USE',
      `the new scope leaves out institutions the campaign's visits name: ${dropped.join(', ')}`,
      'scope',
      {
        institutionIds: dropped,
      },
    );
  }
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const changed: CampaignAmended['data']['changed'][number][] = [];
  if (title !== before.title) changed.push('title');
  if (!same(phases, before.phases)) changed.push('phases');
  if (!same(scoped.scope, before.scope) || !same(scoped.institutionIds, before.institutionIds)) changed.push('scope');
  if (changed.length === 0) return [];
  const { campaignId, issuingUnitId, year } = before;
  const facts: CampaignFacts = {
    campaignId,
    issuingUnitId,
    title,
    year,
    scope: scoped.scope,
    institutionIds: scoped.institutionIds,
    phases,
  };
  return [{ type: 'CampaignAmended', data: { ...facts, changed, reason, amendedBy: metadata.actor.id, amendedAt: metadata.now } }];
}

function close(command: CloseCampaign, state: ExistingCampaign): CampaignEvent[] {
  const { data, metadata } = command;
  if (state.status === 'closed') return [];
  const openRows = Array.isArray(data.openRows) ? data.openRows : [];
  const carryOver = data.carryOver === true;
  const reason = carryOver ? requireText(data.reason, 'reason', CAMPAIGN_REASON_MAX) : null;
  if (openRows.length > 0 && !carryOver) {
    throw campaignError(
      'OPEN_ROWS',
      `${openRows.length} row(s) of the campaign's ledger are not signed off: sign them off, or close with carryOver and a reason`,
      undefined,
      { openRows: openRows.length },
    );
  }
  const carriedOver = openRows.map(({ findingId, institutionId }) => ({ findingId, institutionId }));
  return [
    {
      type: 'CampaignClosed',
      data: { campaignId: state.campaign.campaignId, carriedOver, reason, closedBy: metadata.actor.id, closedAt: metadata.now },
    },
  ];
}

/** Campaign rules: launch → amend (while open) → close (refused with open rows unless carried over). */
export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  requireRole(command.metadata.actor, ISSUERS, `${command.type}`);
  if (command.type === 'LaunchCampaign') {
    if (state.status !== 'none') throw campaignError('ALREADY_EXISTS', `campaign ${command.data.campaignId} already exists`);
    return launch(command);
  }
  if (state.status === 'none') throw campaignError('NOT_FOUND', `campaign ${command.data.campaignId} does not exist`);
  switch (command.type) {
    case 'AmendCampaign':
      return amend(command, state);
    case 'CloseCampaign':
      return close(command, state);
    default:
      return assertNever(command, 'campaign command');
  }
}

/** The Campaign decider (专项行动): one stream per campaign. */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: decideCampaign,
};
