import { Actor } from '@bihuan/core';
import { AddEthicsRecord, OpenEthicsArchive } from '../domain/archive/ethics-archive.commands';
import { EthicsEvaluationCommand, OpenEthicsEvaluation } from '../domain/evaluation/ethics-evaluation.commands';
import { VetoItem } from '../domain/ethics-values';

/** CommandBus messages of the ethics context: what a controller hands to a handler (architecture.md rule 8). */
export class OpenEthicsArchiveCommand {
  constructor(readonly actor: Actor, readonly data: OpenEthicsArchive['data']) {}
}

export class AddEthicsRecordCommand {
  constructor(readonly actor: Actor, readonly data: AddEthicsRecord['data']) {}
}

export class RetractEthicsRecordCommand {
  constructor(readonly actor: Actor, readonly staffId: string, readonly recordId: string, readonly reason: string) {}
}

export class OpenEthicsEvaluationCommand {
  constructor(readonly actor: Actor, readonly data: OpenEthicsEvaluation['data']) {}
}

/** Self, department and posting steps: the body goes to the evaluation stream as is. */
export type EvaluationStepBody = Extract<EthicsEvaluationCommand, { type: 'SubmitSelfEvaluation' | 'ReviewEthicsEvaluation' | 'PostEthicsEvaluation' }>;

export class EthicsEvaluationStepCommand {
  constructor(
    readonly actor: Actor,
    readonly institutionId: string,
    readonly year: number,
    readonly staffId: string,
    readonly step: Pick<EvaluationStepBody, 'type' | 'data'>,
  ) {}
}

/** 单位评价: the handler folds the staff member's archive into the year's summary before deciding. */
export class ScoreEthicsEvaluationCommand {
  constructor(
    readonly actor: Actor,
    readonly institutionId: string,
    readonly year: number,
    readonly staffId: string,
    readonly data: { readonly assessedScore?: number | null; readonly comment?: string | null; readonly vetoItems?: readonly VetoItem[] },
  ) {}
}

/** Applies the 优秀 cap over the institution's year and finalises every evaluation. */
export class FinaliseEthicsResultsCommand {
  constructor(readonly actor: Actor, readonly institutionId: string, readonly year: number) {}
}
