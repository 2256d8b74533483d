import { commissionReads, Message, Reader, StreamVisibility, ViewedMessage } from '@bihuan/core';
import { CREDIT_SUBJECT_CATEGORY } from '../subject/credit-subject.messages';

/** What reading an applicant's stream depends on: the offices that registered it, checked it or found against it. */
export interface CreditSubjectOwnership {
  readonly registered: boolean;
  readonly units: readonly string[];
}

type Data = { registeredIn?: unknown; checkedIn?: unknown; foundIn?: unknown };

/** The office a step was taken in (null: the step is credit information, shared with every reader of the stream). */
function officeOf(data: Data): string | null {
  const unit = data.registeredIn ?? data.checkedIn ?? data.foundIn;
  return typeof unit === 'string' ? unit : null;
}

/**
 * An applicant belongs to no unit of the tree: its history is read by the commission staff
 * (inspectors, leaders, admins) over an office that registered it, checked it or found against
 * it. Each check and finding — an office's application reference and what it found — is shown to
 * the readers over that office only; the registration and the credit information (the adverse
 * record) to every reader of the stream, as the checks themselves share it (ADR 0019). The person's
 * sealed number is shown as IDENTITY_DISPLAY allows (the audit's redaction). Hospitals, partners
 * and the public never read it as a case.
 */
export const creditSubjectVisibility: StreamVisibility<CreditSubjectOwnership> = {
  category: CREDIT_SUBJECT_CATEGORY,
  initialState: { registered: false, units: [] },
  evolve: (state: CreditSubjectOwnership, event: Message) => {
    const unit = officeOf(event.data as Data);
    const registered = state.registered || event.type === 'CreditSubjectRegistered';
    return unit === null || state.units.includes(unit) ? { ...state, registered } : { registered, units: [...state.units, unit] };
  },
  decide: (reader: Reader, state) => {
    if (!state.registered) return { kind: 'hidden' };
    if (commissionReads(reader, state.units)) return { kind: 'granted', institutionId: null };
    return { kind: 'forbidden', reason: `${reader.actor.role} ${reader.actor.id} may not read this applicant’s credit record` };
  },
  viewMessage: (reader: Reader, message: ViewedMessage) => {
    if (message.type === 'CreditSubjectRegistered') return message;
    const unit = officeOf(message.data as Data);
    return unit === null || commissionReads(reader, [unit]) ? message : null;
  },
};
