import { categoryOf } from '@bihuan/core';
import { CaseFacts, SourceEvent } from './case-facts';
import { complaintNotifications } from './complaint-notification-rules';
import { findingNotifications } from './finding-notification-rules';
import { NotificationIntent } from './notification-intent';
import { referralNotifications } from './referral-notification-rules';
import { reportDutyNotifications } from './report-duty-notification-rules';

/**
 * Events → what people must be told (issue 19, docs/notifications.md "谁会收到什么"). Pure: the
 * case's facts are folded by the caller from the case's stream (`foldCaseFacts`), and the audience
 * is resolved to users and addresses by the producer through the directory.
 */
export function notificationsFor(event: SourceEvent, facts: CaseFacts): NotificationIntent[] {
  switch (categoryOf(event.streamName)) {
    case 'finding':
      return findingNotifications(event, facts);
    case 'complaintTicket':
      return complaintNotifications(event, facts);
    case 'reportDuty':
      return reportDutyNotifications(event, facts);
    case 'referral':
      return referralNotifications(event, facts);
    default:
      return [];
  }
}

/** Event types the rules may answer: the producer reads a case's facts only for these. */
export const NOTIFYING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'FindingOpened',
  'RectificationNoticeIssued',
  'DeadlineWarned',
  'FindingEscalated',
  'SignOffRequested',
  'SignOffRejected',
  'FindingSignedOff',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionDenied',
  'FindingRecheckDue',
  'FindingReopened',
  'ComplaintDispatched',
  'ComplaintEscalated',
  'ComplaintReopened',
  'ComplaintReturned',
  'ComplaintReminded',
  'ComplaintSupervised',
  'ComplaintPubliclyNoticed',
  'ComplaintExtensionRequested',
  'ComplaintExtensionApproved',
  'ComplaintExtensionDenied',
  'ComplaintAnswered',
  'ComplaintComplainantReplied',
  'ComplaintAwaitingComplainant',
  'ComplaintClosed',
  'ComplaintDeclined',
  'ReportDutyAssigned',
  'ReportDutyEscalated',
  'ReportSubmitted',
  'ReportReturned',
  'ReportAccepted',
  'ReportDutyWithdrawn',
  'ReferralMade',
  'ReferralAcknowledged',
  'ReferralOutcomeRecorded',
]);
