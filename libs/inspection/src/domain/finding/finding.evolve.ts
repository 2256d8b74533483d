import { assertNever, evolveDeadlines, withAttached } from '@bihuan/core';
import { FindingEvent } from './finding.events';
import { issuedNotice } from './finding-notice-document';
import { ExistingFinding, FindingState, newRound, RectificationRound } from './finding.state';

function withRound(state: ExistingFinding, change: Partial<RectificationRound>): ExistingFinding {
  return { ...state, rectification: { ...state.rectification, ...change } };
}

/**
 * Folds one finding event. It never reads the policy: replaying history under a later policy
 * yields the same state. Events that do not fit the state are ignored (the log is the truth).
 */
export function evolveFinding(state: FindingState, event: FindingEvent): FindingState {
  if (event.type === 'FindingOpened') {
    const { openedBy: _by, policyVersion: _policy, ...finding } = event.data;
    return { status: 'open', finding, deadlines: {}, rectification: newRound(1, null), files: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DeadlineSet':
    case 'DeadlineWarned':
    case 'DeadlinePaused':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
    case 'DeadlineRecomputed':
    case 'DeadlineExpired':
    case 'DeadlineCleared':
      return { ...state, deadlines: evolveDeadlines(state.deadlines, event) };
    case 'RectificationNoticeIssued':
      return { ...withRound(state, { currentDeadlineId: event.data.deadlineId }), status: 'noticeIssued' };
    case 'RectificationPlanSubmitted': {
      const finding = {
        ...state.finding,
        responsibleDepartment: event.data.responsibleDepartment,
        responsiblePerson: event.data.responsiblePerson,
      };
      return { ...withRound(state, { planRevision: event.data.revision }), finding, status: 'inProgress' };
    }
    case 'RectificationProgressReported':
      return withRound(state, {
        progressReports: event.data.reportNo,
        evidence: [...state.rectification.evidence, ...event.data.evidence],
      });
    case 'SignOffRequested':
      return { ...withRound(state, { evidence: [...state.rectification.evidence, ...event.data.evidence] }), status: 'signOffRequested' };
    case 'SignOffRejected':
      return { ...withRound(state, { rejections: state.rectification.rejections + 1 }), status: 'inProgress' };
    case 'FindingSignedOff':
      return {
        ...state,
        status: 'signedOff',
        signedOffAt: event.data.signedOffAt,
        recheck: event.data.recheckDueAt === null ? 'none' : 'scheduled',
      };
    case 'ExtensionRequested':
      return withRound(state, {
        pendingExtension: { extensionId: event.data.extensionId, reason: event.data.reason, requestedDueAt: event.data.requestedDueAt },
      });
    case 'ExtensionApproved':
      return withRound(state, { pendingExtension: null, approvedExtensions: state.rectification.approvedExtensions + 1 });
    case 'ExtensionDenied':
      return withRound(state, { pendingExtension: null });
    case 'FindingEscalated':
      return withRound(state, {
        escalation: { rung: event.data.rung, step: event.data.step },
        currentDeadlineId: event.data.deadlineId ?? state.rectification.currentDeadlineId,
      });
    case 'FindingRecheckDue':
      return state.status === 'signedOff' ? { ...state, recheck: 'due' } : state;
    case 'FindingRecheckPassed':
      return state.status === 'signedOff' ? { ...state, recheck: 'passed' } : state;
    case 'FindingReopened': {
      const { finding, deadlines, files } = state;
      return { status: 'noticeIssued', finding, deadlines, files, rectification: newRound(event.data.round, event.data.deadlineId) };
    }
    case 'NoticeDocumentIssued':
      return withRound(state, { noticeDocuments: [...(state.rectification.noticeDocuments ?? []), issuedNotice(event.data)] });
    case 'FindingWithdrawn': {
      const { finding, deadlines, rectification, files } = state;
      return { status: 'withdrawn', finding, deadlines, rectification, files, reason: event.data.reason };
    }
    case 'EvidenceAttached':
      return { ...state, files: withAttached(state.files, event) };
    default:
      return assertNever(event, 'finding event');
  }
}
