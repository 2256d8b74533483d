import { assertNever } from '@bihuan/core';
import { CreditInformation } from '../archive/credit-records.decide';
import { CreditSubjectEvent, CreditSubjectRegistered } from './credit-subject.messages';

/**
 * An applicant as its stream tells it: who it is, the checks made (ids only: a check's answer is
 * its event and the read model's row) and its credit information, which reads join with an
 * institution's archive once the directory has one with the same 统一社会信用代码.
 */
export interface RegisteredCreditSubject {
  readonly status: 'registered';
  readonly subject: CreditSubjectRegistered['data'];
  readonly checkIds: Readonly<Record<string, true>>;
  /** findingId → the adverse record it made. */
  readonly findings: Readonly<Record<string, string>>;
  readonly information: Readonly<Record<string, CreditInformation>>;
}

export type CreditSubjectState = { readonly status: 'none' } | RegisteredCreditSubject;

export const initialCreditSubjectState: CreditSubjectState = { status: 'none' };

export function evolveCreditSubject(state: CreditSubjectState, event: CreditSubjectEvent): CreditSubjectState {
  if (event.type === 'CreditSubjectRegistered')
    return state.status === 'none' ? { status: 'registered', subject: event.data, checkIds: {}, findings: {}, information: {} } : state;
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'CreditChecked':
      return { ...state, checkIds: { ...state.checkIds, [event.data.checkId]: true } };
    case 'FalseMaterialFound':
      return { ...state, findings: { ...state.findings, [event.data.findingId]: event.data.recordId } };
    case 'CreditInformationRecorded': {
      const { subjectKey: _owner, ...record } = event.data;
      return { ...state, information: { ...state.information, [record.recordId]: record } };
    }
    default:
      return assertNever(event, 'credit subject event');
  }
}
