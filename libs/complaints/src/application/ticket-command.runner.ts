import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@bihuan/auth';
import { WorkingCalendar } from '@bihuan/calendar';
import { Actor, Clock, CLOCK, Command, CommandMetadata, Decider, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CALENDAR, CalendarService, POLICIES, PolicyRegistry, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY } from '../domain/complaint-policy';
import { ComplaintTicketCommand } from '../domain/complaint-ticket.commands';
import { complaintTicketDecider, complaintTicketStream } from '../domain/complaint-ticket.decider';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { ComplaintTicketState, ComplaintTicketStatus } from '../domain/complaint-ticket.state';
import { assertTicketScope } from './ticket-scope';

/** Policy context name in the PolicyRegistry (`policy-complaints`). */
export const COMPLAINTS_POLICY_CONTEXT = 'complaints';

/** What a command body may be computed from: the instant, the policy and calendar in force. */
export interface TicketContext {
  readonly now: string;
  readonly policy: ComplaintPolicy;
  readonly calendar: WorkingCalendar;
}

/** A domain command without its metadata, built from the state it will be decided on. */
export type CommandBody = Pick<ComplaintTicketCommand, 'type' | 'data'>;
export type BuildCommand = (state: ComplaintTicketState, ctx: TicketContext) => CommandBody;

/** What every complaint command endpoint answers. */
export interface TicketCommandResult {
  readonly ticketId: string;
  readonly status: ComplaintTicketStatus;
  /** Global log position of the last event written; null when the command changed nothing. */
  readonly position: number | null;
  readonly events: string[];
}

/**
 * Runs one complaint command: loads policy and calendar, then handleCommand with a decider that
 * checks scope and builds the command body on the state it decides on (so working-ms pauses,
 * resumes and extensions are computed from exactly that state), then waits for the read models.
 */
@Injectable()
export class TicketCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CALENDAR) private readonly calendars: CalendarService,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async context(): Promise<TicketContext> {
    const [policy, calendar] = await Promise.all([
      this.policies.current(COMPLAINTS_POLICY_CONTEXT, DEFAULT_COMPLAINT_POLICY),
      this.calendars.current(),
    ]);
    return { now: this.clock.now().toISOString(), policy, calendar };
  }

  /** An existing ticket: scope is checked first (404 unknown, 403 out of scope), then the domain. */
  run(ticketId: string, actor: Actor, build: BuildCommand): Promise<TicketCommandResult> {
    return this.execute(ticketId, actor, build, (state) => assertTicketScope(this.access, actor, state));
  }

  /** A new ticket (ReceiveComplaint); the decider refuses an existing stream. */
  create(ticketId: string, actor: Actor, build: BuildCommand): Promise<TicketCommandResult> {
    return this.execute(ticketId, actor, build, () => undefined);
  }

  private async execute(ticketId: string, actor: Actor, build: BuildCommand, check: (s: ComplaintTicketState) => void): Promise<TicketCommandResult> {
    const ctx = await this.context();
    const metadata: CommandMetadata = { commandId: this.ids.next(), correlationId: this.ids.next(), causationId: null, actor, now: ctx.now };
    const decider: Decider<Command, ComplaintTicketEvent, ComplaintTicketState> = {
      initialState: complaintTicketDecider.initialState,
      evolve: complaintTicketDecider.evolve,
      decide: (_placeholder, state) => {
        check(state);
        return complaintTicketDecider.decide({ ...build(state, ctx), metadata } as ComplaintTicketCommand, state);
      },
    };
    const result = await handleCommand(this.store, complaintTicketStream(ticketId), decider, { type: 'Build', data: {}, metadata });
    const last = result.events[result.events.length - 1];
    const position = last ? last.position : null;
    await this.sync.waitFor(position);
    return { ticketId, status: result.newState.status, position, events: result.events.map((e) => e.type) };
  }
}
