import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Role } from '@bihuan/core';
import { CommandExecution, POLICIES, PolicyRegistry, READ_MODEL_DB } from '@bihuan/platform';
import { CREDIT_POLICY } from '../application/credit-writes';
import { drawDocument, DrawDocument } from '../application/draw-document';
import { CreditPointsAdded } from '../domain/archive/credit-archive.events';
import { CreditArchiveState, CreditRecord, initialCreditArchiveState, PointsEntry } from '../domain/archive/credit-archive.state';
import { creditLevel, CreditLevelResult } from '../domain/archive/credit-level';
import { creditViewFor, CreditView } from '../domain/archive/credit-views';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider } from '../domain/draw/random-draw.decider';
import { ensureCreditSchema } from './credit-read-model.schema';

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

/**
 * Reads of the credit read model. Archive information leaves only through `view` (creditViewFor:
 * the role decides the information classes), and a level's reason is redacted for every role but
 * `partner` when it is the black list — the one read path that would otherwise reveal it. Levels
 * and views are computed as of `now()` under the policy in force (`policy()`).
 */
@Injectable()
export class CreditQueries {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly execution: CommandExecution,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
  ) {
    ensureCreditSchema(db);
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

  /** The archive and its points entries (ADR 0006), as creditLevel and creditViewFor take them. */
  private state(institutionId: string): CreditRecord {
    const row = this.db.prepare('SELECT state FROM credit_archive_states WHERE institution_id = ?').get(institutionId) as
      { state: string } | undefined;
    const archive = row ? (JSON.parse(row.state) as CreditArchiveState) : initialCreditArchiveState;
    const rows = this.db
      .prepare('SELECT entry, revoked FROM credit_points WHERE institution_id = ? ORDER BY cycle_no, points_id')
      .all(institutionId) as { entry: string; revoked: number }[];
    const points = rows.map((r): PointsEntry => ({ ...(JSON.parse(r.entry) as CreditPointsAdded['data']), revoked: r.revoked === 1 }));
    return { archive, points };
  }

  view(role: Role | 'anonymous', institutionId: string, now: string, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditView | null {
    return creditViewFor(role, this.state(institutionId), now, policy);
  }

  level(role: Role, institutionId: string, now: string, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): VisibleCreditLevel {
    const result = creditLevel(this.state(institutionId), now, policy);
    const reason = role !== 'partner' && result.reason === 'black list' ? 'withheld' : result.reason;
    return { institutionId, asOf: now, ...result, reason };
  }

  /** Levels for the draw (system use: the real level, not a reader's view). */
  drawLevels(institutionIds: readonly string[], now: string, policy: CreditPolicy): Map<string, CreditLevelResult> {
    return new Map(institutionIds.map((id) => [id, creditLevel(this.state(id), now, policy)]));
  }

  conflictsOf(inspectorIds: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>(inspectorIds.map((id) => [id, []]));
    const rows = this.db.prepare('SELECT inspector_id, institution_id FROM credit_conflicts ORDER BY institution_id').all() as {
      inspector_id: string;
      institution_id: string;
    }[];
    for (const r of rows) out.get(r.inspector_id)?.push(r.institution_id);
    return out;
  }

  conflicts(): { inspectorId: string; institutionId: string; reason: string; declaredAt: string }[] {
    const rows = this.db.prepare('SELECT * FROM credit_conflicts ORDER BY inspector_id, institution_id').all() as Record<string, string>[];
    return rows.map((r) => ({
      inspectorId: r['inspector_id']!,
      institutionId: r['institution_id']!,
      reason: r['reason']!,
      declaredAt: r['declared_at']!,
    }));
  }

  draws(jurisdictions: readonly string[]): DrawListRow[] {
    if (jurisdictions.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM credit_draws WHERE jurisdiction IN (${jurisdictions.map(() => '?').join(',')}) ORDER BY requested_at DESC`)
      .all(...jurisdictions) as Record<string, unknown>[];
    return rows.map((r) => ({
      drawId: String(r['draw_id']),
      jurisdiction: String(r['jurisdiction']),
      status: String(r['status']),
      requestedAt: String(r['requested_at']),
      visits: r['visits'] === null ? null : Number(r['visits']),
    }));
  }
}
