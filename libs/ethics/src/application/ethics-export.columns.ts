import { OfficeColumn, OfficeValue } from '@bihuan/platform';
import { EthicsExportRow } from '../domain/evaluation/ethics-export';
import { ETHICS_GRADE_LABELS } from '../domain/ethics-values';

/** A finalised result with the person's name, numbered (序号) in the order of the sheet. */
export interface EthicsResultLine extends EthicsExportRow {
  readonly seq: number;
  /** From the staff member's ethics archive; the staff id when the archive has no name. */
  readonly name: string;
  /** The department as the archive holds it (directory department names are not served yet). */
  readonly department: string;
}

/** The columns of the 医德考评结果 sheet, Chinese headers and grades. */
export const ETHICS_RESULT_COLUMNS: readonly OfficeColumn<EthicsResultLine>[] = [
  { header: '序号', width: 6, kind: 'number', value: (r) => r.seq },
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '人员编号', width: 14, value: (r) => r.staffId },
  { header: '科室', width: 14, value: (r) => r.department },
  { header: '年度', width: 8, kind: 'number', value: (r) => r.year },
  { header: '考评得分', width: 10, kind: 'number', value: (r) => r.finalScore },
  { header: '考评等次', width: 10, value: (r) => r.gradeLabel },
  { header: '一票否决事项', width: 28, value: (r) => r.vetoItems },
  { header: '因优秀比例限制调整', width: 12, value: (r) => (r.downgradedByCap ? '是' : '否') },
  { header: '定期考核医德结论', width: 14, value: (r) => (r.passesPeriodicAssessment ? '合格' : '不合格') },
];

/** 合计: how many people, how many per grade, how many pass the periodic assessment. */
export function ethicsResultTotals(lines: readonly EthicsResultLine[]): OfficeValue[] {
  const grades = Object.entries(ETHICS_GRADE_LABELS)
    .map(([grade, label]) => `${label}${lines.filter((l) => l.grade === grade).length}人`)
    .join('，');
  const passing = lines.filter((l) => l.passesPeriodicAssessment).length;
  return ['合计', `共${lines.length}人`, null, null, null, null, grades, null, null, `合格${passing}人，不合格${lines.length - passing}人`];
}
