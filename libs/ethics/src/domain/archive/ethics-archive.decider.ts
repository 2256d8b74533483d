import { Actor, assertAttached, assertNever, Decider, deterministicId } from '@bihuan/core';
import { ethicsError } from '../ethics-errors';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../ethics-policy';
import {
  optionalText,
  requireIsoDate,
  requireNumber,
  requireOwnInstitution,
  requireRole,
  requireText,
  requireTextList,
} from '../ethics-rules';
import { CausedBy, isEthicsSourceKind, isVetoItem, shanghaiYear } from '../ethics-values';
import { AddEthicsRecord, AttachEthicsEvidence, EthicsArchiveCommand, EthicsSourceRef, OpenEthicsArchive } from './ethics-archive.commands';
import { EthicsArchiveEvent, EthicsArchiveOpened } from './ethics-archive.events';
import { attachEthicsEvidence } from './ethics-archive.evidence';
import { EthicsArchiveState, evolveEthicsArchive, initialEthicsArchiveState, StaffFacts } from './ethics-archive.state';
import { addStaffListEntry, expireStaffListEntry, removeStaffListEntry } from './staff-lists.decide';

/** Stream category: `ethicsArchive-<staffId>`. */
export const ETHICS_ARCHIVE_CATEGORY = 'ethicsArchive';

/**
 * The record id of a saga-sent record: one per source case (ticket / finding / commitment, else
 * the causing event) and staff member, so the same cause always yields the same id.
 */
export function ethicsRecordIdFor(sourceKind: string, caseOrEventId: string, staffId: string): string {
  return deterministicId('ethicsRecord', sourceKind, caseOrEventId, staffId);
}

function sourceKey(source: EthicsSourceRef): string | null {
  return source.ticketId ?? source.findingId ?? source.commitmentId ?? source.eventId ?? null;
}

/** The stream of the causing event, from what a source reference tells. */
function causedByOf(
  source: EthicsSourceRef,
  given: CausedBy | null | undefined,
  actor: Actor,
  causationId: string | null,
): CausedBy | null {
  if (given) return { stream: given.stream ?? null, eventId: requireText(given.eventId, 'causedBy.eventId') };
  if (source.eventId) {
    const stream =
      source.stream ?? (source.ticketId ? `complaintTicket-${source.ticketId}` : source.findingId ? `finding-${source.findingId}` : null);
    return { stream, eventId: source.eventId };
  }
  return actor.role === 'system' && causationId ? { stream: null, eventId: causationId } : null;
}

function open(data: OpenEthicsArchive['data'], actor: Actor, implicit: boolean): EthicsArchiveOpened {
  return {
    type: 'EthicsArchiveOpened',
    data: {
      staffId: requireText(data.staffId, 'staffId'),
      institutionId: requireText(data.institutionId, 'institutionId'),
      departmentId: optionalText(data.departmentId, 'departmentId'),
      name: optionalText(data.name, 'name'),
      openedBy: actor.id,
      implicit,
    },
  };
}

function addRecord(command: AddEthicsRecord, staff: StaffFacts, state: EthicsArchiveState, policy: EthicsPolicy): EthicsArchiveEvent[] {
  const { data, metadata } = command;
  const source = data.source;
  if (!source || !isEthicsSourceKind(source.kind))
    throw ethicsError('SOURCE_UNKNOWN', `unknown record source "${String(source?.kind)}"`, { field: 'source.kind' });
  const key = sourceKey(source);
  const recordId = data.recordId || !key ? requireText(data.recordId, 'recordId') : ethicsRecordIdFor(source.kind, key, staff.staffId);
  if (state.status === 'open' && state.records[recordId]) return []; // idempotent: already recorded
  if (data.vetoItem != null && !isVetoItem(data.vetoItem))
    throw ethicsError('VETO_ITEM_UNKNOWN', `unknown veto item "${String(data.vetoItem)}"`, { field: 'vetoItem' });
  const recordKind = optionalText(data.recordKind, 'recordKind');
  const points =
    data.points == null
      ? (policy.defaultPoints[recordKind ?? ''] ?? policy.defaultPoints[source.kind] ?? 0)
      : requireNumber(data.points, 'points', policy.pointsRange.min, policy.pointsRange.max, 'POINTS_OUT_OF_RANGE');
  const occurredAt = requireIsoDate(data.occurredAt, 'occurredAt');
  const evidence = requireTextList(data.evidence, 'evidence');
  // People cite files they attached to this archive; a saga's record cites its source case's own.
  if (metadata.actor.role !== 'system')
    assertAttached(state.status === 'open' ? state.files : {}, evidence, 'ETHICS.EVIDENCE_NOT_ATTACHED');
  return [
    {
      type: 'EthicsRecordAdded',
      data: {
        recordId,
        staffId: staff.staffId,
        institutionId: staff.institutionId,
        sourceKind: source.kind,
        source,
        recordKind,
        category: optionalText(data.category, 'category'),
        summary: requireText(data.summary, 'summary'),
        evidence,
        points,
        vetoItem: data.vetoItem ?? null,
        occurredAt,
        year: shanghaiYear(occurredAt),
        causedBy: causedByOf(source, data.causedBy, metadata.actor, metadata.causationId),
        addedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

/**
 * A record or a file for the archive of `data.staffId`: a saga's (or inspector's) record may arrive
 * before the institution opened the archive, which then opens implicitly; an open archive takes
 * them only for the institution it belongs to, whoever sends them (defence in depth: a saga's
 * record carries the institution of its source case).
 */
function onArchive(
  command: AddEthicsRecord | AttachEthicsEvidence,
  state: EthicsArchiveState,
  actor: Actor,
  what: string,
  step: (staff: StaffFacts, state: EthicsArchiveState) => EthicsArchiveEvent[],
): EthicsArchiveEvent[] {
  const data = command.data;
  if (state.status === 'none') {
    requireOwnInstitution(actor, data.institutionId, what);
    const departmentId = command.type === 'AddEthicsRecord' ? (command.data.departmentId ?? null) : null;
    const opened = open({ staffId: data.staffId, institutionId: data.institutionId, departmentId }, actor, true);
    return [opened, ...step(opened.data, evolveEthicsArchive(state, opened))];
  }
  requireOwnInstitution(actor, state.staff.institutionId, what);
  if (data.institutionId !== state.staff.institutionId) {
    throw ethicsError(
      'ARCHIVE_INSTITUTION_MISMATCH',
      `${what}: institution ${data.institutionId} does not fit the archive of ${state.staff.staffId}`,
      { field: 'institutionId' },
    );
  }
  return step(state.staff, state);
}

/** Archive rules; docs/events/ethics.md has the table of commands and codes. */
export function decideEthicsArchive(
  command: EthicsArchiveCommand,
  state: EthicsArchiveState,
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): EthicsArchiveEvent[] {
  const actor = command.metadata.actor;
  switch (command.type) {
    case 'WarnDeadline':
      return [];
    case 'ExpireDeadline':
      requireRole(actor, ['system'], 'a deadline wake-up');
      return expireStaffListEntry(command.data, state, command.metadata.now);
    case 'AddStaffListEntry':
      return addStaffListEntry(command, state, policy);
    case 'RemoveStaffListEntry':
      return removeStaffListEntry(command, state);
    case 'OpenEthicsArchive': {
      requireRole(actor, ['hospital', 'admin', 'system'], 'opening an ethics archive');
      requireOwnInstitution(actor, command.data.institutionId, 'opening an ethics archive');
      if (state.status === 'open') throw ethicsError('ARCHIVE_ALREADY_EXISTS', `archive of ${state.staff.staffId} already exists`);
      return [open(command.data, actor, false)];
    }
    case 'AddEthicsRecord':
      requireRole(actor, ['hospital', 'inspector', 'system'], 'adding an ethics record');
      return onArchive(command, state, actor, 'adding an ethics record', (staff, current) => addRecord(command, staff, current, policy));
    case 'AttachEvidence':
      requireRole(actor, ['hospital', 'inspector'], 'attaching a file to an ethics archive');
      return onArchive(command, state, actor, 'attaching a file to an ethics archive', (_staff, current) =>
        attachEthicsEvidence(command, current),
      );
    case 'RetractEthicsRecord': {
      requireRole(actor, ['hospital', 'inspector', 'system'], 'retracting an ethics record');
      if (state.status === 'none') throw ethicsError('ARCHIVE_NOT_FOUND', `no archive for ${command.data.staffId}`);
      requireOwnInstitution(actor, state.staff.institutionId, 'retracting an ethics record');
      const record = state.records[command.data.recordId];
      if (!record) throw ethicsError('RECORD_NOT_FOUND', `no record ${command.data.recordId}`, { field: 'recordId' });
      if (record.retracted) return [];
      const reason = requireText(command.data.reason, 'reason');
      return [
        {
          type: 'EthicsRecordRetracted',
          data: { recordId: record.recordId, staffId: record.staffId, reason, retractedBy: actor.id, retractedAt: command.metadata.now },
        },
      ];
    }
    default:
      return assertNever(command, 'ethics archive command');
  }
}

/** The EthicsArchive decider under a policy (the default unless a deployment supplies its own). */
export function ethicsArchiveDecider(
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): Decider<EthicsArchiveCommand, EthicsArchiveEvent, EthicsArchiveState> {
  return {
    initialState: initialEthicsArchiveState,
    evolve: evolveEthicsArchive,
    decide: (command, state) => decideEthicsArchive(command, state, policy),
  };
}
