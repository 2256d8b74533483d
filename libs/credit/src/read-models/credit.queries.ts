import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { EvidenceFile, isEventOf, Reader, Role, streamName } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { CommandExecution, POLICIES, PolicyRegistry, READ_MODELS } from '@bihuan/platform';
import { LiveDirectory } from '@bihuan/directory';
import { ApplicantDirectory } from '../application/applicant-directory';
import { CREDIT_POLICY } from '../application/credit-writes';
import { assertDrawReadable, DrawAnswer, drawDocument, publicDrawDocument, PublicDrawDocument } from '../application/draw-document';
import { CreditPointsAdded } from '../domain/archive/credit-archive.events';
import { CreditArchiveState, CreditRecord, initialCreditArchiveState, PointsEntry } from '../domain/archive/credit-archive.state';
import { creditLevel, CreditLevelResult } from '../domain/archive/credit-level';
import { creditViewFor, CreditView, levelReasonFor, VisibleListEntry, visibleListEntries } from '../domain/archive/credit-views';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import {
  evolveRandomDraw,
  initialRandomDrawState,
  RANDOM_DRAW_CATEGORY,
  randomDrawDecider,
  RandomDrawState,
} from '../domain/draw/random-draw.decider';
import { drawnVisitOutcome, DrawnVisitState, RANDOM_DRAW_EVENTS } from '../domain/draw/random-draw.messages';
import { withApplicantRecords } from '../domain/subject/credit-check.result';
import { organisationSubjectKey } from '../domain/subject/credit-subject.messages';
import { CreditSubjectState } from '../domain/subject/credit-subject.state';
import { drawnVisitId, VISIT_STREAM_CATEGORY } from '../workflows/random-draw-visits.workflow';
import { CreditTables } from './credit-read-model.schema';

/** A level as a reader may see it: the black-list reason is named only to partners. */
export interface VisibleCreditLevel extends CreditLevelResult {
  readonly institutionId: string;
  readonly asOf: string;
}

export interface DrawListRow {
  readonly drawId: string;
  readonly jurisdiction: string;
  readonly status: string;
  readonly requestedAt: string;
  readonly visits: number | null;
}

/** The read model as a draw takes it (CreditQueries.drawInputs). */
export interface DrawReadModel {
  /** Each institution's level as of `now` under `policy`. */
  levelsAt(now: string, policy: CreditPolicy): Map<string, CreditLevelResult>;
}

/**
 * Reads of the credit read model. Archive information leaves only through `view` (creditViewFor:
 * the role decides the information classes), and a level's reason is redacted for every role but
 * `partner` when it is the black list — the one read path that would otherwise reveal it. Levels
 * and views are computed as of `now()` under the policy in force (`policy()`).
 */
@Injectable()
export class CreditQueries {
  private readonly db: Kysely<CreditTables>;

  constructor(
    @Inject(READ_MODELS) database: SqlDatabase,
    private readonly execution: CommandExecution,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(LiveDirectory) private readonly directory: ApplicantDirectory,
  ) {
    this.db = database.db.withTables<CreditTables>();
  }

  policy(): Promise<CreditPolicy> {
    return this.policies.current(CREDIT_POLICY.context, CREDIT_POLICY.defaults);
  }

  now(): string {
    return this.execution.now();
  }

  /** A draw as the reader may read it, with the log position of its last event (404 unknown, 403 out of scope). */
  async drawFor(reader: Reader, drawId: string): Promise<DrawAnswer> {
    const events = await this.execution.store.readStream(streamName(RANDOM_DRAW_CATEGORY, drawId));
    const state = events.reduce<RandomDrawState>(
      (s, e) => (isEventOf(RANDOM_DRAW_EVENTS, e) ? evolveRandomDraw(s, e) : s),
      initialRandomDrawState,
    );
    assertDrawReadable(reader, drawId, state);
    const document = drawDocument(reader, state)!;
    const drawnVisits = document.visits ? await this.drawnVisitStates(drawId, document.visits) : null;
    return { ...document, position: events.at(-1)?.position ?? null, drawnVisits };
  }

  /**
   * How each drawn visit stands now, from its own stream (the inspection context's events, read by
   * name): what the reveal records, and what the staff read before it. A visit the saga has not yet
   * planned is pending.
   */
  async drawnVisitStates(drawId: string, visits: readonly { readonly institutionId: string }[]): Promise<DrawnVisitState[]> {
    return Promise.all(
      visits.map(async ({ institutionId }) => {
        const visitId = drawnVisitId(drawId, institutionId);
        const events = await this.execution.store.readStream(streamName(VISIT_STREAM_CATEGORY, visitId));
        return { institutionId, visitId, outcome: drawnVisitOutcome(events.map((e) => e.type)) };
      }),
    );
  }

  /** A draw as the public may read it (null: the public may not know it). */
  async publicDraw(drawId: string): Promise<PublicDrawDocument | null> {
    return publicDrawDocument(await this.execution.state(randomDrawDecider(), RANDOM_DRAW_CATEGORY, drawId));
  }

  /**
   * The archives and their points entries (ADR 0006), as creditLevel and creditViewFor take them,
   * each joined with the records its 统一社会信用代码 gathered as an applicant (ADR 0019): three
   * queries however many institutions, each institution's entries in cycle and id order.
   */
  private async records(institutionIds: readonly string[]): Promise<Map<string, CreditRecord>> {
    const records = new Map<string, { archive: CreditArchiveState; points: PointsEntry[] }>(
      institutionIds.map((id) => [id, { archive: initialCreditArchiveState, points: [] }]),
    );
    if (records.size === 0) return records;
    const ids = [...records.keys()];
    const archives = await this.db
      .selectFrom('credit_archive_states')
      .select(['institution_id', 'state'])
      .where('institution_id', 'in', ids)
      .execute();
    for (const a of archives) records.get(a.institution_id)!.archive = JSON.parse(a.state) as CreditArchiveState;
    const entries = await this.db
      .selectFrom('credit_points')
      .select(['institution_id', 'entry', 'revoked'])
      .where('institution_id', 'in', ids)
      .orderBy('institution_id')
      .orderBy('cycle_no')
      .orderBy('points_id')
      .execute();
    for (const e of entries)
      records.get(e.institution_id)!.points.push({ ...(JSON.parse(e.entry) as CreditPointsAdded['data']), revoked: e.revoked === 1 });
    return this.withApplicants(records);
  }

  /** Each institution's record with its applicant records, by the code the directory holds for it now. */
  private async withApplicants(records: Map<string, CreditRecord>): Promise<Map<string, CreditRecord>> {
    const owners = new Map<string, string>();
    for (const id of records.keys()) {
      const code = this.directory.profileOf(id)?.creditCode;
      if (code) owners.set(organisationSubjectKey(code), id);
    }
    if (owners.size === 0) return records;
    const subjects = await this.db
      .selectFrom('credit_subjects')
      .select(['subject_key', 'state'])
      .where('subject_key', 'in', [...owners.keys()])
      .execute();
    for (const s of subjects) {
      const id = owners.get(s.subject_key)!;
      records.set(id, withApplicantRecords(id, records.get(id)!, JSON.parse(s.state) as CreditSubjectState));
    }
    return records;
  }

  /** One institution's record (with its applicant records), as levels and views read it. */
  async record(institutionId: string): Promise<CreditRecord> {
    return (await this.records([institutionId])).get(institutionId)!;
  }

  async view(
    role: Role | 'anonymous',
    institutionId: string,
    now: string,
    policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
  ): Promise<CreditView | null> {
    return creditViewFor(role, await this.record(institutionId), now, policy);
  }

  /** The files attached to an archive (signed agreements …), oldest first: for staff readers, never the public page. */
  async files(institutionId: string): Promise<EvidenceFile[]> {
    const archive = (await this.record(institutionId)).archive;
    return archive.status === 'open' ? Object.values(archive.files ?? {}) : [];
  }

  async level(role: Role, institutionId: string, now: string, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): Promise<VisibleCreditLevel> {
    return (await this.levels(role, [institutionId], now, policy))[0]!;
  }

  /** Levels of several institutions in the given order, as `level` answers each (one read for all). */
  async levels(
    role: Role,
    institutionIds: readonly string[],
    now: string,
    policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
  ): Promise<VisibleCreditLevel[]> {
    const records = await this.records(institutionIds);
    return institutionIds.map((institutionId) => {
      const result = creditLevel(records.get(institutionId)!, now, policy);
      return { institutionId, asOf: now, ...result, reason: levelReasonFor(role, result.reason) };
    });
  }

  /** The active red-list entries (and for partners the black-list ones) of the institutions, oldest first. */
  async listEntries(role: Role, institutionIds: readonly string[]): Promise<VisibleListEntry[]> {
    const records = await this.records(institutionIds);
    return institutionIds.flatMap((id) => visibleListEntries(role, records.get(id)!));
  }

  /**
   * What a draw reads of the read model before it is decided (system use: the real levels, not a
   * reader's view). Levels are computed when the command is built, as of its `now` and under the
   * policy it is decided with; the rows are read beforehand, since building a command is synchronous.
   */
  async drawInputs(institutionIds: readonly string[]): Promise<DrawReadModel> {
    const records = await this.records(institutionIds);
    return { levelsAt: (now, policy) => new Map(institutionIds.map((id) => [id, creditLevel(records.get(id)!, now, policy)])) };
  }

  async draws(jurisdictions: readonly string[]): Promise<DrawListRow[]> {
    if (jurisdictions.length === 0) return [];
    const rows = await this.db
      .selectFrom('credit_draws')
      .selectAll()
      .where('jurisdiction', 'in', jurisdictions)
      .orderBy('requested_at', 'desc')
      .execute();
    return rows.map((r) => ({
      drawId: r.draw_id,
      jurisdiction: r.jurisdiction,
      status: r.status,
      requestedAt: r.requested_at,
      visits: r.visits === null ? null : Number(r.visits),
    }));
  }
}
