import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '@bihuan/platform';
import { ensureEthicsSchema } from './ethics-read-model.schema';

export interface EthicsArchiveRow {
  readonly staffId: string;
  readonly institutionId: string;
  readonly departmentId: string | null;
  readonly name: string | null;
  readonly implicit: boolean;
  readonly openedAt: string;
}

export interface EthicsRecordRow {
  readonly recordId: string;
  readonly staffId: string;
  readonly institutionId: string;
  readonly sourceKind: string;
  readonly recordKind: string | null;
  readonly category: string | null;
  readonly summary: string;
  readonly evidence: string[];
  readonly points: number;
  readonly vetoItem: string | null;
  readonly occurredAt: string;
  readonly year: number;
  readonly causedBy: { stream: string | null; eventId: string } | null;
  readonly addedBy: string;
  readonly retracted: boolean;
  readonly retractReason: string | null;
}

export interface EthicsEvaluationRow {
  readonly evaluationId: string;
  readonly institutionId: string;
  readonly year: number;
  readonly staffId: string;
  readonly departmentId: string | null;
  readonly status: string;
  readonly selfScore: number | null;
  readonly departmentScore: number | null;
  readonly assessedScore: number | null;
  readonly deductions: number | null;
  readonly additions: number | null;
  readonly finalScore: number | null;
  readonly vetoItems: string[];
  readonly provisionalGrade: string | null;
  readonly reason: string | null;
  readonly grade: string | null;
  readonly downgradedByCap: boolean | null;
  readonly passesPeriodicAssessment: boolean | null;
}

type Raw = Record<string, unknown>;
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1);
const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

/** Reads of the ethics read model; callers filter by scope before answering. */
@Injectable()
export class EthicsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {
    ensureEthicsSchema(db);
  }

  archive(staffId: string): EthicsArchiveRow | null {
    const r = this.db.prepare('SELECT * FROM ethics_archives WHERE staff_id = ?').get(staffId) as Raw | undefined;
    return r ? toArchive(r) : null;
  }

  archivesOf(institutionIds: readonly string[]): EthicsArchiveRow[] {
    if (institutionIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM ethics_archives WHERE institution_id IN (${institutionIds.map(() => '?').join(',')}) ORDER BY institution_id, staff_id`,
      )
      .all(...institutionIds) as Raw[];
    return rows.map(toArchive);
  }

  records(staffId: string): EthicsRecordRow[] {
    const rows = this.db.prepare('SELECT * FROM ethics_records WHERE staff_id = ? ORDER BY position').all(staffId) as Raw[];
    return rows.map((r) => ({
      recordId: String(r['record_id']),
      staffId: String(r['staff_id']),
      institutionId: String(r['institution_id']),
      sourceKind: String(r['source_kind']),
      recordKind: (r['record_kind'] as string | null) ?? null,
      category: (r['category'] as string | null) ?? null,
      summary: String(r['summary']),
      evidence: json<string[]>(r['evidence'], []),
      points: Number(r['points']),
      vetoItem: (r['veto_item'] as string | null) ?? null,
      occurredAt: String(r['occurred_at']),
      year: Number(r['year']),
      causedBy: json(r['caused_by'], null),
      addedBy: String(r['added_by']),
      retracted: r['retracted'] === 1,
      retractReason: (r['retract_reason'] as string | null) ?? null,
    }));
  }

  evaluations(institutionId: string, year: number): EthicsEvaluationRow[] {
    const rows = this.db
      .prepare('SELECT * FROM ethics_evaluations WHERE institution_id = ? AND year = ? ORDER BY staff_id')
      .all(institutionId, year) as Raw[];
    return rows.map(toEvaluation);
  }

  evaluation(evaluationId: string): EthicsEvaluationRow | null {
    const r = this.db.prepare('SELECT * FROM ethics_evaluations WHERE evaluation_id = ?').get(evaluationId) as Raw | undefined;
    return r ? toEvaluation(r) : null;
  }
}

function toArchive(r: Raw): EthicsArchiveRow {
  return {
    staffId: String(r['staff_id']),
    institutionId: String(r['institution_id']),
    departmentId: (r['department_id'] as string | null) ?? null,
    name: (r['name'] as string | null) ?? null,
    implicit: r['implicit'] === 1,
    openedAt: String(r['opened_at']),
  };
}

function toEvaluation(r: Raw): EthicsEvaluationRow {
  const num = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  return {
    evaluationId: String(r['evaluation_id']),
    institutionId: String(r['institution_id']),
    year: Number(r['year']),
    staffId: String(r['staff_id']),
    departmentId: (r['department_id'] as string | null) ?? null,
    status: String(r['status']),
    selfScore: num('self_score'),
    departmentScore: num('department_score'),
    assessedScore: num('assessed_score'),
    deductions: num('deductions'),
    additions: num('additions'),
    finalScore: num('final_score'),
    vetoItems: json<string[]>(r['veto_items'], []),
    provisionalGrade: (r['provisional_grade'] as string | null) ?? null,
    reason: (r['reason'] as string | null) ?? null,
    grade: (r['grade'] as string | null) ?? null,
    downgradedByCap: bool(r['downgraded_by_cap']),
    passesPeriodicAssessment: bool(r['passes_assessment']),
  };
}
