import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { InspectionTables } from './inspection-read-model.schema';

/** A file attached to a visit or a finding, as its page lists it. */
export interface AttachedFileView {
  readonly digest: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  /** What it belongs to (EVIDENCE_STEPS: visit, finding, plan, progress, signOff, recheck). */
  readonly step: string;
  readonly note: string | null;
  readonly attachedAt: string;
  readonly attachedBy: string;
}

/** The files of one case, in the order they were attached. */
export class EvidenceFileQueries {
  private readonly db: Kysely<InspectionTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<InspectionTables>();
  }

  async files(category: 'visit' | 'finding', caseId: string): Promise<AttachedFileView[]> {
    const rows = await this.db
      .selectFrom('inspection_evidence_files')
      .selectAll()
      .where('case_category', '=', category)
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      digest: r.digest,
      name: r.name,
      size: Number(r.size),
      mediaType: r.media_type,
      step: r.step,
      note: r.note,
      attachedAt: r.attached_at,
      attachedBy: r.attached_by,
    }));
  }
}
