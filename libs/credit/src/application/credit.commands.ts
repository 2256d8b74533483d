import { Actor } from '@bihuan/core';
import { CreditArchiveCommand } from '../domain/archive/credit-archive.commands';

/** Any archive command a user may send through the API (not the timer wake-ups). */
export type CreditArchiveRequest = Pick<Exclude<CreditArchiveCommand, { type: 'WarnDeadline' | 'ExpireDeadline' }>, 'type' | 'data'>;

/** CommandBus message: one command to an institution's credit archive. */
export class RunCreditArchiveCommand {
  constructor(readonly actor: Actor, readonly institutionId: string, readonly request: CreditArchiveRequest) {}
}

/** CommandBus message: draw and publish a 双随机 inspection plan for a jurisdiction. */
export class RequestRandomDrawCommand {
  constructor(
    readonly actor: Actor,
    readonly data: {
      readonly jurisdiction: string;
      readonly count: number;
      readonly inspectorsPerVisit: number;
      readonly plannedDate: string;
      readonly campaignId?: string | null;
    },
  ) {}
}

/** CommandBus message: declare (or withdraw) an inspector's conflict of interest with an institution. */
export class InspectorConflictCommand {
  constructor(
    readonly actor: Actor,
    readonly type: 'DeclareConflict' | 'WithdrawConflict',
    readonly data: { readonly inspectorId: string; readonly institutionId: string; readonly reason: string },
  ) {}
}
