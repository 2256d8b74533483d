import { Command, Message } from '@bihuan/core';

/**
 * Input events and output commands the credit sagas share with other contexts, declared here
 * because a workflow folder may import only @bihuan/core. They mirror, field for field:
 * - ComplaintDecided: libs/complaints/src/domain/complaint-ticket.events.ts
 * - FindingOpened / FindingEscalated / FindingWithdrawn: libs/inspection/src/domain/finding/finding.events.ts
 * - PlanVisit: libs/inspection/src/domain/visit/visit.commands.ts
 * - AddEthicsRecord: libs/ethics/src/domain/archive/ethics-archive.commands.ts
 * Only the fields read here are listed; extra fields are ignored.
 */
export interface ComplaintDecidedData {
  readonly ticketId: string;
  readonly round: number;
  readonly institutionId: string;
  readonly category: string;
  readonly decision: string;
  readonly findings: string;
  readonly decidedAt: string;
}
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
  | Message<'ComplaintDecided', ComplaintDecidedData>
  | Message<'FindingOpened', FindingOpenedData>
  | Message<'FindingEscalated', FindingEscalatedData>
  | Message<'FindingWithdrawn', FindingWithdrawnData>;

export const CREDIT_INPUT_TYPES: readonly CreditInput['type'][] = ['ComplaintDecided', 'FindingOpened', 'FindingEscalated', 'FindingWithdrawn'];

export function isCreditInput(input: Message): input is CreditInput {
  const d = input.data as { institutionId?: unknown };
  return (CREDIT_INPUT_TYPES as readonly string[]).includes(input.type) && typeof d.institutionId === 'string';
}

/** The stream a delivered input came from (RecordedEvents carry it). */
export function streamOf(input: Message): string | null {
  const stream = (input as Message & { readonly streamName?: unknown }).streamName;
  return typeof stream === 'string' && stream.length > 0 ? stream : null;
}

/** The inspection context's PlanVisit (kind `random` for a 双随机 draw). */
export type PlanVisit = Command<'PlanVisit', {
  readonly visitId: string;
  readonly kind: 'random';
  readonly institutionId: string;
  readonly inspectorIds: readonly string[];
  readonly plannedDate: string;
  readonly campaignId: string | null;
}>;

/** The ethics context's AddEthicsRecord, as the commitment-breach saga sends it for a staff pledge. */
export type AddEthicsRecordContract = Command<'AddEthicsRecord', {
  readonly recordId: string;
  readonly staffId: string;
  readonly institutionId: string;
  readonly source: { readonly kind: 'commitment'; readonly commitmentId: string; readonly eventId: string; readonly stream: string | null };
  readonly recordKind: 'commitment-breached';
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly occurredAt: string;
  readonly causedBy: { readonly stream: string | null; readonly eventId: string };
}>;
