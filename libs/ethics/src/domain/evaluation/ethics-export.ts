import { ETHICS_GRADE_LABELS, VETO_ITEM_LABELS } from '../ethics-values';
import { EthicsEvaluationState } from './ethics-evaluation.state';

/**
 * One row of the export to the physician's periodic-assessment body (定期考核); the application
 * layer writes the rows to XLSX (exceljs) with the Chinese headers in ETHICS_EXPORT_HEADERS.
 */
export interface EthicsExportRow {
  readonly institutionId: string;
  readonly departmentId: string | null;
  readonly staffId: string;
  readonly year: number;
  readonly finalScore: number;
  readonly grade: string;
  readonly gradeLabel: string;
  readonly vetoItems: string;
  readonly downgradedByCap: boolean;
  readonly passesPeriodicAssessment: boolean;
}

export const ETHICS_EXPORT_HEADERS: Readonly<Record<keyof EthicsExportRow, string>> = {
  institutionId: '机构',
  departmentId: '科室',
  staffId: '人员',
  year: '年度',
  finalScore: '得分',
  grade: '等次代码',
  gradeLabel: '考评等次',
  vetoItems: '一票否决事项',
  downgradedByCap: '因优秀比例限制调整',
  passesPeriodicAssessment: '定期考核医德合格',
};

/** The export row of a finalised evaluation; null while it is not final. */
export function ethicsExportRow(state: EthicsEvaluationState): EthicsExportRow | null {
  if (state.status !== 'finalised' || !state.final || !state.scored) return null;
  const f = state.final;
  return {
    institutionId: f.institutionId,
    departmentId: state.opened.departmentId,
    staffId: f.staffId,
    year: f.year,
    finalScore: f.finalScore,
    grade: f.grade,
    gradeLabel: ETHICS_GRADE_LABELS[f.grade],
    vetoItems: state.scored.vetoItems.map((v) => VETO_ITEM_LABELS[v]).join('；'),
    downgradedByCap: f.downgradedByCap,
    passesPeriodicAssessment: f.passesPeriodicAssessment,
  };
}
