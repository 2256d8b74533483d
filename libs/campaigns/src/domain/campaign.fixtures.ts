import { Actor, Command, fold } from '@bihuan/core';
import { campaignDecider } from './campaign.decider';
import { CampaignCommand, CampaignEvent, CampaignScope, LaunchCampaign } from './campaign.messages';

/** Test fixtures (not exported from the lib): actors, an instant, seed 003's phases, command builders. */
export const T0 = '2023-05-29T02:00:00.000Z';

export const inspector: Actor = { id: 'u-inspector-1', role: 'inspector', unit: 'county-1' };
export const leader: Actor = { id: 'u-leader-1', role: 'leader', unit: 'county-1' };
export const hospital: Actor = { id: 'u-hospital-1', role: 'hospital', unit: 'inst-1' };

/** 乌审旗医德医风建设专项行动 (seed 003), its third phase starting the day after the second ends. */
export const SEED_003_PHASES = [
  { name: '宣传动员', from: '2023-05-15', to: '2023-05-20', reports: [{ kind: 'implementation-plan', due: '2023-05-20' }] },
  { name: '整治提升', from: '2023-05-21', to: '2023-08-15', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] },
  { name: '评估总结', from: '2023-08-16', to: '2023-08-31', reports: [{ kind: 'final-report', due: '2023-08-31' }] },
];

export const SCOPE: CampaignScope = {
  institutionTypes: [],
  ownerships: ['public'],
  levels: ['level2', 'level3'],
  listedInstitutionIds: [],
};

let counter = 0;
export function cmd<C extends CampaignCommand>(type: C['type'], data: C['data'], actor: Actor = inspector, now: string = T0): C {
  counter += 1;
  return { type, data, metadata: { commandId: `cmd-${counter}`, correlationId: 'corr-1', causationId: null, actor, now } } as C;
}

export const launchData = (change: Partial<LaunchCampaign['data']> = {}): LaunchCampaign['data'] => ({
  campaignId: 'camp-1',
  issuingUnitId: 'county-1',
  title: '医德医风建设专项行动',
  year: 2023,
  scope: SCOPE,
  institutionIds: ['inst-2', 'inst-1'],
  phases: SEED_003_PHASES,
  ...change,
});

export const launch = (change: Partial<LaunchCampaign['data']> = {}, actor: Actor = inspector) =>
  cmd<LaunchCampaign>('LaunchCampaign', launchData(change), actor);

/** Runs commands through the decider and returns every event, to build `given` histories. */
export function history(commands: readonly Command[]): CampaignEvent[] {
  const events: CampaignEvent[] = [];
  for (const command of commands) events.push(...campaignDecider.decide(command as CampaignCommand, fold(campaignDecider, events)));
  return events;
}
