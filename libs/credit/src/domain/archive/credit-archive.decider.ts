import { assertNever, Decider, expiryIsDue, Role } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { requireIsoDate, requireOwnInstitution, requireRole, requireText } from '../credit-rules';
import { CreditArchiveCommand, CreditWakeUp, EnsureCreditArchive } from './credit-archive.commands';
import { pointsFor } from './credit-points.decider';
import { CreditArchiveEvent } from './credit-archive.events';
import { CreditArchiveState, evolveCreditArchive, initialCreditArchiveState, OpenCreditArchiveState } from './credit-archive.state';
import { cycleDeadlineId, imposeMeasures, openArchive, openCycle, rollCycle } from './credit-cycle.decide';
import { addListEntry, breach, pledge, recordInformation, removeListEntry } from './credit-records.decide';
import { attachCreditEvidence } from './credit-evidence.decide';

/** Stream category: `creditArchive-<institutionId>` (its points entries: `creditPoints-…`, ADR 0006). */
export const CREDIT_ARCHIVE_CATEGORY = 'creditArchive';

/** Who records credit information: the commission's inspectors and admins; a commendation (表彰) its leaders too. */
function informationRecorders(kind: unknown): Role[] {
  return kind === 'commendation' ? ['inspector', 'leader', 'admin', 'system'] : ['inspector', 'admin', 'system'];
}

/** The entry an EnsureCreditArchive is for must be one the points decider accepts (behaviour, scale, date). */
function checkEntry(command: EnsureCreditArchive, policy: CreditPolicy): void {
  pointsFor({ behaviour: requireText(command.data.behaviour, 'behaviour'), points: command.data.points }, policy);
  requireIsoDate(command.data.occurredAt, 'occurredAt');
}

/** A wake-up is answered only while its deadline is pending with the same dueAt (late/duplicate → []). */
function expire(
  command: Extract<CreditWakeUp, { type: 'ExpireDeadline' }>,
  s: OpenCreditArchiveState,
  policy: CreditPolicy,
): CreditArchiveEvent[] {
  const { deadlineId, dueAt } = command.data;
  if (!expiryIsDue(s.deadlines, { deadlineId, dueAt })) return [];
  const expired: CreditArchiveEvent = { type: 'DeadlineExpired', data: { deadlineId, dueAt, expiredAt: command.metadata.now } };
  if (s.current && deadlineId === cycleDeadlineId(s.current.cycle.cycleNo)) {
    return [expired, ...rollCycle(s, dueAt, s.current.cycle.endsAt, 'cycle-ended', policy)];
  }
  const entry = Object.values(s.lists).find((e) => e.deadlineId === deadlineId && e.status === 'active');
  if (entry)
    return [
      expired,
      {
        type: 'ListEntryExpired',
        data: { institutionId: s.archive.institutionId, entryId: entry.entryId, list: entry.list, expiredAt: dueAt },
      },
    ];
  return [expired];
}

function decideOpen(
  command: Exclude<CreditArchiveCommand, { type: 'OpenCreditArchive' }>,
  s: OpenCreditArchiveState,
  policy: CreditPolicy,
): CreditArchiveEvent[] {
  const actor = command.metadata.actor;
  const named = (command.data as { institutionId?: unknown }).institutionId;
  if (named !== undefined && named !== s.archive.institutionId) {
    throw creditError('INSTITUTION_MISMATCH', `this is the archive of ${s.archive.institutionId}, not ${String(named)}`, {
      field: 'institutionId',
    });
  }
  switch (command.type) {
    case 'WarnDeadline':
      return [];
    case 'ExpireDeadline':
      requireRole(actor, ['system'], 'a deadline wake-up');
      return expire(command, s, policy);
    case 'EnsureCreditArchive':
      requireRole(actor, ['inspector', 'system'], 'adding credit points');
      checkEntry(command, policy);
      return [];
    case 'ImposeCreditMeasures':
      requireRole(actor, ['system'], 'imposing credit measures');
      return imposeMeasures(command, s, policy);
    case 'CloseCreditCycle': {
      requireRole(actor, ['admin', 'system'], 'closing a credit cycle');
      const cur = s.current!;
      const reason = requireText(command.data.reason, 'reason');
      const now = command.metadata.now;
      return [
        { type: 'DeadlineCleared', data: { deadlineId: cur.cycle.deadlineId, clearedAt: now, outcome: 'cancelled' } },
        ...rollCycle(s, now, now, reason, policy),
      ];
    }
    case 'PledgeCommitment':
      requireRole(actor, ['hospital', 'inspector', 'admin', 'system'], 'pledging a commitment');
      return pledge(command, s);
    case 'AttachEvidence':
      requireRole(actor, ['hospital', 'inspector', 'admin'], 'attaching a file to a credit archive');
      return attachCreditEvidence(command, s);
    case 'ReportCommitmentBreach':
      requireRole(actor, ['inspector', 'leader', 'system'], 'reporting a breached commitment');
      return breach(command, s);
    case 'RecordCreditInformation':
      requireRole(actor, informationRecorders(command.data.kind), 'recording credit information');
      return recordInformation(command, s);
    case 'AddListEntry':
      requireRole(actor, ['inspector', 'leader', 'admin', 'system'], 'listing an institution');
      return addListEntry(command, s, policy);
    case 'RemoveListEntry':
      requireRole(actor, ['inspector', 'leader', 'admin'], 'removing a list entry');
      return removeListEntry(command, s);
    default:
      return assertNever(command, 'credit archive command');
  }
}

/** Credit archive rules; docs/events/credit.md has the command table and codes. */
export function decideCreditArchive(
  command: CreditArchiveCommand,
  state: CreditArchiveState,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditArchiveEvent[] {
  const { actor, now } = command.metadata;
  if (command.type !== 'WarnDeadline' && command.type !== 'ExpireDeadline')
    requireOwnInstitution(actor, command.data.institutionId, command.type);
  if (command.type === 'OpenCreditArchive') {
    requireRole(actor, ['inspector', 'admin', 'system'], 'opening a credit archive');
    if (state.status === 'open')
      throw creditError('ARCHIVE_ALREADY_EXISTS', `credit archive of ${state.archive.institutionId} already exists`);
    const institutionId = requireText(command.data.institutionId, 'institutionId');
    const start = command.data.cycleStartedAt ? requireIsoDate(command.data.cycleStartedAt, 'cycleStartedAt') : now;
    return [
      openArchive(institutionId, command.data.name, command.data.responsiblePerson, actor, false, policy),
      ...openCycle(institutionId, 1, start, policy),
    ];
  }
  if (state.status === 'open') return decideOpen(command, state, policy);
  if (command.type === 'WarnDeadline' || command.type === 'ExpireDeadline') return [];
  if (command.type !== 'EnsureCreditArchive' && command.type !== 'RecordCreditInformation') {
    throw creditError('ARCHIVE_NOT_FOUND', `no credit archive for ${command.data.institutionId}`);
  }
  if (command.type === 'EnsureCreditArchive') {
    requireRole(actor, ['inspector', 'system'], 'adding credit points');
    checkEntry(command, policy);
  } else requireRole(actor, informationRecorders(command.data.kind), 'recording credit information');
  // Points (EnsureCreditArchive first) or a saga's record may arrive before the archive was opened:
  // open it implicitly, cycle from now.
  const institutionId = requireText(command.data.institutionId, 'institutionId');
  const opening = [openArchive(institutionId, null, null, actor, true, policy), ...openCycle(institutionId, 1, now, policy)];
  const opened = opening.reduce(evolveCreditArchive, state) as OpenCreditArchiveState;
  return [...opening, ...decideOpen(command, opened, policy)];
}

export function creditArchiveDecider(
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): Decider<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState> {
  return {
    initialState: initialCreditArchiveState,
    evolve: evolveCreditArchive,
    decide: (command, state) => decideCreditArchive(command, state, policy),
  };
}
