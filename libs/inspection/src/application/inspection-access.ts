import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertReadGranted } from '@bihuan/core';
import { AccessPolicy, assertInspectorsCover, Jurisdiction, readerOf, UserDirectory } from '@bihuan/auth';
import { PolicySource } from '@bihuan/platform';
import {
  createFindingDecider,
  DEFAULT_INSPECTION_POLICY,
  ExistingFinding,
  FINDING_STREAM_CATEGORY,
  FindingState,
  findingVisibility,
  inspectionError,
  InspectionPolicy,
  VisitState,
  visitVisibility,
} from '../domain';

/** The context id under which inspection policy overrides are recorded (`policy-inspection`). */
export const INSPECTION_POLICY_CONTEXT = 'inspection';

/** Where every finding write takes the policy in force from. */
export const INSPECTION_POLICY: PolicySource<InspectionPolicy> = {
  context: INSPECTION_POLICY_CONTEXT,
  defaults: DEFAULT_INSPECTION_POLICY,
};

/** Every write to a finding: its stream category, decided under the inspection policy in force. */
export const FINDING_WRITE = {
  category: FINDING_STREAM_CATEGORY,
  decider: (policy: InspectionPolicy) => createFindingDecider(policy),
  policy: INSPECTION_POLICY,
} as const;

export type ExistingVisit = Exclude<VisitState, { status: 'none' }>;

/** A finding that was opened, else 404. */
export function existingFinding(state: FindingState, findingId: string): ExistingFinding {
  if (state.status === 'none') throw inspectionError('FINDING_NOT_FOUND', `finding ${findingId} does not exist`);
  return state;
}

/** A visit that was planned, else 404. */
export function existingVisit(state: VisitState, visitId: string): ExistingVisit {
  if (state.status === 'none') throw inspectionError('VISIT_NOT_FOUND', `visit ${visitId} does not exist`);
  return state;
}

/**
 * Who may touch which inspection case, for writes (`CaseWrite.authorize`) and reads alike: the
 * visibility declarations of the domain (404 unknown — and a commission visit not yet carried out
 * for the hospital it targets, 暗访 —, 403 outside the actor's scope), and the checks on ids a
 * request names (institutions, inspectors).
 */
@Injectable()
export class InspectionAccess {
  constructor(
    @Inject(AccessPolicy) readonly access: AccessPolicy,
    @Inject(Jurisdiction) readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  finding(actor: Actor, findingId: string): (state: FindingState) => ExistingFinding {
    return (state) => {
      assertReadGranted(findingVisibility.decide(readerOf(this.access, actor), state), () =>
        inspectionError('FINDING_NOT_FOUND', `finding ${findingId} does not exist`),
      );
      return existingFinding(state, findingId);
    };
  }

  visit(actor: Actor, visitId: string): (state: VisitState) => ExistingVisit {
    return (state) => {
      assertReadGranted(visitVisibility.decide(readerOf(this.access, actor), state), () =>
        inspectionError('VISIT_NOT_FOUND', `visit ${visitId} does not exist`),
      );
      return existingVisit(state, visitId);
    };
  }

  /** 400 naming `field` for an unknown institution, 403 when it lies outside the actor's scope. */
  requireInstitutionInScope(actor: Actor, institutionId: string, field = 'institutionId'): void {
    this.jurisdiction.requireInstitution(institutionId, field);
    this.access.assertInScope(actor, institutionId, 'institution');
  }

  /** Each named inspector must be a known, active inspector whose unit covers the institution (400 / 422 naming `inspectorIds[i]`). */
  requireInspectorsCover(inspectorIds: readonly string[] | undefined, institutionId: string): void {
    if (inspectorIds) assertInspectorsCover(this.directory, this.jurisdiction, inspectorIds, institutionId);
  }
}
