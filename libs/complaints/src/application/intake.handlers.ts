import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, DomainError, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { complaintError } from '../domain/complaint-errors';
import { ComplaintChannel } from '../domain/complaint-vocabulary';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';
import { ComplainantIdentityService } from './complainant-identity.service';
import {
  DeclineComplaintCommand,
  DispatchComplaintCommand,
  IntakeInput,
  ReceiveComplaintCommand,
  ReceivedTicket,
  ResolveOnTheSpotCommand,
  SubmitPublicComplaintCommand,
} from './complaints.commands';
import { clockTerms } from './complaint-terms';
import { ExternalReferences } from './external-references';
import { generateSecret, generateTicketCode, hashSecret } from './public-secret';
import { TicketCommandResult, TicketCommandRunner } from './ticket-command.runner';

/** The complainant as the domain sees a public submission. */
export const PUBLIC_ACTOR: Actor = Object.freeze({ id: 'public', role: 'public', unit: 'public' });

/** 受理 for staff and the public: new id, unique code, hashed secret, encrypted identity. */
export class Intake {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly identities: ComplainantIdentityService,
    private readonly queries: ComplaintTicketQueries,
    private readonly jurisdiction: Jurisdiction,
    private readonly ids: IdGenerator,
    private readonly references: ExternalReferences,
    private readonly staff: StaffDirectory,
  ) {}

  /** A named staff member needs the institution named too, and must be on its staff (assertStaffOf). */
  private async checkStaff(input: IntakeInput): Promise<void> {
    if (!input.staffId) return;
    if (!input.institutionId) throw complaintError('STAFF_WITHOUT_INSTITUTION', 'staffId needs the institutionId the staff member works at', { field: 'staffId' });
    await assertStaffOf(this.staff, input.staffId, input.institutionId);
  }

  async receive(actor: Actor, input: IntakeInput & { channel: ComplaintChannel; externalReference?: string | null }, receivingUnit: string): Promise<ReceivedTicket & { secret: string }> {
    if (input.institutionId) this.jurisdiction.requireInstitution(input.institutionId, 'institutionId');
    await this.checkStaff(input);
    const ticketId = this.ids.next();
    const reference = input.externalReference ?? null;
    if (reference) await this.references.claim(reference, ticketId, actor);
    try {
      return await this.create(ticketId, actor, { ...input, externalReference: reference }, receivingUnit);
    } catch (error) {
      if (reference) await this.references.release(reference, ticketId, actor);
      throw error;
    }
  }

  private async create(ticketId: string, actor: Actor, input: IntakeInput & { channel: ComplaintChannel; externalReference: string | null }, receivingUnit: string): Promise<ReceivedTicket & { secret: string }> {
    let ticketCode = generateTicketCode();
    while (this.queries.codeExists(ticketCode)) ticketCode = generateTicketCode();
    const secret = generateSecret();
    const complainant = await this.identities.protect(input.identity);
    const result = await this.runner.create(ticketId, actor, () => ({
      type: 'ReceiveComplaint',
      data: {
        ticketId,
        ticketCode,
        secretHash: hashSecret(secret),
        channel: input.channel,
        category: input.category,
        description: input.description,
        complainant,
        institutionId: input.institutionId ?? null,
        departmentId: input.departmentId ?? null,
        staffId: input.staffId ?? null,
        externalReference: input.externalReference,
        receivingUnit,
      },
    }));
    return { ...result, ticketCode, secret };
  }

  /** 400 naming `institutionId` when it is not a known institution. */
  requireInstitution(institutionId: string): void {
    this.jurisdiction.requireInstitution(institutionId, 'institutionId');
  }

  /** The commission a public complaint goes to: the one named, else the institution's, else the root. */
  publicReceivingUnit(unitId: string | null | undefined, institutionId: string | null | undefined): string {
    if (unitId) {
      const unit = this.jurisdiction.require(unitId, 'unitId');
      if (unit.kind === 'institution') throw DomainError.invalid('COMPLAINT.NOT_A_COMMISSION', 'unitId', 'unitId must name a health commission, not an institution');
      return unit.id;
    }
    if (institutionId) {
      const parent = this.jurisdiction.requireInstitution(institutionId, 'institutionId').parentId;
      if (parent) return parent;
    }
    const root = this.jurisdiction.all().find((u) => u.parentId === null);
    if (!root) throw new Error('The jurisdiction has no root unit');
    return root.id;
  }
}

@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand> {
  constructor(
    private readonly intake: Intake,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  /**
   * Staff receive complaints about institutions of their own jurisdiction (the institution named is a
   * reference the actor must be in scope of); one about an institution elsewhere goes to the
   * commission competent for it, as the public intake routes it.
   */
  async execute({ actor, input }: ReceiveComplaintCommand): Promise<ReceivedTicket & { secret: string }> {
    if (input.institutionId) {
      this.intake.requireInstitution(input.institutionId);
      this.access.assertInScope(actor, input.institutionId, 'complaints about the institution');
    }
    return this.intake.receive(actor, input, actor.unit);
  }
}

@CommandHandler(SubmitPublicComplaintCommand)
export class SubmitPublicComplaintHandler implements ICommandHandler<SubmitPublicComplaintCommand> {
  constructor(private readonly intake: Intake) {}
  async execute({ input }: SubmitPublicComplaintCommand): Promise<{ ticketCode: string; secret: string }> {
    const unit = this.intake.publicReceivingUnit(input.unitId, input.institutionId);
    const { ticketCode, secret } = await this.intake.receive(PUBLIC_ACTOR, { ...input, channel: 'web' }, unit);
    return { ticketCode, secret };
  }
}

@CommandHandler(ResolveOnTheSpotCommand)
export class ResolveOnTheSpotHandler implements ICommandHandler<ResolveOnTheSpotCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: ResolveOnTheSpotCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'ResolveComplaintOnTheSpot', data: { resolution: c.resolution } }));
  }
}

/** 转办: acknowledge and answer clocks from the day after receipt (first dispatch) or now (re-dispatch). */
@CommandHandler(DispatchComplaintCommand)
export class DispatchComplaintHandler implements ICommandHandler<DispatchComplaintCommand> {
  constructor(
    private readonly runner: TicketCommandRunner,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}
  execute(c: DispatchComplaintCommand): Promise<TicketCommandResult> {
    this.jurisdiction.requireInstitution(c.institutionId, 'institutionId');
    this.access.assertInScope(c.actor, c.institutionId, 'the institution');
    return this.runner.run(c.ticketId, c.actor, (state, { now, policy, calendar }) => {
      const startedAt = state.status !== 'none' && state.round === 0 ? state.receivedAt : now;
      return {
        type: 'DispatchComplaint',
        data: {
          institutionId: c.institutionId,
          departmentIds: c.departmentIds,
          complexity: c.complexity,
          policy,
          acknowledge: clockTerms(calendar, policy, startedAt, policy.acknowledgeWorkingDays, now),
          answer: clockTerms(calendar, policy, startedAt, policy.answerWorkingDays[c.complexity], now),
        },
      };
    });
  }
}

@CommandHandler(DeclineComplaintCommand)
export class DeclineComplaintHandler implements ICommandHandler<DeclineComplaintCommand> {
  constructor(private readonly runner: TicketCommandRunner) {}
  execute(c: DeclineComplaintCommand): Promise<TicketCommandResult> {
    return this.runner.run(c.ticketId, c.actor, () => ({ type: 'DeclineComplaint', data: { ground: c.ground, reason: c.reason } }));
  }
}

/** Nest factory for Intake (plain class: its collaborators come from DI tokens). */
export const INTAKE_PROVIDER = {
  provide: Intake,
  useFactory: (
    runner: TicketCommandRunner,
    identities: ComplainantIdentityService,
    queries: ComplaintTicketQueries,
    jurisdiction: Jurisdiction,
    ids: IdGenerator,
    references: ExternalReferences,
    staff: StaffDirectory,
  ) => new Intake(runner, identities, queries, jurisdiction, ids, references, staff),
  inject: [TicketCommandRunner, ComplainantIdentityService, ComplaintTicketQueries, Jurisdiction, ID_GENERATOR, ExternalReferences, StaffDirectory],
};
