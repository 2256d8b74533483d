import {
  Actor,
  assertAttached,
  assertNever,
  decideAttach,
  Decider,
  DeadlineCleared,
  DeadlineSet,
  expiryIsDue,
  isEvidenceDigest,
  warningIsDue,
} from '@bihuan/core';
import { optionalText, referralError, requireRole, requireText, requireTextList } from '../referral-errors';
import { ACKNOWLEDGE_DEADLINE, assertAcknowledgeTerms } from '../referral-policy';
import { isOneOf, REFERRAL_OUTCOMES, REFERRAL_SOURCE_CATEGORIES } from '../referral-values';
import { AttachReferralEvidence, MakeReferral, RecordReferralOutcome, ReferralCommand } from './referral.commands';
import { ReferralEvent } from './referral.events';
import { evolveReferral, INITIAL_REFERRAL_STATE, OpenReferralState, ReferralState } from './referral.state';

/** Stream category: `referral-<referralId>`. */
export const REFERRAL_CATEGORY = 'referral';

/** Who refers a case and closes the referral: the commission staff who handle cases (not operators). */
export const REFERRER_ROLES = ['inspector', 'leader'] as const;

function make(command: MakeReferral, state: ReferralState): ReferralEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'none') throw referralError('ALREADY_EXISTS', 'This referral was already made', { referralId: data.referralId });
  requireRole(metadata.actor, REFERRER_ROLES, 'Referring a case');
  if (!data.source || !isOneOf(REFERRAL_SOURCE_CATEGORIES, data.source.category))
    throw referralError('SOURCE_NOT_REFERABLE', 'Only a finding, a complaint or an ethics archive is referred', { field: 'sourceStream' });
  const dossier = data.dossier;
  if (!dossier || !isEvidenceDigest(dossier.digest) || !(dossier.size > 0))
    throw referralError('INVALID_EVIDENCE', 'The case file is not described (digest, size, type, name)', { field: 'dossier' });
  const terms = assertAcknowledgeTerms(data.acknowledge, data.policy, metadata.now);
  const now = metadata.now;
  const deadline: DeadlineSet = {
    type: 'DeadlineSet',
    data: {
      ...terms,
      warnAt: [...terms.warnAt],
      deadlineId: ACKNOWLEDGE_DEADLINE,
      purpose: 'referral-acknowledge',
      policy: {
        policyVersion: data.policy.policyVersion,
        acknowledgeWorkingDays: data.policy.acknowledgeWorkingDays,
        reminderFractions: [...data.policy.reminderFractions],
      },
    },
  };
  return [
    {
      type: 'ReferralMade',
      data: {
        referralId: requireText(data.referralId, 'referralId', 200),
        sourceStream: requireText(data.source.stream, 'sourceStream', 300),
        sourceCategory: data.source.category,
        institutionId: optionalText(data.source.institutionId, 'institutionId', 200),
        fromUnit: requireText(data.fromUnit, 'fromUnit', 200),
        toUnit: requireText(data.toUnit, 'agencyId', 200),
        agencyType: requireText(data.agencyType, 'agencyType', 64),
        reason: requireText(data.reason, 'reason', 2000),
        dossierDigest: dossier.digest,
        referredBy: metadata.actor.id,
        referredAt: now,
        policyVersion: data.policy.policyVersion,
      },
    },
    { type: 'EvidenceAttached', data: { file: dossier, step: 'referralDossier', note: null, attachedBy: metadata.actor.id } },
    deadline,
  ];
}

function open(state: ReferralState): OpenReferralState {
  if (state.status === 'none') throw referralError('NOT_FOUND', 'No such referral');
  if (state.status === 'closed') throw referralError('ALREADY_CLOSED', 'This referral is closed');
  return state;
}

/** Only a user of the agency the case was referred to answers for it. */
function requireTheAgency(actor: Actor, state: OpenReferralState, action: string): void {
  requireRole(actor, ['partner'], action);
  if (actor.unit !== state.referral.toUnit)
    throw referralError('NOT_THE_AGENCY', `${action}: the referral went to ${state.referral.toUnit}, not ${actor.unit}`);
}

function clearAcknowledge(state: OpenReferralState, now: string): DeadlineCleared[] {
  const deadline = state.deadlines[ACKNOWLEDGE_DEADLINE];
  return deadline && (deadline.status === 'pending' || deadline.status === 'paused')
    ? [{ type: 'DeadlineCleared', data: { deadlineId: ACKNOWLEDGE_DEADLINE, clearedAt: now, outcome: 'met' } }]
    : [];
}

function acknowledge(actor: Actor, state: ReferralState, now: string): ReferralEvent[] {
  const referral = open(state);
  requireTheAgency(actor, referral, 'Acknowledging a referral');
  if (referral.status !== 'referred') throw referralError('ALREADY_ACKNOWLEDGED', 'This referral was already acknowledged');
  const late = referral.deadlines[ACKNOWLEDGE_DEADLINE]?.status === 'expired';
  return [
    {
      type: 'ReferralAcknowledged',
      data: { referralId: referral.referral.referralId, acknowledgedBy: actor.id, acknowledgedAt: now, late },
    },
    ...clearAcknowledge(referral, now),
  ];
}

function attach(command: AttachReferralEvidence, state: ReferralState): ReferralEvent[] {
  const referral = open(state);
  requireTheAgency(command.metadata.actor, referral, 'Attaching a document to a referral');
  if (referral.status === 'referred') throw referralError('NOT_ACKNOWLEDGED', 'Acknowledge the referral before answering it');
  if (referral.status === 'answered') throw referralError('ALREADY_ANSWERED', 'The outcome of this referral is on record');
  const { file, note } = command.data;
  if (!file || !isEvidenceDigest(file.digest) || !(file.size > 0) || !file.mediaType || !file.name)
    throw referralError('INVALID_EVIDENCE', 'The file is not described (digest, size, type, name)', { field: 'file' });
  const step = { file, step: 'referralOutcome', note: optionalText(note, 'note', 1000) };
  return decideAttach(referral.files, step, command.metadata.actor.id);
}

function recordOutcome(command: RecordReferralOutcome, state: ReferralState): ReferralEvent[] {
  const referral = open(state);
  const { data, metadata } = command;
  requireTheAgency(metadata.actor, referral, 'Recording the outcome of a referral');
  if (referral.status === 'referred') throw referralError('NOT_ACKNOWLEDGED', 'Acknowledge the referral before answering it');
  if (referral.status === 'answered') throw referralError('ALREADY_ANSWERED', 'The outcome of this referral is on record');
  if (!isOneOf(REFERRAL_OUTCOMES, data.outcome))
    throw referralError('OUTCOME_UNKNOWN', `Unknown outcome ${String(data.outcome)}`, { field: 'outcome' });
  const evidence = requireTextList(data.evidence, 'evidence');
  assertAttached(referral.files, evidence, 'REFERRAL.EVIDENCE_NOT_ATTACHED');
  const text = requireText(data.text, 'text', 5000);
  return [
    {
      type: 'ReferralOutcomeRecorded',
      data: {
        referralId: referral.referral.referralId,
        outcome: data.outcome,
        text,
        evidence,
        recordedBy: metadata.actor.id,
        recordedAt: metadata.now,
      },
    },
  ];
}

function close(actor: Actor, note: string | null, state: ReferralState, now: string): ReferralEvent[] {
  const referral = open(state);
  requireRole(actor, REFERRER_ROLES, 'Closing a referral');
  if (referral.status !== 'answered') throw referralError('NOT_ANSWERED', 'The agency has not answered this referral yet');
  return [
    {
      type: 'ReferralClosed',
      data: { referralId: referral.referral.referralId, note: optionalText(note, 'note', 2000), closedBy: actor.id, closedAt: now },
    },
  ];
}

function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  const { actor, now } = command.metadata;
  switch (command.type) {
    case 'MakeReferral':
      return make(command, state);
    case 'AcknowledgeReferral':
      return acknowledge(actor, state, now);
    case 'AttachEvidence':
      return attach(command, state);
    case 'RecordReferralOutcome':
      return recordOutcome(command, state);
    case 'CloseReferral':
      return close(actor, command.data.note, state, now);
    case 'WarnDeadline':
      // A late or repeated wake-up is harmless: nothing happens unless the deadline still waits for it.
      return state.status !== 'none' && warningIsDue(state.deadlines, command.data)
        ? [{ type: 'DeadlineWarned', data: { ...command.data } }]
        : [];
    case 'ExpireDeadline':
      return state.status !== 'none' && expiryIsDue(state.deadlines, command.data)
        ? [{ type: 'DeadlineExpired', data: { ...command.data, expiredAt: now } }]
        : [];
    default:
      return assertNever(command, 'referral command');
  }
}

/** 移交 → 签收 → 反馈 → 办结 (docs/referrals.md). Policy numbers arrive in the command (MakeReferral.policy). */
export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: INITIAL_REFERRAL_STATE,
  evolve: evolveReferral,
  decide,
};
