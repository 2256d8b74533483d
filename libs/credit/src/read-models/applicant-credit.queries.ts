import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { shanghaiDayStartMs, streamName } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { LiveDirectory } from '@bihuan/directory';
import { keysetPage, KeysetPage, READ_MODELS } from '@bihuan/platform';
import { ApplicantDirectory } from '../application/applicant-directory';
import { CreditRecord } from '../domain/archive/credit-archive.state';
import { CreditCheckPurpose, CreditLevel, CreditSubjectKind } from '../domain/credit-values';
import { applicantRecord } from '../domain/subject/credit-check.result';
import { ApplicantSubject, CREDIT_SUBJECT_CATEGORY, CreditCheckSummary } from '../domain/subject/credit-subject.messages';
import { CreditSubjectState, initialCreditSubjectState } from '../domain/subject/credit-subject.state';
import { CreditTables } from './credit-read-model.schema';
import { CreditQueries } from './credit.queries';

/** A recorded check as the offices' list shows it: a person by nothing but the subject's stream. */
export interface CreditCheckRow {
  readonly checkId: string;
  readonly stream: string;
  readonly subjectKind: CreditSubjectKind;
  /** An organisation's 统一社会信用代码; null for a person. */
  readonly creditCode: string | null;
  readonly purpose: CreditCheckPurpose;
  readonly applicationRef: string;
  readonly institutionId: string | null;
  readonly checkedBy: string;
  readonly checkedIn: string;
  readonly checkedAt: string;
  readonly level: CreditLevel;
  readonly reason: string;
  readonly adverseRecords: number;
  readonly redListed: boolean;
}

/** What the offices' list of checks may be narrowed by (all optional; dates are Beijing days, inclusive). */
export interface CreditCheckFilter {
  readonly subjectKind?: CreditSubjectKind;
  readonly purpose?: CreditCheckPurpose;
  /** An organisation's 统一社会信用代码, normalised. */
  readonly creditCode?: string;
  readonly from?: string;
  readonly to?: string;
}

const dayStart = (date: string): string => new Date(shanghaiDayStartMs(date)).toISOString();
const dayEnd = (date: string): string => new Date(shanghaiDayStartMs(date) + 86_400_000 - 1).toISOString();

/** What a check is decided on: the institution the applicant already is (if any) and the record to read. */
export interface ApplicantCreditRecord {
  readonly institutionId: string | null;
  readonly record: CreditRecord;
}

/** Reads of applicant credit (ADR 0019): the record a check reads, and the checks of the reader's offices. */
@Injectable()
export class ApplicantCreditQueries {
  private readonly db: Kysely<CreditTables>;

  constructor(
    @Inject(READ_MODELS) database: SqlDatabase,
    private readonly credit: CreditQueries,
    @Inject(LiveDirectory) private readonly directory: ApplicantDirectory,
  ) {
    this.db = database.db.withTables<CreditTables>();
  }

  private async subject(subjectKey: string): Promise<CreditSubjectState> {
    const row = await this.db.selectFrom('credit_subjects').select('state').where('subject_key', '=', subjectKey).executeTakeFirst();
    return row ? (JSON.parse(row.state) as CreditSubjectState) : initialCreditSubjectState;
  }

  /**
   * An organisation the directory holds is read as that institution (its archive joined with its
   * applicant records: CreditQueries.record); any other applicant by its own records.
   */
  async recordOf(subjectKey: string, subject: ApplicantSubject): Promise<ApplicantCreditRecord> {
    const institutionId = subject.kind === 'organisation' ? (this.directory.institutionWithCreditCode(subject.creditCode) ?? null) : null;
    if (institutionId) return { institutionId, record: await this.credit.record(institutionId) };
    return { institutionId: null, record: applicantRecord(await this.subject(subjectKey), subjectKey) };
  }

  /** Whether an applicant has a record already (a person is sealed only once). */
  async isRegistered(subjectKey: string): Promise<boolean> {
    return (await this.subject(subjectKey)).status === 'registered';
  }

  /** The checks recorded in `units` (the reader's offices) that match `filter`, newest first, a page after `cursor`. */
  async checks(
    units: readonly string[],
    page: CreditCheckFilter & { cursor?: string; pageSize?: number },
  ): Promise<KeysetPage<CreditCheckRow>> {
    if (units.length === 0) return { items: [], nextCursor: null };
    let query = this.db
      .selectFrom('credit_checks')
      .selectAll()
      .where('checked_in', 'in', [...units]);
    if (page.subjectKind) query = query.where('kind', '=', page.subjectKind);
    if (page.purpose) query = query.where('purpose', '=', page.purpose);
    if (page.creditCode) query = query.where('credit_code', '=', page.creditCode);
    if (page.from) query = query.where('checked_at', '>=', dayStart(page.from));
    if (page.to) query = query.where('checked_at', '<=', dayEnd(page.to));
    return keysetPage({
      query,
      order: [
        { column: 'checked_at', descending: true, of: (r) => r.checked_at },
        { column: 'check_id', descending: true, of: (r) => r.check_id },
      ],
      cursor: page.cursor,
      pageSize: page.pageSize ?? 20,
      map: (r) => {
        const result = JSON.parse(r.result) as CreditCheckSummary;
        return {
          checkId: r.check_id,
          stream: streamName(CREDIT_SUBJECT_CATEGORY, r.subject_key),
          subjectKind: r.kind as CreditSubjectKind,
          creditCode: r.credit_code,
          purpose: r.purpose as CreditCheckPurpose,
          applicationRef: r.application_ref,
          institutionId: r.institution_id,
          checkedBy: r.checked_by,
          checkedIn: r.checked_in,
          checkedAt: r.checked_at,
          level: result.level,
          reason: result.reason,
          adverseRecords: result.adverseRecords,
          redListed: result.redListed,
        };
      },
    });
  }
}
