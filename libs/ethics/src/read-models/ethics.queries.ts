import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { EthicsTables } from './ethics-read-model.schema';

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

/** A file of an archive; a record's `evidence` names these by digest (free text in records from before). */
export interface EthicsFileRow {
  readonly digest: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly note: string | null;
  readonly attachedBy: string;
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

type Tables = EthicsTables;
const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const json = <T>(v: string | null, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

/** Reads of the ethics read model; callers filter by scope before answering. */
@Injectable()
export class EthicsQueries {
  private readonly db: Kysely<Tables>;

  constructor(@Inject(READ_MODELS) database: SqlDatabase) {
    this.db = database.db.withTables<Tables>();
  }

  async archive(staffId: string): Promise<EthicsArchiveRow | null> {
    const r = await this.db.selectFrom('ethics_archives').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
    return r ? toArchive(r) : null;
  }

  async archivesOf(institutionIds: readonly string[]): Promise<EthicsArchiveRow[]> {
    if (institutionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('ethics_archives')
      .selectAll()
      .where('institution_id', 'in', institutionIds)
      .orderBy('institution_id')
      .orderBy('staff_id')
      .execute();
    return rows.map(toArchive);
  }

  async records(staffId: string): Promise<EthicsRecordRow[]> {
    const rows = await this.db.selectFrom('ethics_records').selectAll().where('staff_id', '=', staffId).orderBy('position').execute();
    return rows.map((r) => ({
      recordId: r.record_id,
      staffId: r.staff_id,
      institutionId: r.institution_id,
      sourceKind: r.source_kind,
      recordKind: r.record_kind,
      category: r.category,
      summary: r.summary,
      evidence: json<string[]>(r.evidence, []),
      points: Number(r.points),
      vetoItem: r.veto_item,
      occurredAt: r.occurred_at,
      year: Number(r.year),
      causedBy: json<EthicsRecordRow['causedBy']>(r.caused_by, null),
      addedBy: r.added_by,
      retracted: r.retracted === 1,
      retractReason: r.retract_reason,
    }));
  }

  async files(staffId: string): Promise<EthicsFileRow[]> {
    const rows = await this.db.selectFrom('ethics_files').selectAll().where('staff_id', '=', staffId).orderBy('position').execute();
    return rows.map((r) => ({
      digest: r.digest,
      name: r.name,
      size: Number(r.size),
      mediaType: r.media_type,
      note: r.note,
      attachedBy: r.attached_by,
    }));
  }

  async evaluations(institutionId: string, year: number): Promise<EthicsEvaluationRow[]> {
    const rows = await this.db
      .selectFrom('ethics_evaluations')
      .selectAll()
      .where('institution_id', '=', institutionId)
      .where('year', '=', year)
      .orderBy('staff_id')
      .execute();
    return rows.map(toEvaluation);
  }

  async evaluation(evaluationId: string): Promise<EthicsEvaluationRow | null> {
    const r = await this.db.selectFrom('ethics_evaluations').selectAll().where('evaluation_id', '=', evaluationId).executeTakeFirst();
    return r ? toEvaluation(r) : null;
  }
}

function toArchive(r: Tables['ethics_archives']): EthicsArchiveRow {
  return {
    staffId: r.staff_id,
    institutionId: r.institution_id,
    departmentId: r.department_id,
    name: r.name,
    implicit: r.implicit === 1,
    openedAt: r.opened_at,
  };
}

function toEvaluation(r: Tables['ethics_evaluations']): EthicsEvaluationRow {
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    evaluationId: r.evaluation_id,
    institutionId: r.institution_id,
    year: Number(r.year),
    staffId: r.staff_id,
    departmentId: r.department_id,
    status: r.status,
    selfScore: num(r.self_score),
    departmentScore: num(r.department_score),
    assessedScore: num(r.assessed_score),
    deductions: num(r.deductions),
    additions: num(r.additions),
    finalScore: num(r.final_score),
    vetoItems: json<string[]>(r.veto_items, []),
    provisionalGrade: r.provisional_grade,
    reason: r.reason,
    grade: r.grade,
    downgradedByCap: bool(r.downgraded_by_cap),
    passesPeriodicAssessment: bool(r.passes_assessment),
  };
}
