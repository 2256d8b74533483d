import { assertNever, Decider } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { optionalText, requireIsoDate, requireOwnInstitution, requireRole, requireText } from '../credit-rules';
import { CreditSourceRef } from '../credit-values';
import { AddCreditPoints, CreditPointsCommand } from './credit-archive.commands';
import { CreditPointsEvent } from './credit-archive.events';
import { CreditPointsState, evolveCreditPoints, initialCreditPointsState } from './credit-archive.state';
import { causedByOf, creditPointsIdFor } from './credit-cycle.decide';

/** Stream category of one points entry: `creditPoints-<institutionId>.<pointsId>` (ADR 0006). */
export const CREDIT_POINTS_CATEGORY = 'creditPoints';

/** The id of a points entry's stream: the institution, then the entry. */
export const creditPointsStreamId = (institutionId: string, pointsId: string): string => `${institutionId}.${pointsId}`;

/** The entry's id: as given, else derived from the source (one per case and behaviour), else FIELD_REQUIRED. */
export function pointsIdOf(data: {
  readonly pointsId?: string | null;
  readonly behaviour: string;
  readonly source?: CreditSourceRef | null;
}): string {
  const behaviour = requireText(data.behaviour, 'behaviour');
  const pointsId = data.pointsId ? requireText(data.pointsId, 'pointsId') : data.source ? creditPointsIdFor(data.source, behaviour) : null;
  if (!pointsId) throw creditError('FIELD_REQUIRED', 'pointsId (or a source naming its case or event) is required', { field: 'pointsId' });
  return pointsId;
}

/** Points for a behaviour: the policy's for a listed one, else the command's (on the scale). */
export function pointsFor(data: Pick<AddCreditPoints['data'], 'behaviour' | 'points'>, policy: CreditPolicy): number {
  const listed = policy.behaviourPoints[data.behaviour];
  if (listed !== undefined) return listed;
  if (data.points == null)
    throw creditError('BEHAVIOUR_UNKNOWN', `behaviour "${data.behaviour}" is not listed and no points were given`, { field: 'behaviour' });
  if (!policy.pointScale.includes(data.points))
    throw creditError('POINTS_INVALID', `points must be one of ${policy.pointScale.join('/')}`, { field: 'points' });
  return data.points;
}

function add(command: AddCreditPoints, state: CreditPointsState, policy: CreditPolicy): CreditPointsEvent[] {
  const { data, metadata } = command;
  const pointsId = pointsIdOf(data);
  if (state.status === 'recorded') return []; // idempotent: this cause is already counted (in whichever cycle)
  const behaviour = requireText(data.behaviour, 'behaviour');
  if (typeof data.cycleNo !== 'number' || !Number.isInteger(data.cycleNo) || data.cycleNo < 1)
    throw creditError('FIELD_REQUIRED', "cycleNo (the archive's current cycle) is required", { field: 'cycleNo' });
  return [
    {
      type: 'CreditPointsAdded',
      data: {
        institutionId: requireText(data.institutionId, 'institutionId'),
        pointsId,
        cycleNo: data.cycleNo,
        behaviour,
        points: pointsFor({ ...data, behaviour }, policy),
        summary: optionalText(data.summary, 'summary'),
        source: data.source ?? null,
        causedBy: causedByOf(data.source, data.causedBy, metadata.actor, metadata.causationId),
        occurredAt: requireIsoDate(data.occurredAt, 'occurredAt'),
        addedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

/**
 * One points entry (不良执业行为记分) in its own stream, so that an institution's entries never
 * contend with one another nor with its archive, and a command folds at most two events. The
 * cycle total and the thresholds are not decided here: the creditThresholds saga sums the cycle's
 * entries and sends ImposeCreditMeasures to the archive (docs/events/credit.md).
 */
export function decideCreditPoints(
  command: CreditPointsCommand,
  state: CreditPointsState,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditPointsEvent[] {
  const { actor } = command.metadata;
  requireOwnInstitution(actor, command.data.institutionId, command.type);
  if (state.status === 'recorded' && command.data.institutionId !== state.entry.institutionId)
    throw creditError('INSTITUTION_MISMATCH', `points entry ${state.entry.pointsId} is of ${state.entry.institutionId}`, {
      field: 'institutionId',
    });
  switch (command.type) {
    case 'AddCreditPoints':
      requireRole(actor, ['inspector', 'system'], 'adding credit points');
      return add(command, state, policy);
    case 'RevokeCreditPoints': {
      requireRole(actor, ['inspector', 'system'], 'revoking credit points');
      if (state.status !== 'recorded')
        throw creditError('POINTS_NOT_FOUND', `no points entry ${command.data.pointsId}`, { field: 'pointsId' });
      const entry = state.entry;
      if (entry.revoked) return [];
      return [
        {
          type: 'CreditPointsRevoked',
          data: {
            institutionId: entry.institutionId,
            pointsId: entry.pointsId,
            cycleNo: entry.cycleNo,
            points: entry.points,
            reason: requireText(command.data.reason, 'reason'),
            causedBy: command.data.causedBy ?? null,
            revokedBy: actor.id,
          },
        },
      ];
    }
    default:
      return assertNever(command, 'credit points command');
  }
}

export function creditPointsDecider(
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): Decider<CreditPointsCommand, CreditPointsEvent, CreditPointsState> {
  return {
    initialState: initialCreditPointsState,
    evolve: evolveCreditPoints,
    decide: (command, state) => decideCreditPoints(command, state, policy),
  };
}
