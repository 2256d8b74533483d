import { Inject, Injectable, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  Actor,
  Clock,
  CLOCK,
  DomainError,
  FULL_HISTORY_ROLES,
  HISTORY_SUMMARIES,
  HistorySummaries,
  streamName,
  summariseHistory,
} from '@bihuan/core';
import { EVENT_STORE, eventEntry, EventStore } from '@bihuan/event-store';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { streamState } from '@bihuan/processing';
import { ExistingFinding, FINDING_STREAM_CATEGORY, findingDecider, VISIT_STREAM_CATEGORY, visitDecider } from '../domain';
import { CountRow, CountsQueries, EvidenceFileQueries, LedgerQueries, VisitQueries } from '../read-models';
import { findingDetail } from './finding-views';
import { ExistingVisit, InspectionAccess } from './inspection-access';
import {
  FindingHistoryQuery,
  GetFindingQuery,
  GetVisitQuery,
  LedgerCountsQuery,
  LedgerQuery,
  LedgerView,
  ListFindingsQuery,
  ListVisitsQuery,
} from './inspection.queries';

/** The inspection read models on the read-model database. */
@Injectable()
export class InspectionReadModels {
  readonly ledger: LedgerQueries;
  readonly counts: CountsQueries;
  readonly visits: VisitQueries;
  readonly files: EvidenceFileQueries;

  constructor(@Inject(READ_MODELS) database: SqlDatabase) {
    this.ledger = new LedgerQueries(database);
    this.counts = new CountsQueries(database);
    this.visits = new VisitQueries(database);
    this.files = new EvidenceFileQueries(database);
  }
}

abstract class ReadHandler {
  constructor(
    @Inject(InspectionAccess) protected readonly scope: InspectionAccess,
    @Inject(InspectionReadModels) protected readonly rm: InspectionReadModels,
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected now(): string {
    return this.clock.now().toISOString();
  }

  /** Institutions the actor may read; a named institution must be known and in scope (400 / 403). */
  protected visible(actor: Actor, institutionId?: string): string[] {
    if (institutionId !== undefined) this.scope.requireInstitutionInScope(actor, institutionId);
    return this.scope.access.visibleInstitutions(actor);
  }

  /** The finding as the actor may read it (its visibility declaration). */
  protected async finding(actor: Actor, findingId: string): Promise<ExistingFinding> {
    const state = await streamState(this.store, streamName(FINDING_STREAM_CATEGORY, findingId), findingDecider);
    return this.scope.finding(actor, findingId)(state);
  }

  /** The visit as the actor may read it (its visibility declaration: 暗访 stays unannounced). */
  protected async visit(actor: Actor, visitId: string): Promise<ExistingVisit> {
    const state = await streamState(this.store, streamName(VISIT_STREAM_CATEGORY, visitId), visitDecider);
    return this.scope.visit(actor, visitId)(state);
  }
}

@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler extends ReadHandler implements IQueryHandler<ListFindingsQuery> {
  async execute({ actor, filter, cursor, pageSize, sort }: ListFindingsQuery) {
    return this.rm.ledger.list(filter, this.visible(actor, filter.institutionId), this.now(), cursor, pageSize, sort);
  }
}

@QueryHandler(GetFindingQuery)
export class GetFindingHandler extends ReadHandler implements IQueryHandler<GetFindingQuery> {
  async execute({ actor, findingId }: GetFindingQuery) {
    const state = await this.finding(actor, findingId);
    const now = this.now();
    const [ledger, files] = await Promise.all([this.rm.ledger.row(findingId, now), this.rm.files.files('finding', findingId)]);
    return findingDetail(state, now, ledger, files);
  }
}

@QueryHandler(FindingHistoryQuery)
export class FindingHistoryHandler extends ReadHandler implements IQueryHandler<FindingHistoryQuery> {
  constructor(
    @Inject(InspectionAccess) scope: InspectionAccess,
    @Inject(InspectionReadModels) rm: InspectionReadModels,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    // The audit's registry, bound by the app; absent in a module composed without it (entries unsummarised).
    @Optional() @Inject(HISTORY_SUMMARIES) private readonly summaries?: HistorySummaries,
  ) {
    super(scope, rm, store, clock);
  }

  async execute({ actor, findingId, all }: FindingHistoryQuery) {
    // Before anything is read: unfolding the bookkeeping is an auditor's switch, as on the audit's history.
    if (all) this.scope.access.assertRole(actor, FULL_HISTORY_ROLES, 'Showing every event of a finding history (?all=true)');
    await this.finding(actor, findingId);
    const entries = (await this.store.readStream(streamName(FINDING_STREAM_CATEGORY, findingId))).map(eventEntry);
    return { findingId, entries: this.summaries ? summariseHistory(entries, this.summaries, all) : entries };
  }
}

@QueryHandler(LedgerQuery)
export class LedgerHandler extends ReadHandler implements IQueryHandler<LedgerQuery> {
  async execute({ actor, scope }: LedgerQuery): Promise<LedgerView> {
    const now = this.now();
    if ('visitId' in scope) {
      const state = await this.visit(actor, scope.visitId);
      const { institutionId } = state.visit;
      const ledger = await this.rm.ledger.ledger({ visitId: scope.visitId }, this.visible(actor), now);
      const visit = await this.rm.visits.get(scope.visitId);
      const closed = visit ? visit.status === 'closed' : ledger.summary.closed;
      const institutionName = this.scope.jurisdiction.get(institutionId)?.name ?? institutionId;
      return { ...ledger, summary: { ...ledger.summary, closed }, scope: 'visit', institutionId, institutionName, visit, generatedAt: now };
    }
    const visible = this.visible(actor, scope.institutionId);
    const ledger = await this.rm.ledger.ledger({ institutionId: scope.institutionId }, visible, now);
    const institutionName = this.scope.jurisdiction.get(scope.institutionId)?.name ?? scope.institutionId;
    return { ...ledger, scope: 'institution', institutionId: scope.institutionId, institutionName, visit: null, generatedAt: now };
  }
}

@QueryHandler(LedgerCountsQuery)
export class LedgerCountsHandler extends ReadHandler implements IQueryHandler<LedgerCountsQuery> {
  async execute({ actor, filter }: LedgerCountsQuery) {
    const now = this.now();
    const counts = await this.rm.counts.counts(filter, this.visible(actor, filter.institutionId), now);
    const named = <R extends CountRow>(r: R): R => ({ ...r, name: this.scope.jurisdiction.get(r.key)?.name ?? r.key });
    return {
      ...counts,
      byInstitution: counts.byInstitution.map(named),
      byInstitutionCategory: counts.byInstitutionCategory.map(named),
      generatedAt: now,
    };
  }
}

@QueryHandler(ListVisitsQuery)
export class ListVisitsHandler extends ReadHandler implements IQueryHandler<ListVisitsQuery> {
  async execute({ actor, filter, cursor, pageSize }: ListVisitsQuery) {
    const hidePlanned = actor.role === 'hospital';
    return this.rm.visits.list(
      { ...filter, onlyConductedOrSelf: hidePlanned },
      this.visible(actor, filter.institutionId),
      cursor,
      pageSize,
    );
  }
}

@QueryHandler(GetVisitQuery)
export class GetVisitHandler extends ReadHandler implements IQueryHandler<GetVisitQuery> {
  async execute({ actor, visitId }: GetVisitQuery) {
    await this.visit(actor, visitId);
    const view = await this.rm.visits.get(visitId);
    if (!view) throw DomainError.notFound('INSPECTION.VISIT_NOT_FOUND', `visit ${visitId} is not in the read model yet; retry shortly`);
    const ledger = await this.rm.ledger.ledger({ visitId }, this.scope.access.visibleInstitutions(actor), this.now());
    const files = await this.rm.files.files('visit', visitId);
    return { ...view, ledger: { ...ledger.summary, closed: view.status === 'closed' }, files };
  }
}
