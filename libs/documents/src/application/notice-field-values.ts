import { chineseDate } from '@bihuan/core';
import {
  currentDeadline,
  ExistingFinding,
  FINDING_CATEGORY_LABELS,
  NOTICE_KIND_LABELS,
  NoticeKind,
  REQUIRED_ACTION_LABELS,
  SEVERITY_LABELS,
} from '@bihuan/inspection';
import { NoticeFieldValues } from '../templates/notice-fields';

/** What a notice names besides the finding: its number, the two units, the instant it is issued. */
export interface NoticeHeader {
  readonly kind: NoticeKind;
  readonly documentNo: string;
  readonly institutionName: string;
  readonly issuingUnitName: string;
  readonly issuedAt: string;
}

/**
 * The text of every field of a notice, from the finding as it stands (pure). The deadline is the
 * finding's current one (the rectification deadline, or the rung's on the ladder), in working days
 * including any extension granted; a sign-off confirmation prints the sign-off day instead.
 */
export function noticeFieldValues(state: ExistingFinding, header: NoticeHeader): NoticeFieldValues {
  const { finding, rectification } = state;
  const deadline = header.kind === 'sign-off-confirmation' ? null : currentDeadline(state);
  const workingDays = deadline ? deadline.terms.workingDays + (deadline.basis?.extraWorkingDays ?? 0) : null;
  return {
    title: NOTICE_KIND_LABELS[header.kind],
    documentNo: header.documentNo,
    institutionName: header.institutionName,
    issuingUnitName: header.issuingUnitName,
    issueDate: chineseDate(header.issuedAt),
    category: FINDING_CATEGORY_LABELS[finding.category],
    severity: SEVERITY_LABELS[finding.severity],
    description: finding.description,
    requiredAction: REQUIRED_ACTION_LABELS[finding.requiredAction],
    responsibleDepartment: finding.responsibleDepartment,
    responsiblePerson: finding.responsiblePerson ?? '',
    round: String(rectification.round),
    dueDate: deadline ? chineseDate(deadline.dueAt) : '',
    workingDays: workingDays === null ? '' : String(workingDays),
    signedOffDate: state.status === 'signedOff' ? chineseDate(state.signedOffAt) : '',
  };
}
