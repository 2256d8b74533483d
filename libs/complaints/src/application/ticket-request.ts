import { Command } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { StagedFile } from '@bihuan/platform';
import { PersonalIdentity } from '@bihuan/privacy';
import { ComplaintTicketStatus } from '../domain/complaint-ticket.state';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintComplexity,
  ComplaintDecision,
  DeclineGround,
  SatisfactionRating,
} from '../domain/complaint-vocabulary';

/**
 * The one command message of the complaint ticket (ADR 0005): what a person asks of a ticket,
 * validated by the controller's DTO. Its handler (ticket.handler.ts) builds the domain command on
 * the ticket's state. The answer is typed by `kind`: 受理 answers the code and secret too. Free
 * text must not contain the complainant's identity: only `identity` is encrypted.
 */
export class TicketRequest<B extends TicketRequestBody = TicketRequestBody> extends Command<TicketResultOf<B>> {
  constructor(
    readonly actor: Actor,
    readonly request: B,
    /** An intake that continues an exchange on the record (a partner's lead): the ticket joins its correlation. */
    readonly continues?: { readonly correlationId: string },
  ) {
    super();
  }
}

/** The complainant as the domain sees a public submission or a step taken with code + secret. */
export const PUBLIC_ACTOR: Actor = Object.freeze({ id: 'public', role: 'public', unit: 'public' });

/** What every step answers (docs/api/complaints.md). */
export interface TicketCommandResult {
  readonly ticketId: string;
  readonly status: ComplaintTicketStatus;
  /** Global log position of the last event written; null when the command changed nothing. */
  readonly position: number | null;
  readonly events: string[];
}

/** 受理 answers the code and the one-time secret for the complainant too (the log keeps the secret's hash only). */
export interface ReceivedTicket extends TicketCommandResult {
  readonly ticketCode: string;
  readonly secret: string;
}

export type IntakeKind = 'receive' | 'submit-public' | 'transfer-in';
export type TicketResultOf<B extends TicketRequestBody> = B extends { readonly kind: IntakeKind } ? ReceivedTicket : TicketCommandResult;

export interface IntakeRequest {
  readonly category: ComplaintCategory;
  readonly description: string;
  readonly identity?: PersonalIdentity | null;
  readonly institutionId?: string | null;
  readonly departmentId?: string | null;
  readonly staffId?: string | null;
  /** Consent to status SMS at the identity's phone (docs/notifications.md, 谁会收到什么). */
  readonly notifyBySms?: boolean;
}

type On<K extends string, D extends object = object> = { readonly kind: K; readonly ticketId: string } & Readonly<D>;

export type TicketRequestBody =
  /** 受理 by commission staff (any channel) or a hospital's complaint office (its own channels, about itself); the actor's unit receives it. */
  | ({ readonly kind: 'receive'; readonly channel: ComplaintChannel; readonly externalReference?: string | null } & IntakeRequest)
  /** 受理 from the public web form, routed to the commission named, the institution's, or the root. */
  | ({ readonly kind: 'submit-public'; readonly unitId?: string | null } & IntakeRequest)
  /** 受理 of a partner agency's lead (交办线索): channel agency-transfer, to the commission named, one ticket per lead reference. */
  | ({ readonly kind: 'transfer-in'; readonly unitId: string; readonly externalReference: string } & IntakeRequest)
  | On<'resolve-on-the-spot', { resolution: string }>
  | On<'dispatch', { institutionId: string; complexity: ComplaintComplexity; departmentIds: string[] }>
  | On<'decline', { ground: DeclineGround; reason: string }>
  /** 上报卫健委 by the hospital that received it: to the commission above it. */
  | On<'escalate', { reason: string }>
  | On<'acknowledge'>
  | On<'return', { reason: string }>
  | On<'note', { note: string }>
  | On<'decide', { decision: ComplaintDecision; findings: string; implicatedStaffId: string | null }>
  | On<'answer', { answer: string }>
  | On<'request-extension', { reason: string }>
  | On<'approve-extension', { extraWorkingDays: number }>
  | On<'deny-extension', { reason: string }>
  | On<'await-complainant', { reason: string }>
  | On<'complainant-reply', { note: string | null }>
  | On<'supervise', { reason: string }>
  | On<'follow-up', { rating: SatisfactionRating; comment: string | null }>
  | On<'close', { reason: string | null }>
  | On<'reopen', { reason: string; complexity: ComplaintComplexity }>
  /** 上传材料: a streamed upload (the upload guard staged it), by staff or — as PUBLIC_ACTOR — the complainant. */
  | On<'attach-evidence', { staged: StagedFile; note: string | null }>;
