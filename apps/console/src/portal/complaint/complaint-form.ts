import type { components } from '../../client/schema.gen';

type PublicComplaint = components['schemas']['PublicComplaintDto'];

/** The form as typed: strings and flags, before they become the API's body. */
export interface ComplaintDraft {
  readonly named: boolean;
  readonly name: string;
  readonly phone: string;
  readonly notifyBySms: boolean;
  readonly institutionId: string;
  readonly category: string;
  readonly description: string;
}

export const EMPTY_DRAFT: ComplaintDraft = {
  named: false,
  name: '',
  phone: '',
  notifyBySms: false,
  institutionId: '',
  category: '',
  description: '',
};

export type DraftProblems = Partial<Record<keyof ComplaintDraft | 'files', string>>;

/** The DTO's limits (PublicComplaintDto, IdentityDto), so people hear about them before sending. */
export const DESCRIPTION_MAX = 3000;

/**
 * What a form on the ticket's status page needs: the ticket, its secret, and what to do once sent —
 * awaited, so the form's button stays disabled until the status page has read the ticket again.
 */
export interface TicketFormProps {
  readonly code: string;
  readonly secret: string;
  readonly onDone: () => Promise<void>;
}
const NAME_MAX = 100;
const PHONE_MAX = 30;
const PHONE_PATTERN = /^[0-9+\-() ]*$/;

/** What is wrong with the draft, field by field, in Chinese (the API checks the same again). */
export function problemsOf(draft: ComplaintDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.category) problems.category = '请选择投诉类别';
  if (!draft.description.trim()) problems.description = '请描述您遇到的问题';
  else if (draft.description.length > DESCRIPTION_MAX)
    problems.description = `问题描述不能超过 ${DESCRIPTION_MAX} 字（现 ${draft.description.length} 字）`;
  if (draft.named) {
    if (!draft.name.trim()) problems.name = '实名投诉请填写姓名，或改选匿名投诉';
    else if (draft.name.length > NAME_MAX) problems.name = `姓名不能超过 ${NAME_MAX} 字`;
    if (draft.phone.length > PHONE_MAX) problems.phone = `电话号码不能超过 ${PHONE_MAX} 位`;
    else if (!PHONE_PATTERN.test(draft.phone)) problems.phone = '电话号码只能包含数字、+、-、括号和空格';
    if (draft.notifyBySms && !draft.phone.trim()) problems.phone = '需要短信通知时请填写手机号码';
  }
  return problems;
}

/** The body of POST /public/complaints: identity only when named; nothing empty is sent. */
export function bodyOf(draft: ComplaintDraft): PublicComplaint {
  const phone = draft.phone.trim();
  return {
    category: draft.category as PublicComplaint['category'],
    description: draft.description.trim(),
    ...(draft.institutionId ? { institutionId: draft.institutionId } : {}),
    ...(draft.named
      ? { identity: { name: draft.name.trim(), ...(phone ? { phone } : {}) }, notifyBySms: draft.notifyBySms && phone !== '' }
      : {}),
  };
}
