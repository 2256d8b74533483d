import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { FindingCategory, RequiredAction, Severity, VisitKind } from '../domain';
import { CommandAck } from './inspection-context';

/** Plan a visit (inspector; a hospital plans its own `self` inspection). */
export class PlanVisitCommand extends Command<CommandAck> {
  constructor(
    readonly actor: Actor,
    readonly data: {
      readonly kind: VisitKind;
      readonly institutionId: string;
      readonly inspectorIds?: readonly string[];
      readonly plannedDate: string;
      readonly campaignId?: string | null;
    },
  ) {
    super();
  }
}

/** Record that a planned visit took place. */
export class RecordVisitCommand extends Command<CommandAck> {
  constructor(
    readonly actor: Actor,
    readonly visitId: string,
    readonly data: { readonly conductedOn: string; readonly inspectorIds?: readonly string[]; readonly summary?: string | null },
  ) {
    super();
  }
}

/** Cancel a planned visit that will not take place. */
export class CancelVisitCommand extends Command<CommandAck> {
  constructor(readonly actor: Actor, readonly visitId: string, readonly reason: string) {
    super();
  }
}

/** Open a finding on a conducted visit and register it there (two streams, validated before either is written). */
export class OpenFindingCommand extends Command<CommandAck & { readonly visitId: string }> {
  constructor(
    readonly actor: Actor,
    readonly visitId: string,
    readonly data: {
      readonly category: FindingCategory;
      readonly severity: Severity;
      readonly description: string;
      readonly evidence?: readonly string[];
      readonly responsibleDepartment: string;
      readonly responsiblePerson?: string | null;
      readonly requiredAction: RequiredAction;
    },
  ) {
    super();
  }
}
