import { assertNever } from '@bihuan/core';
import {
  EthicsEvaluationEvent,
  EthicsEvaluationFinalised,
  EthicsEvaluationOpened,
  EthicsEvaluationReviewed,
  EthicsEvaluationScored,
  SelfEvaluationSubmitted,
} from './ethics-evaluation.events';

/** The evaluation's facts so far; each step adds its event's data. */
export interface EvaluationFacts {
  readonly opened: EthicsEvaluationOpened['data'];
  readonly self: SelfEvaluationSubmitted['data'] | null;
  readonly review: EthicsEvaluationReviewed['data'] | null;
  readonly scored: EthicsEvaluationScored['data'] | null;
  readonly posted: boolean;
  readonly final: EthicsEvaluationFinalised['data'] | null;
}

export type EthicsEvaluationStatus = 'opened' | 'selfSubmitted' | 'departmentReviewed' | 'scored' | 'posted' | 'finalised';

export type EthicsEvaluationState = { readonly status: 'none' } | ({ readonly status: EthicsEvaluationStatus } & EvaluationFacts);

export const initialEthicsEvaluationState: EthicsEvaluationState = { status: 'none' };

export function evolveEthicsEvaluation(state: EthicsEvaluationState, event: EthicsEvaluationEvent): EthicsEvaluationState {
  if (event.type === 'EthicsEvaluationOpened') {
    return { status: 'opened', opened: event.data, self: null, review: null, scored: null, posted: false, final: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SelfEvaluationSubmitted':
      return { ...state, status: 'selfSubmitted', self: event.data };
    case 'EthicsEvaluationReviewed':
      return { ...state, status: 'departmentReviewed', review: event.data };
    case 'EthicsEvaluationScored':
      return { ...state, status: 'scored', scored: event.data };
    case 'EthicsEvaluationPosted':
      return { ...state, status: 'posted', posted: true };
    case 'EthicsEvaluationFinalised':
      return { ...state, status: 'finalised', final: event.data };
    default:
      return assertNever(event, 'ethics evaluation event');
  }
}

/** Stream id of an evaluation: `<institutionId>.<year>.<staffId>` (category `ethicsEvaluation`). */
export function ethicsEvaluationStreamId(institutionId: string, year: number, staffId: string): string {
  return `${institutionId}.${year}.${staffId}`;
}
