import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { EvidenceFile, Role } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { CommandExecution, POLICIES, PolicyRegistry, READ_MODELS } from '@bihuan/platform';
import { CREDIT_POLICY } from '../application/credit-writes';
import { drawDocument, DrawDocument } from '../application/draw-document';
import { CreditPointsAdded } from '../domain/archive/credit-archive.events';
import { CreditArchiveState, CreditRecord, initialCreditArchiveState, PointsEntry } from '../domain/archive/credit-archive.state';
import { creditLevel, CreditLevelResult } from '../domain/archive/credit-level';
import { creditViewFor, CreditView, VisibleListEntry, visibleListEntries } from '../domain/archive/credit-views';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider } from '../domain/draw/random-draw.decider';
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
  ) {
    this.db = database.db.withTables<CreditTables>();
  }

  policy(): Promise<CreditPolicy> {
    return this.policies.current(CREDIT_POLICY.context, CREDIT_POLICY.defaults);
  }

  now(): string {
    return this.execution.now();
  }

  /** A draw with its seed, inputs and result, folded from its stream (null: no such draw). */
  async draw(drawId: string): Promise<DrawDocument | null> {
    return drawDocument(await this.execution.state(randomDrawDecider(), RANDOM_DRAW_CATEGORY, drawId));
  }

  /**
   * The archives and their points entries (ADR 0006), as creditLevel and creditViewFor take them:
   * two queries however many institutions, each institution's entries in cycle and id order.
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
    return records;
  }

  private async record(institutionId: string): Promise<CreditRecord> {
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
      const reason = role !== 'partner' && result.reason === 'black list' ? 'withheld' : result.reason;
      return { institutionId, asOf: now, ...result, reason };
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
