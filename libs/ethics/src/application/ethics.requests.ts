import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { CommandOutcome, PolicySource } from '@bihuan/platform';
import { AddEthicsRecord, OpenEthicsArchive, RetractEthicsRecord } from '../domain/archive/ethics-archive.commands';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../domain/ethics-policy';
import {
  OpenEthicsEvaluation,
  PostEthicsEvaluation,
  ReviewEthicsEvaluation,
  ScoreEthicsEvaluation,
  SubmitSelfEvaluation,
} from '../domain/evaluation/ethics-evaluation.commands';
import { CappedResult } from '../domain/evaluation/ethics-grading';

/** The policy every ethics write is decided under: `policy-ethics` overrides on the defaults. */
export const ETHICS_POLICY_CONTEXT = 'ethics';
export const ETHICS_POLICY: PolicySource<EthicsPolicy> = { context: ETHICS_POLICY_CONTEXT, defaults: DEFAULT_ETHICS_POLICY };

/** What an ethics write answers over HTTP: the outcome without the folded state. */
export type EthicsCommandOutcome = Omit<CommandOutcome, 'state'>;
export const ethicsOutcome = ({ id, stream, position, events }: CommandOutcome<unknown>): EthicsCommandOutcome => ({ id, stream, position, events });

type Action<K extends string, D> = { readonly kind: K; readonly data: D };

/** What a user may ask of a staff member's archive (the staff member is the stream). */
export type EthicsArchiveAction =
  | Action<'OpenEthicsArchive', Omit<OpenEthicsArchive['data'], 'staffId'>>
  | Action<'AddEthicsRecord', Omit<AddEthicsRecord['data'], 'staffId'>>
  | Action<'RetractEthicsRecord', Omit<RetractEthicsRecord['data'], 'staffId'>>;

/** CommandBus message: one request to the archive `ethicsArchive-<staffId>`. */
export class EthicsArchiveRequest extends Command<EthicsCommandOutcome> {
  constructor(readonly actor: Actor, readonly staffId: string, readonly action: EthicsArchiveAction) {
    super();
  }
}

/** Which evaluation: one staff member's, at one institution, for one year. */
export interface EvaluationKey {
  readonly institutionId: string;
  readonly year: number;
  readonly staffId: string;
}

/** The steps a hospital takes on an evaluation; 单位评价's archive reckoning is folded by the server. */
export type EthicsEvaluationAction =
  | Action<'OpenEthicsEvaluation', Omit<OpenEthicsEvaluation['data'], keyof EvaluationKey>>
  | Action<'SubmitSelfEvaluation', SubmitSelfEvaluation['data']>
  | Action<'ReviewEthicsEvaluation', ReviewEthicsEvaluation['data']>
  | Action<'ScoreEthicsEvaluation', Omit<ScoreEthicsEvaluation['data'], 'archive'>>
  | Action<'PostEthicsEvaluation', PostEthicsEvaluation['data']>;

/** CommandBus message: one request to `ethicsEvaluation-<institutionId>.<year>.<staffId>`. */
export class EthicsEvaluationRequest extends Command<EthicsCommandOutcome> {
  constructor(readonly actor: Actor, readonly key: EvaluationKey, readonly action: EthicsEvaluationAction) {
    super();
  }
}

/** What finalising an institution's year answers: the cap applied and every result. */
export interface FinalisedResults {
  readonly institutionId: string;
  readonly year: number;
  readonly capRatio: number;
  readonly results: readonly CappedResult[];
}

/**
 * CommandBus message: the year's results of an institution — every one of its evaluations of the
 * year at once (the 优秀 cap is over all of them), so it has a message of its own.
 */
export class EthicsResultsRequest extends Command<FinalisedResults> {
  constructor(readonly actor: Actor, readonly institutionId: string, readonly year: number, readonly action: { readonly kind: 'FinaliseEthicsResults' }) {
    super();
  }
}
