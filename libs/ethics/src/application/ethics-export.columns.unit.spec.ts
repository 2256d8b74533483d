import { ETHICS_RESULT_COLUMNS, EthicsResultLine, ethicsResultTotals } from './ethics-export.columns';

const line = (over: Partial<EthicsResultLine>): EthicsResultLine => ({
  seq: 1,
  name: '𠮷田医生',
  department: '心内科',
  institutionId: 'hosp-1',
  departmentId: '心内科',
  staffId: 'S1',
  year: 2025,
  finalScore: 92,
  grade: 'excellent',
  gradeLabel: '优秀',
  vetoItems: '',
  downgradedByCap: false,
  passesPeriodicAssessment: true,
  ...over,
});

describe('ethics results sheet', () => {
  it('has 序号, names, departments and Chinese grades and conclusions', () => {
    expect(ETHICS_RESULT_COLUMNS.map((c) => c.header)).toEqual([
      '序号', '姓名', '人员编号', '科室', '年度', '考评得分', '考评等次', '一票否决事项', '因优秀比例限制调整', '定期考核医德结论',
    ]); // prettier-ignore
    const row = ETHICS_RESULT_COLUMNS.map((c) => c.value(line({ grade: 'poor', gradeLabel: '较差', passesPeriodicAssessment: false })));
    expect(row).toEqual([1, '𠮷田医生', 'S1', '心内科', 2025, 92, '较差', '', '否', '不合格']);
  });

  it('totals people, grades and passes', () => {
    const lines = [line({}), line({ seq: 2, grade: 'poor', gradeLabel: '较差', passesPeriodicAssessment: false })];
    expect(ethicsResultTotals(lines)).toEqual([
      '合计', '共2人', null, null, null, null, '优秀1人，良好0人，一般0人，较差1人', null, null, '合格1人，不合格1人',
    ]); // prettier-ignore
  });
});
