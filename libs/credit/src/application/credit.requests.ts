import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { CommandOutcome, PolicySource } from '@bihuan/platform';
import {
  AddCreditPoints,
  AddListEntry,
  CloseCreditCycle,
  OpenCreditArchive,
  PledgeCommitment,
  RecordCreditInformation,
  RemoveListEntry,
  ReportCommitmentBreach,
  RevokeCreditPoints,
} from '../domain/archive/credit-archive.commands';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { DrawInput, DrawResult } from '../domain/draw/draw-inspections';
import { DeclareConflict, WithdrawConflict } from './conflicts/inspector-conflicts.decider';

/** The policy every credit write is decided under: `policy-credit` overrides on the defaults. */
export const CREDIT_POLICY_CONTEXT = 'credit';
export const CREDIT_POLICY: PolicySource<CreditPolicy> = { context: CREDIT_POLICY_CONTEXT, defaults: DEFAULT_CREDIT_POLICY };

/** What a credit write answers over HTTP: the outcome without the folded state. */
export type CreditCommandOutcome = Omit<CommandOutcome, 'state'>;
export const creditOutcome = ({ id, stream, position, events }: CommandOutcome<unknown>): CreditCommandOutcome => ({ id, stream, position, events });

type Action<K extends string, D> = { readonly kind: K; readonly data: D };
/** A command's data as a caller gives it: the stream names the institution; `Id` is drawn fresh when absent. */
type Given<C extends { readonly data: object }, Id extends string = never> = Omit<C['data'], 'institutionId' | Id> & { readonly [K in Id]?: string };

/** What a user may ask of an institution's credit archive (the timer wake-ups are the worker's). */
export type CreditArchiveAction =
  | Action<'OpenCreditArchive', Given<OpenCreditArchive>>
  | Action<'AddCreditPoints', Given<AddCreditPoints, 'pointsId'>>
  | Action<'RevokeCreditPoints', Given<RevokeCreditPoints>>
  | Action<'CloseCreditCycle', Given<CloseCreditCycle>>
  | Action<'PledgeCommitment', Given<PledgeCommitment, 'commitmentId'>>
  | Action<'ReportCommitmentBreach', Given<ReportCommitmentBreach, 'breachId'>>
  | Action<'RecordCreditInformation', Given<RecordCreditInformation, 'recordId'>>
  | Action<'AddListEntry', Given<AddListEntry, 'entryId'>>
  | Action<'RemoveListEntry', Given<RemoveListEntry>>;

/** CommandBus message: one request to the credit archive `creditArchive-<institutionId>`. */
export class CreditArchiveRequest extends Command<CreditCommandOutcome> {
  constructor(readonly actor: Actor, readonly institutionId: string, readonly action: CreditArchiveAction) {
    super();
  }
}

/** Declare or withdraw a conflict of interest of an inspector with an institution. */
export type InspectorConflictsAction = Action<'DeclareConflict', DeclareConflict['data']> | Action<'WithdrawConflict', WithdrawConflict['data']>;

/** CommandBus message: one request to `inspectorConflicts-<inspectorId>` (the inspector is in the data). */
export class InspectorConflictsRequest extends Command<CreditCommandOutcome> {
  constructor(readonly actor: Actor, readonly action: InspectorConflictsAction) {
    super();
  }
}

/** A draw to make: the server gathers institutions, levels, inspectors and conflicts itself. */
export type RandomDrawAction = Action<'RequestRandomDraw', {
  readonly jurisdiction: string;
  readonly count: number;
  readonly inspectorsPerVisit: number;
  readonly plannedDate: string;
  readonly campaignId?: string | null;
}>;

/** What POST /draws answers: the published draw with everything needed to re-run it. */
export interface PublishedDraw {
  readonly drawId: string;
  readonly jurisdiction: string;
  readonly seed: string;
  readonly algorithm: string;
  readonly inputs: DrawInput;
  readonly result: DrawResult;
  readonly plannedDate: string;
  readonly position: number | null;
}

/** CommandBus message: one request to a 双随机 draw `randomDraw-<drawId>` (a new one: the id is drawn). */
export class RandomDrawRequest extends Command<PublishedDraw> {
  constructor(readonly actor: Actor, readonly action: RandomDrawAction) {
    super();
  }
}
