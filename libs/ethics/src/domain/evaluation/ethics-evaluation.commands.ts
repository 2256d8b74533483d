import { Command, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { EthicsGrade, VetoItem } from '../ethics-values';
import { EthicsArchiveSummary } from '../archive/ethics-archive.state';

/**
 * Commands of the annual evaluation (医德考评) of one staff member, stream
 * `ethicsEvaluation-<institutionId>.<year>.<staffId>` (see ethicsEvaluationStreamId).
 * Steps: self → department → institution (→ 公示) → final grade (after the institution-wide cap).
 */
export type OpenEthicsEvaluation = Command<
  'OpenEthicsEvaluation',
  {
    readonly institutionId: string;
    readonly year: number;
    readonly staffId: string;
    readonly departmentId?: string | null;
  }
>;

export type SubmitSelfEvaluation = Command<
  'SubmitSelfEvaluation',
  {
    readonly summary: string;
    readonly selfScore?: number | null;
  }
>;

/** 科室评价: the department's score (0–100) and comment. */
export type ReviewEthicsEvaluation = Command<
  'ReviewEthicsEvaluation',
  {
    readonly score: number;
    readonly comment?: string | null;
  }
>;

/**
 * 单位评价: the institution's assessed score (defaults to the department's), the archive's
 * reckoning for the year (summariseEthicsArchive, computed by the application layer from the
 * archive stream) and any veto items the institution itself established.
 */
export type ScoreEthicsEvaluation = Command<
  'ScoreEthicsEvaluation',
  {
    readonly assessedScore?: number | null;
    readonly comment?: string | null;
    readonly archive: EthicsArchiveSummary;
    readonly vetoItems?: readonly VetoItem[];
  }
>;

/** 公示: the provisional grade is posted for objections from `from` until `until`. */
export type PostEthicsEvaluation = Command<
  'PostEthicsEvaluation',
  {
    readonly from: string;
    readonly until: string;
  }
>;

/** The final grade, as applyExcellentCap gave it for the institution's whole list. */
export type FinaliseEthicsEvaluation = Command<
  'FinaliseEthicsEvaluation',
  {
    readonly grade: EthicsGrade;
    readonly downgradedByCap?: boolean;
  }
>;

export type EthicsEvaluationWakeUp = Command<'WarnDeadline', WarnDeadlineData> | Command<'ExpireDeadline', ExpireDeadlineData>;

export type EthicsEvaluationCommand =
  | OpenEthicsEvaluation
  | SubmitSelfEvaluation
  | ReviewEthicsEvaluation
  | ScoreEthicsEvaluation
  | PostEthicsEvaluation
  | FinaliseEthicsEvaluation
  | EthicsEvaluationWakeUp;
