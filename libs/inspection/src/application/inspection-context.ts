import { Inject, Injectable } from '@nestjs/common';
import { Actor, assertReadGranted, Clock, CLOCK, Command, CommandMetadata, Decider, DomainEvent, fold, ID_GENERATOR, IdGenerator, streamName } from '@bihuan/core';
import { AccessPolicy, assertInspectorsCover, Jurisdiction, readerOf, UserDirectory } from '@bihuan/auth';
import { WorkingCalendar } from '@bihuan/calendar';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CALENDAR, CalendarService, POLICIES, PolicyRegistry, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import {
  createFindingDecider,
  DEFAULT_INSPECTION_POLICY,
  FINDING_STREAM_CATEGORY,
  FindingCommand,
  FindingState,
  findingDecider,
  inspectionError,
  InspectionPolicy,
  VISIT_STREAM_CATEGORY,
  VisitCommand,
  visitDecider,
  VisitState,
  findingVisibility,
  visitVisibility,
} from '../domain';

/** What every command endpoint answers: the id of the case, and the log position of its last event. */
export interface CommandAck {
  readonly id: string;
  readonly position: number | null;
  /** Event types written (empty when the command changed nothing). */
  readonly events: readonly string[];
}

/** The context id under which inspection policy overrides are recorded (`policy-inspection`). */
export const INSPECTION_POLICY_CONTEXT = 'inspection';

type ExistingFinding = Exclude<FindingState, { status: 'none' }>;
type ExistingVisit = Exclude<VisitState, { status: 'none' }>;

/**
 * The shared plumbing of the inspection command handlers (architecture.md rule 8): metadata from
 * the clock and id generator, the policy and calendar in force, loading and scoping a case, and
 * `handleCommand` followed by read-your-writes. Handlers stay short and only build commands.
 */
@Injectable()
export class InspectionContext {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(CALENDAR) private readonly calendars: CalendarService,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(AccessPolicy) readonly access: AccessPolicy,
    @Inject(Jurisdiction) readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  metadata(actor: Actor, now = this.now()): CommandMetadata {
    const commandId = this.ids.next();
    return { commandId, correlationId: commandId, causationId: null, actor, now };
  }

  policy(): Promise<InspectionPolicy> {
    return this.policies.current(INSPECTION_POLICY_CONTEXT, DEFAULT_INSPECTION_POLICY);
  }

  calendar(): Promise<WorkingCalendar> {
    return this.calendars.current();
  }

  /** The finding's state, by its visibility declaration: 404 when it was never opened, 403 outside the actor's scope. */
  async finding(findingId: string, actor: Actor): Promise<ExistingFinding> {
    const events = await this.store.readStream(streamName(FINDING_STREAM_CATEGORY, findingId));
    const state = fold(findingDecider, events as never[]);
    const notFound = () => inspectionError('FINDING_NOT_FOUND', `finding ${findingId} does not exist`);
    assertReadGranted(findingVisibility.decide(readerOf(this.access, actor), state), notFound);
    if (state.status === 'none') throw notFound();
    return state;
  }

  /**
   * The visit's state, by its visibility declaration: 404 when it was never planned — or when it
   * is a commission visit not yet carried out and the actor is the hospital it targets (暗访) — 403
   * outside the actor's scope.
   */
  async visit(visitId: string, actor: Actor): Promise<ExistingVisit> {
    const events = await this.store.readStream(streamName(VISIT_STREAM_CATEGORY, visitId));
    const state = fold(visitDecider, events as never[]);
    const notFound = () => inspectionError('VISIT_NOT_FOUND', `visit ${visitId} does not exist`);
    assertReadGranted(visitVisibility.decide(readerOf(this.access, actor), state), notFound);
    if (state.status === 'none') throw notFound();
    return state;
  }

  /** 400 naming `field` for an unknown institution, 403 when it lies outside the actor's scope. */
  requireInstitutionInScope(actor: Actor, institutionId: string, field = 'institutionId'): void {
    this.jurisdiction.requireInstitution(institutionId, field);
    this.access.assertInScope(actor, institutionId, 'institution');
  }

  /** Each named inspector must be a known, active inspector whose unit covers the institution (400 / 422 naming `inspectorIds[i]`). */
  requireInspectorsCover(inspectorIds: readonly string[] | undefined, institutionId: string): void {
    if (inspectorIds) assertInspectorsCover(this.directory, this.jurisdiction, inspectorIds, institutionId);
  }

  async sendToFinding(findingId: string, command: FindingCommand, policy: InspectionPolicy): Promise<CommandAck> {
    return this.send(streamName(FINDING_STREAM_CATEGORY, findingId), findingId, createFindingDecider(policy), command);
  }

  async sendToVisit(visitId: string, command: VisitCommand): Promise<CommandAck> {
    return this.send(streamName(VISIT_STREAM_CATEGORY, visitId), visitId, visitDecider, command);
  }

  private async send<C extends Command, E extends DomainEvent, S>(stream: string, id: string, decider: Decider<C, E, S>, command: C): Promise<CommandAck> {
    const result = await handleCommand(this.store, stream, decider, command);
    const position = result.events.length > 0 ? result.events[result.events.length - 1]!.position : null;
    await this.sync.waitFor(position);
    // Workflows (visit closure) may have answered with events of their own: let reads see those too.
    const head = await this.store.headPosition();
    if (position !== null && head !== null && head > position) await this.sync.waitFor(head);
    return { id, position, events: result.events.map((e) => e.type) };
  }
}
