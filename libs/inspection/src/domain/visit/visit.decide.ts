import { Actor, assertNever, shanghaiDate } from '@bihuan/core';
import { optionalText, requireHospitalOf, requireIsoDate, requireRole, requireText, requireTextList } from '../actor-rules';
import { acceptDraft } from '../finding/finding-opening.decide';
import { inspectionError } from '../inspection-errors';
import { isVisitKind } from '../inspection-values';
import { CloseVisit, PlanVisit, RegisterFindings, ReopenVisit, VisitCommand } from './visit.commands';
import { VisitEvent, VisitFacts } from './visit.events';
import { attachVisitEvidence } from './visit-evidence.decide';
import { VisitState } from './visit.state';

type Existing = Exclude<VisitState, { status: 'none' }>;

/** Inspectors act on every visit; on a self-inspection (自查) the hospital of the institution too. */
function requireVisitActor(actor: Actor, visit: VisitFacts, action: string): void {
  if (visit.kind === 'self' && actor.role === 'hospital') return requireHospitalOf(actor, visit.institutionId, action);
  requireRole(actor, ['inspector'], action);
}

function plan(command: PlanVisit): VisitEvent[] {
  const { data, metadata } = command;
  const visitId = requireText(data.visitId, 'visitId');
  if (!isVisitKind(data.kind)) throw inspectionError('VISIT_KIND_UNKNOWN', `unknown visit kind "${String(data.kind)}"`, 'kind');
  const institutionId = requireText(data.institutionId, 'institutionId');
  if (data.kind === 'self') requireHospitalOf(metadata.actor, institutionId, 'planning a self-inspection');
  // A published random draw (双随机) plans its visits through a saga, whoever published the draw.
  else if (data.kind === 'random') requireRole(metadata.actor, ['inspector', 'system'], 'planning a random visit');
  else requireRole(metadata.actor, ['inspector'], 'planning a visit');
  const inspectorIds = requireTextList(data.inspectorIds, 'inspectorIds');
  if (data.kind !== 'self' && inspectorIds.length === 0) {
    throw inspectionError('INSPECTORS_REQUIRED', 'a visit needs at least one inspector', 'inspectorIds');
  }
  return [
    {
      type: 'VisitPlanned',
      data: {
        visitId,
        kind: data.kind,
        institutionId,
        inspectorIds,
        plannedDate: requireIsoDate(data.plannedDate, 'plannedDate'),
        campaignId: optionalText(data.campaignId, 'campaignId'),
        plannedBy: metadata.actor.id,
      },
    },
  ];
}

/**
 * Records findings on a conducted, open visit. Each draft is checked as its finding will check it,
 * and the event carries it with the visit's facts, so the finding stream is opened from it.
 */
function register(command: RegisterFindings, state: Existing): VisitEvent[] {
  requireVisitActor(command.metadata.actor, state.visit, 'registering findings');
  if (state.status !== 'conducted' && state.status !== 'findingsRegistered') {
    throw inspectionError('VISIT_NOT_CONDUCTED', 'findings are registered on a visit that has been conducted');
  }
  const known = state.status === 'findingsRegistered' ? state.findingIds : [];
  if (!Array.isArray(command.data.findings)) throw inspectionError('FIELD_REQUIRED', 'findings must be a list', 'findings');
  const drafts = command.data.findings.map(acceptDraft);
  const added = drafts.filter((d, i) => !known.includes(d.findingId) && drafts.findIndex((o) => o.findingId === d.findingId) === i);
  if (state.status === 'findingsRegistered' && added.length === 0) return [];
  const { visitId, kind: visitKind, institutionId, campaignId } = state.visit;
  const findings = added.map((d) => ({ ...d, visitId, visitKind, institutionId, campaignId }));
  const findingIds = added.map((d) => d.findingId);
  return [{ type: 'VisitFindingsRegistered', data: { visitId, findingIds, allFindingIds: [...known, ...findingIds], findings } }];
}

/** A visit is recorded once it has happened: `conductedOn` may not lie after today in Shanghai (or after now, for an instant). */
function requireNotFuture(conductedOn: string, now: string): string {
  const date = requireIsoDate(conductedOn, 'conductedOn');
  const future = date.length === 10 ? date > shanghaiDate(now) : Date.parse(date) > Date.parse(now);
  if (future) throw inspectionError('DATE_INVALID', `conductedOn (${date}) lies in the future`, 'conductedOn');
  return date;
}

function close(command: CloseVisit, state: Existing): VisitEvent[] {
  requireRole(command.metadata.actor, ['system', 'inspector'], 'closing a visit');
  if (state.status === 'closed') return [];
  if (state.status !== 'findingsRegistered') {
    throw inspectionError('FINDINGS_OUTSTANDING', "register the visit's findings (possibly none) before closing it");
  }
  const settled = requireTextList(command.data.settledFindingIds, 'settledFindingIds');
  const outstanding = state.findingIds.filter((id) => !settled.includes(id));
  if (outstanding.length > 0) {
    throw inspectionError('FINDINGS_OUTSTANDING', `findings not yet signed off: ${outstanding.join(', ')}`, 'settledFindingIds');
  }
  return [{ type: 'VisitClosed', data: { visitId: state.visit.visitId, findingIds: state.findingIds, closedAt: command.metadata.now } }];
}

function reopen(command: ReopenVisit, state: Existing): VisitEvent[] {
  requireRole(command.metadata.actor, ['system', 'inspector'], 'reopening a visit');
  const findingId = requireText(command.data.findingId, 'findingId');
  const reason = requireText(command.data.reason, 'reason');
  if (state.status === 'findingsRegistered' && state.findingIds.includes(findingId)) return [];
  if (state.status !== 'closed') throw inspectionError('VISIT_NOT_CLOSED', 'only a closed visit can be reopened');
  if (!state.findingIds.includes(findingId)) {
    throw inspectionError('FINDING_NOT_IN_VISIT', `finding ${findingId} is not registered on this visit`, 'findingId');
  }
  return [{ type: 'VisitReopened', data: { visitId: state.visit.visitId, findingId, reason } }];
}

/** Visit rules; see docs/events/inspection.md for the table of commands and error codes. */
export function decideVisit(command: VisitCommand, state: VisitState): VisitEvent[] {
  if (command.type === 'WarnDeadline' || command.type === 'ExpireDeadline' || command.type === 'RecomputeDeadline') return []; // visits keep no deadlines
  if (state.status === 'none') {
    if (command.type === 'PlanVisit') return plan(command);
    throw inspectionError('VISIT_NOT_FOUND', `visit ${command.data.visitId} does not exist`);
  }
  if (state.status === 'cancelled') {
    if (command.type === 'CancelVisit') return [];
    throw inspectionError('VISIT_CANCELLED', 'the visit was cancelled');
  }
  switch (command.type) {
    case 'PlanVisit':
      throw inspectionError('VISIT_ALREADY_EXISTS', `visit ${state.visit.visitId} already exists`);
    case 'RecordVisit': {
      const conductedOn = requireNotFuture(command.data.conductedOn, command.metadata.now);
      requireVisitActor(command.metadata.actor, state.visit, 'recording a visit');
      if (state.status !== 'planned') throw inspectionError('VISIT_ALREADY_CONDUCTED', 'the visit is already recorded');
      const inspectorIds =
        command.data.inspectorIds === undefined ? state.visit.inspectorIds : requireTextList(command.data.inspectorIds, 'inspectorIds');
      return [
        {
          type: 'VisitConducted',
          data: {
            visitId: state.visit.visitId,
            conductedOn,
            inspectorIds,
            summary: optionalText(command.data.summary, 'summary'),
            recordedBy: command.metadata.actor.id,
          },
        },
      ];
    }
    case 'RegisterFindings':
      if (state.status === 'closed') throw inspectionError('VISIT_CLOSED', 'the visit is closed');
      return register(command, state);
    case 'CloseVisit':
      return close(command, state);
    case 'ReopenVisit':
      return reopen(command, state);
    case 'CancelVisit':
      requireVisitActor(command.metadata.actor, state.visit, 'cancelling a visit');
      if (state.status !== 'planned') throw inspectionError('VISIT_ALREADY_CONDUCTED', 'a conducted visit cannot be cancelled');
      return [
        {
          type: 'VisitCancelled',
          data: {
            visitId: state.visit.visitId,
            reason: requireText(command.data.reason, 'reason'),
            cancelledBy: command.metadata.actor.id,
          },
        },
      ];
    case 'AttachEvidence':
      return attachVisitEvidence(command, state, (action) => requireVisitActor(command.metadata.actor, state.visit, action));
    default:
      return assertNever(command, 'visit command');
  }
}
