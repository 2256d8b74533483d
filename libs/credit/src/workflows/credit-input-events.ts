import { Command, DomainEvent, Message } from '@bihuan/core';

/**
 * Input events and output commands the credit sagas share with other contexts, declared here
 * because a workflow folder may import only @bihuan/core. They mirror, field for field:
 * - FindingOpened / FindingEscalated / FindingWithdrawn: libs/inspection/src/domain/finding/finding.events.ts
 * - PlanVisit: libs/inspection/src/domain/visit/visit.commands.ts
 * - AddEthicsRecord: libs/ethics/src/domain/archive/ethics-archive.commands.ts
 * Only the fields read here are listed; extra fields are ignored. A substantiated complaint's
 * points are not an input here: the complaints context's complaintConsequences saga sends them.
 */
export interface FindingOpenedData {
  readonly findingId: string;
  readonly institutionId: string;
  readonly category: string;
  readonly severity: string;
  readonly description: string;
}
export interface FindingEscalatedData {
  readonly findingId: string;
  readonly institutionId: string;
  readonly round: number;
  readonly rung: string;
}
export interface FindingWithdrawnData {
  readonly findingId: string;
  readonly institutionId: string;
  readonly reason: string;
}

export type CreditInput =
  | Message<'FindingOpened', FindingOpenedData>
  | Message<'FindingEscalated', FindingEscalatedData>
  | Message<'FindingWithdrawn', FindingWithdrawnData>;

export const CREDIT_INPUT_TYPES: readonly CreditInput['type'][] = ['FindingOpened', 'FindingEscalated', 'FindingWithdrawn'];

/** A delivered input of creditConsequences: one of its types, naming its finding and institution. */
export function isCreditInput(input: Message | DomainEvent): input is CreditInput {
  const { data } = input;
  return (
    'metadata' in input &&
    (CREDIT_INPUT_TYPES as readonly string[]).includes(input.type) &&
    'findingId' in data &&
    typeof data.findingId === 'string' &&
    'institutionId' in data &&
    typeof data.institutionId === 'string'
  );
}

/** The stream a delivered input came from (RecordedEvents carry it). */
export function streamOf(input: Message): string | null {
  return 'streamName' in input && typeof input.streamName === 'string' && input.streamName.length > 0 ? input.streamName : null;
}

/** The inspection context's PlanVisit (kind `random` for a 双随机 draw). */
export type PlanVisit = Command<
  'PlanVisit',
  {
    readonly visitId: string;
    readonly kind: 'random';
    readonly institutionId: string;
    readonly inspectorIds: readonly string[];
    readonly plannedDate: string;
    readonly campaignId: string | null;
  }
>;

/** The ethics context's AddEthicsRecord, as the commitment-breach saga sends it for a staff pledge. */
export type AddEthicsRecordContract = Command<
  'AddEthicsRecord',
  {
    readonly recordId: string;
    readonly staffId: string;
    readonly institutionId: string;
    readonly source: {
      readonly kind: 'commitment';
      readonly commitmentId: string;
      readonly eventId: string;
      readonly stream: string | null;
    };
    readonly recordKind: 'commitment-breached';
    readonly summary: string;
    readonly evidence: readonly string[];
    readonly occurredAt: string;
    readonly causedBy: { readonly stream: string | null; readonly eventId: string };
  }
>;
