/**
 * The placeholders a notice template may use (`{documentNo}` …), with what each prints. A template
 * naming anything else is refused on upload, so a document can never print a blank where a value
 * was expected. Every value is plain text, recorded on the case with the document.
 */
export const NOTICE_FIELDS = {
  title: '文书名称（如 整改通知书）',
  documentNo: '文号（如 东城卫健监整〔2026〕12号）',
  institutionName: '被通知单位名称',
  issuingUnitName: '发文单位名称',
  issueDate: '发文日期（2026年1月9日）',
  category: '问题类别',
  severity: '严重程度',
  description: '问题描述',
  requiredAction: '整改类型（立行立改 / 限期整改 / 长期坚持）',
  responsibleDepartment: '责任科室',
  responsiblePerson: '责任人',
  round: '整改轮次（1, 2 …）',
  dueDate: '整改时限（2026年1月9日；销号确认为空）',
  workingDays: '整改工作日数（15；销号确认为空）',
  signedOffDate: '销号日期（仅销号确认）',
} as const;

export type NoticeField = keyof typeof NOTICE_FIELDS;
export type NoticeFieldValues = Readonly<Record<NoticeField, string>>;

export const NOTICE_FIELD_NAMES = Object.keys(NOTICE_FIELDS) as NoticeField[];

export function isNoticeField(name: string): name is NoticeField {
  return Object.prototype.hasOwnProperty.call(NOTICE_FIELDS, name);
}
