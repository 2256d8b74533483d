import { requireRole, requireText } from '../actor-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { RecordNoticeDocument } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ExistingFinding, IssuedNoticeDocument } from './finding.state';
import { isNoticeKind, NoticeKind } from '../notice-kinds';

type LadderKind = 'reminder-letter' | 'summons' | 'listed-supervision';

/** Why a notice may not be issued now, by a stable name (its zh-CN words are the message catalogue's). */
export const NOTICE_REFUSALS = {
  withdrawn: 'the finding was withdrawn',
  notSignedOff: 'the finding is not signed off yet',
  signedOff: 'the finding is already signed off',
  noRequirement: 'no rectification requirement was set (the deadline is not fixed)',
  notInLadder: 'the escalation ladder in force has no such rung',
  notEscalated: 'this round has not escalated to that rung',
} as const;

export type NoticeRefusal = keyof typeof NOTICE_REFUSALS;

function notAllowed(kind: NoticeKind, refusal: NoticeRefusal) {
  return inspectionError('NOTICE_DOCUMENT_NOT_ALLOWED', `Cannot issue a ${kind} notice: ${NOTICE_REFUSALS[refusal]}`, 'kind', {
    noticeKind: kind,
    refusal,
  });
}

/** Ladder step (1-based, from the policy in force) at which a ladder notice's rung sits, or null when the policy has no such rung. */
function ladderStep(kind: LadderKind, policy: InspectionPolicy): number | null {
  const index = policy.escalationLadder.findIndex((r) => r.rung === kind);
  return index < 0 ? null : index + 1;
}

/**
 * Which occasion of the current round a notice of `kind` would print, or a 422 saying why it may
 * not be issued now: 整改通知书 once the rectification requirement and deadline are set (step 0, or
 * the ladder's 整改通知书 rung when it is the current one); 提醒敦促函 / 约谈通知书 / 挂牌督办通知 once the
 * ladder reached that rung in this round; 销号确认 after sign-off. One document per kind and occasion:
 * a second is a 409 (a lost copy is downloaded again, not renumbered).
 */
export function noticeDocumentOccasion(kind: NoticeKind, state: ExistingFinding, policy: InspectionPolicy): number {
  const step = occasionOf(kind, state, policy);
  const issued = state.rectification.noticeDocuments.find((d) => d.kind === kind && d.step === step);
  if (issued) {
    throw inspectionError(
      'NOTICE_DOCUMENT_ALREADY_ISSUED',
      `A ${kind} notice was already issued this round (${issued.documentNo}); download it again`,
      'kind',
      { noticeKind: kind, documentNo: issued.documentNo },
    );
  }
  return step;
}

function occasionOf(kind: NoticeKind, state: ExistingFinding, policy: InspectionPolicy): number {
  if (state.status === 'withdrawn') throw notAllowed(kind, 'withdrawn');
  const escalation = state.rectification.escalation;
  switch (kind) {
    case 'sign-off-confirmation':
      if (state.status !== 'signedOff') throw notAllowed(kind, 'notSignedOff');
      return 0;
    case 'rectification-notice':
      if (state.status === 'signedOff') throw notAllowed(kind, 'signedOff');
      if (state.status === 'open') throw notAllowed(kind, 'noRequirement');
      return escalation?.rung === 'rectification-notice' ? escalation.step : 0;
    case 'reminder-letter':
    case 'summons':
    case 'listed-supervision': {
      if (state.status === 'signedOff') throw notAllowed(kind, 'signedOff');
      const step = ladderStep(kind, policy);
      if (step === null) throw notAllowed(kind, 'notInLadder');
      if (escalation === null || escalation.step < step) throw notAllowed(kind, 'notEscalated');
      return step;
    }
  }
}

/** Records a printed notice on the case: number, SM3 digest of the DOCX, template version, the printed fields. */
export function recordNoticeDocument(command: RecordNoticeDocument, state: ExistingFinding, policy: InspectionPolicy): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'issuing a notice document');
  const { data } = command;
  if (!isNoticeKind(data.kind))
    throw inspectionError('NOTICE_KIND_UNKNOWN', `Unknown notice kind "${String(data.kind)}"`, 'kind', {
      kind: String(data.kind),
    });
  const step = noticeDocumentOccasion(data.kind, state, policy);
  if (!/^[0-9a-f]{64}$/.test(data.digest)) throw inspectionError('FIELD_REQUIRED', 'digest must be an SM3 hex digest', 'digest');
  const { finding, rectification } = state;
  return [
    {
      type: 'NoticeDocumentIssued',
      data: {
        findingId: finding.findingId,
        visitId: finding.visitId,
        institutionId: finding.institutionId,
        round: rectification.round,
        step,
        kind: data.kind,
        documentNo: requireText(data.documentNo, 'documentNo'),
        issuingUnitId: requireText(data.issuingUnitId, 'issuingUnitId'),
        digest: data.digest,
        templateVersion: data.templateVersion,
        templateDigest: requireText(data.templateDigest, 'templateDigest'),
        fileName: requireText(data.fileName, 'fileName'),
        fields: { ...data.fields },
        issuedBy: command.metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

/** What the round keeps of an issued notice, to refuse a second one for the same occasion. */
export function issuedNotice(data: { kind: NoticeKind; step: number; documentNo: string }): IssuedNoticeDocument {
  return { kind: data.kind, step: data.step, documentNo: data.documentNo };
}
