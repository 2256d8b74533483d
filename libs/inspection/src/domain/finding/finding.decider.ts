import { Decider } from '@bihuan/core';
import { DEFAULT_INSPECTION_POLICY, InspectionPolicy } from '../inspection-policy';
import { FindingCommand } from './finding.commands';
import { decideFinding } from './finding.decide';
import { FindingEvent } from './finding.events';
import { evolveFinding } from './finding.evolve';
import { FindingState, initialFindingState } from './finding.state';

/** Stream category of findings (ledger rows): `finding-<findingId>`. */
export const FINDING_STREAM_CATEGORY = 'finding';

export type FindingDecider = Decider<FindingCommand, FindingEvent, FindingState>;

/**
 * Picks the policy in force for a command (e.g. by the finding's institution or jurisdiction, from
 * policies the application layer has loaded beforehand). Must be pure: no I/O, no clock.
 */
export type InspectionPolicyResolver = (command: FindingCommand, state: FindingState) => InspectionPolicy;

/**
 * The Finding decider (问题 / 整改台账 row) under the policy in force: one policy, or a resolver
 * choosing it per command (per jurisdiction). Only `decide` reads
 * the policy, so replays are unaffected, and every event it shapes records `policyVersion`.
 */
export function createFindingDecider(policy: InspectionPolicy | InspectionPolicyResolver = DEFAULT_INSPECTION_POLICY): FindingDecider {
  const resolve: InspectionPolicyResolver = typeof policy === 'function' ? policy : () => policy;
  return {
    initialState: initialFindingState,
    evolve: evolveFinding,
    decide: (command, state) => decideFinding(command, state, resolve(command, state)),
  };
}

/** The Finding decider under DEFAULT_INSPECTION_POLICY. */
export const findingDecider: FindingDecider = createFindingDecider();
