import { ApiProperty } from '@nestjs/swagger';
import { CreditCheckAnswer } from '../application/credit-subject.handler';
import {
  CREDIT_CHECK_PURPOSES,
  CREDIT_LEVELS,
  CREDIT_SUBJECT_KINDS,
  CreditCheckPurpose,
  CreditLevel,
  CreditSubjectKind,
} from '../domain/credit-values';
import { CreditCheckRow } from '../read-models/applicant-credit.queries';
import { CreditViewItemDto } from './credit-archive.response';

/** POST /credit/checks: the check on the record, and what its result shows the checker’s role. */
export class CreditCheckAnswerDto implements CreditCheckAnswer {
  @ApiProperty() checkId!: string;
  @ApiProperty({ description: 'The applicant’s stream, where the check is on the record' }) stream!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Log position of the check' }) position!: number | null;
  @ApiProperty({ enum: CREDIT_SUBJECT_KINDS }) subjectKind!: CreditSubjectKind;
  @ApiProperty({ description: 'An organisation’s 统一社会信用代码; a person’s ID number masked (first 4 and last 4)' })
  identifier!: string;
  @ApiProperty({ enum: CREDIT_CHECK_PURPOSES }) purpose!: CreditCheckPurpose;
  @ApiProperty() applicationRef!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The institution the directory holds with this code, whose record was read' })
  institutionId!: string | null;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) level!: CreditLevel;
  @ApiProperty({ description: 'The rule that decided the level (`withheld` when it is the black list, for all but partners)' })
  reason!: string;
  @ApiProperty({ description: 'Adverse items within the level rule’s window' }) adverseInWindow!: number;
  @ApiProperty({ type: [CreditViewItemDto], description: 'Adverse information of the last 5 years, newest first' })
  adverse!: CreditViewItemDto[];
  @ApiProperty({ type: [CreditViewItemDto], description: 'Active 红名单 entries' }) redList!: CreditViewItemDto[];
}

/** One recorded check in the offices’ list (GET /credit/checks): a person is named by nothing but the stream. */
export class CreditCheckRowDto implements CreditCheckRow {
  @ApiProperty() checkId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ enum: CREDIT_SUBJECT_KINDS }) subjectKind!: CreditSubjectKind;
  @ApiProperty({ nullable: true, type: String, description: 'An organisation’s 统一社会信用代码; null for a person' })
  creditCode!: string | null;
  @ApiProperty({ enum: CREDIT_CHECK_PURPOSES }) purpose!: CreditCheckPurpose;
  @ApiProperty() applicationRef!: string;
  @ApiProperty({ nullable: true, type: String }) institutionId!: string | null;
  @ApiProperty() checkedBy!: string;
  @ApiProperty({ description: 'The office (unit) that checked' }) checkedIn!: string;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) level!: CreditLevel;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Adverse items shown (last 5 years)' }) adverseRecords!: number;
  @ApiProperty() redListed!: boolean;
}
