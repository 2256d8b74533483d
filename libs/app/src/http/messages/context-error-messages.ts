import { CampaignErrorName } from '@bihuan/campaigns';
import { ComplaintErrorName } from '@bihuan/complaints';
import { CreditErrorName } from '@bihuan/credit';
import { DocumentsErrorName } from '@bihuan/documents';
import { EthicsErrorName } from '@bihuan/ethics';
import { InspectionErrorName } from '@bihuan/inspection';
import { PrivacyErrorName } from '@bihuan/privacy';

/**
 * zh-CN messages of the codes in each context's error registry (*-errors.ts). Typed over the
 * registry's names, so a new code without a Chinese message does not compile. `{field}` and other
 * `{name}` placeholders are filled from the error's details (error-messages.ts). The English text
 * is the message the code was thrown with.
 */
type Messages<N extends string> = Readonly<Record<N, string>>;

const INSPECTION: Messages<InspectionErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  DATE_INVALID: '{field} 必须是 YYYY-MM-DD 格式的日期',
  VISIT_KIND_UNKNOWN: '{field} 不是可选的检查方式',
  INSPECTORS_REQUIRED: '至少需要一名检查人员',
  CATEGORY_UNKNOWN: '{field} 不是可选的问题类别',
  SEVERITY_UNKNOWN: '{field} 不是可选的严重程度',
  REQUIRED_ACTION_UNKNOWN: '{field} 不是可选的整改类型',
  RECHECK_OUTCOME_UNKNOWN: '{field} 不是可选的回头看结果',
  EVIDENCE_REQUIRED: '{field} 需要提供佐证材料',
  DEADLINE_IN_PAST: '{field} 的时限不能早于当前时间',
  DEADLINE_INVALID: '{field} 不是有效的整改时限',
  NEXT_DEADLINE_REQUIRED: '下一级督办需要新的时限',
  RECHECK_DEADLINE_REQUIRED: '安排回头看需要时限',
  REOPEN_DEADLINE_REQUIRED: '重新整改需要新的整改时限',
  EXTENSION_TOO_LONG: '{field} 申请的延期超过允许的最长期限',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  INSTITUTION_FORBIDDEN: '无权操作其他医疗机构的检查或问题',
  VISIT_NOT_FOUND: '检查不存在',
  FINDING_NOT_FOUND: '问题不存在',
  EXTENSION_NOT_FOUND: '延期申请不存在',
  VISIT_ALREADY_EXISTS: '该检查已存在',
  VISIT_ALREADY_CONDUCTED: '该检查已实施',
  VISIT_CLOSED: '该检查已关闭',
  VISIT_NOT_CLOSED: '该检查尚未关闭',
  VISIT_CANCELLED: '该检查已取消',
  FINDING_ALREADY_EXISTS: '该问题已存在',
  FINDING_SIGNED_OFF: '该问题已销号',
  FINDING_WITHDRAWN: '该问题已撤销',
  NOTICE_ALREADY_ISSUED: '整改通知书已下发',
  SIGN_OFF_ALREADY_REQUESTED: '已申请销号，请等待核验',
  EXTENSION_ALREADY_PENDING: '已有待审批的延期申请',
  VISIT_NOT_CONDUCTED: '检查尚未实施，不能登记问题',
  FINDINGS_OUTSTANDING: '仍有问题未销号，不能关闭检查',
  FINDING_NOT_IN_VISIT: '该问题不属于此次检查',
  NOTICE_NOT_ISSUED: '尚未下发整改通知书',
  PLAN_REQUIRED: '请先提交整改方案',
  SIGN_OFF_NOT_REQUESTED: '尚未申请销号',
  NOT_SIGNED_OFF: '该问题尚未销号',
  EXTENSION_LIMIT_REACHED: '延期次数已达上限',
  NO_ACTIVE_DEADLINE: '当前没有正在计时的时限',
  NOTICE_KIND_UNKNOWN: '{field} 不是可开具的文书种类[：“{kind}”]',
  NOTICE_DOCUMENT_ALREADY_ISSUED: '本轮已开具该文书[（{noticeKind}，文号 {documentNo}）]，不能重复开具，可重新下载',
  NOTICE_DOCUMENT_NOT_ALLOWED: '问题当前所处环节不能开具该文书[（{noticeKind}）][：{refusal}]',
  EVIDENCE_STEP_UNKNOWN: '{field} 不是可选的证据环节[：“{step}”]',
  EVIDENCE_FILE_INVALID: '{field} 不是已保存的证据文件（缺少摘要、大小或类型）',
  EVIDENCE_NOT_ALLOWED: '此时不能以当前身份上传该环节的证据[（{step}）][，可选环节：{allowed}]',
  EVIDENCE_NOT_ATTACHED: '{field} 引用了尚未上传到本案的文件，请先上传证据文件，再引用上传时返回的摘要',
};

const COMPLAINT: Messages<ComplaintErrorName> = {
  NOT_FOUND: '投诉工单不存在，或工单编号与查询密码不匹配',
  ALREADY_RECEIVED: '该投诉工单已受理',
  DUPLICATE_REFERENCE: '该来源编号已登记过投诉工单',
  ALREADY_CLOSED: '该投诉工单已办结',
  INVALID_TRANSITION: '投诉工单当前所处环节不允许此操作',
  FORBIDDEN_ROLE: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  NOT_ASSIGNED_INSTITUTION: '该投诉工单未转办给本机构',
  NOT_TICKET_OWNER: '只有受理该投诉的单位（首诉负责）才能进行此操作',
  NOT_OWN_INSTITUTION: '医疗机构只能受理针对本机构的投诉',
  SELF_DISPATCH_ONLY: '医疗机构只能自行办理本机构受理的投诉，或上报卫生健康委',
  SYSTEM_ONLY: '此操作只能由系统执行',
  PUBLIC_WEB_ONLY: '公众只能通过网上渠道提交投诉',
  INVALID_CHANNEL: '{field} 不是可选的受理渠道',
  HOSPITAL_CHANNEL: '{field}：医疗机构只能受理窗口、电话和来信投诉，网上、12345 及其他部门转办的投诉由卫生健康委受理',
  INVALID_CATEGORY: '{field} 不是可选的投诉类别',
  INVALID_COMPLEXITY: '{field} 不是可选的办理时限类别',
  INVALID_DECISION: '{field} 不是可选的处理意见',
  INVALID_RATING: '{field} 不是可选的满意度',
  INVALID_DECLINE_GROUND: '{field} 不是可选的不予受理理由',
  FIELD_REQUIRED: '{field} 为必填项',
  TEXT_TOO_LONG: '{field} 过长[，不能超过 {maxLength} 个字符]',
  IDENTITY_REQUIRED: '实名投诉需要填写投诉人身份信息',
  ANONYMOUS_WITH_IDENTITY: '匿名投诉不能填写投诉人身份信息',
  COMPLEXITY_MISMATCH: '{field} 与工单的办理时限类别不一致',
  INVALID_POLICY: '{field} 不是有效的办理时限设置',
  INVALID_TERMS: '{field} 不是有效的时限',
  TERMS_POLICY_MISMATCH: '{field} 与现行时限设置不一致',
  NEXT_TERMS_REQUIRED: '下一环节需要新的时限',
  PAUSE_TERMS_MISSING: '停表需要记录剩余时限',
  RESUME_TERMS_MISSING: '恢复计时需要新的时限',
  STAFF_WITHOUT_SUBSTANCE: '只有属实或部分属实的投诉才能指向具体人员',
  STAFF_WITHOUT_INSTITUTION: '指向具体人员的投诉需要所属医疗机构',
  CLOSE_REASON_REQUIRED: '办结需要说明理由',
  NOT_ON_THE_SPOT: '该投诉不能当场办结',
  NOT_ESCALATABLE: '该投诉当前不能上报卫生健康委（已作出处理意见，或正由其他机构办理）',
  EXTENSION_ALREADY_PENDING: '已有待审批的延期申请',
  NO_EXTENSION_PENDING: '没有待审批的延期申请',
  DEADLINE_NOT_RUNNING: '当前没有正在计时的时限',
  ALREADY_SUPERVISED: '该投诉工单已督办',
  ALREADY_WAITING: '已在等待投诉人补充材料',
  NOT_WAITING: '当前并未等待投诉人补充材料',
  WAITING_ON_COMPLAINANT: '正在等待投诉人补充材料，暂不能进行此操作',
  REOPEN_REQUIRES_DISSATISFACTION: '只有投诉人不满意时才能重办',
  EVIDENCE_LIMIT_REACHED: '每件投诉最多可上传 {limit} 个材料文件',
  EVIDENCE_NOT_SEALED: '投诉材料必须以投诉人的个人信息密钥加密保存',
  INVALID_EVIDENCE: '材料文件信息不完整（摘要、大小、类型、文件名）',
};

const ETHICS: Messages<EthicsErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  DATE_INVALID: '{field} 必须是有效的日期',
  YEAR_INVALID: '{field} 不是有效的考评年度',
  SOURCE_UNKNOWN: '{field} 不是可选的记录来源',
  VETO_ITEM_UNKNOWN: '{field} 不是可选的一票否决事项',
  GRADE_UNKNOWN: '{field} 不是可选的考评等次',
  POINTS_OUT_OF_RANGE: '{field} 超出允许的分值范围',
  LIST_UNKNOWN: '{field} 不是可选的红黑榜',
  EXPIRY_IN_PAST: '{field} 的到期时间不能早于当前时间',
  SCORE_OUT_OF_RANGE: '{field} 超出允许的评分范围',
  ARCHIVE_SUMMARY_MISMATCH: '{field} 与医德档案的汇总不一致',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  INSTITUTION_FORBIDDEN: '无权操作其他医疗机构的医德档案或考评',
  ARCHIVE_INSTITUTION_MISMATCH: '该医德档案不属于此医疗机构',
  ARCHIVE_NOT_FOUND: '医德档案不存在',
  RECORD_NOT_FOUND: '档案记录不存在[（{field}）]',
  LIST_ENTRY_NOT_FOUND: '红黑榜记录不存在',
  EVALUATION_NOT_FOUND: '医德考评不存在',
  ARCHIVE_ALREADY_EXISTS: '该人员的医德档案已存在',
  EVALUATION_ALREADY_EXISTS: '该年度的医德考评已存在',
  EVALUATION_FINALISED: '该医德考评已确定等次',
  STEP_OUT_OF_ORDER: '考评环节顺序不对：请按个人自评、科室评议、单位评定的顺序进行',
  POSTING_REQUIRED: '确定等次前须先公示',
  EVIDENCE_NOT_ATTACHED: '{field} 须引用已上传到该医德档案的材料文件（先上传，再按文件摘要引用）',
  INVALID_EVIDENCE: '材料文件信息不完整（摘要、大小、类型、文件名）',
  GRADE_MISMATCH: '确定的等次与评分规则不符',
};

const CREDIT: Messages<CreditErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  DATE_INVALID: '{field} 必须是有效的日期',
  BEHAVIOUR_UNKNOWN: '{field} 不是已列明的不良执业行为',
  POINTS_INVALID: '{field} 不是有效的记分',
  CLASS_UNKNOWN: '{field} 不是可选的信用信息类别',
  LIST_UNKNOWN: '{field} 不是可选的名单',
  COMMITMENT_KIND_UNKNOWN: '{field} 不是可选的信用承诺类别',
  EXPIRY_IN_PAST: '{field} 的到期时间不能早于当前时间',
  INSTITUTION_MISMATCH: '{field} 与信用档案所属医疗机构不一致',
  DRAW_INPUT_INVALID: '{field} 不是有效的抽查条件',
  DRAW_NOT_ENOUGH_INSTITUTIONS: '符合条件的医疗机构不足，无法抽取',
  DRAW_NOT_ENOUGH_INSPECTORS: '符合条件（已排除回避情形）的检查人员不足，无法抽取',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  INSTITUTION_FORBIDDEN: '无权操作其他医疗机构的信用档案',
  ARCHIVE_NOT_FOUND: '信用档案不存在',
  POINTS_NOT_FOUND: '记分记录不存在',
  CYCLE_NOT_FOUND: '记分周期不存在',
  COMMITMENT_NOT_FOUND: '信用承诺不存在',
  LIST_ENTRY_NOT_FOUND: '名单记录不存在',
  DRAW_NOT_FOUND: '抽查记录不存在或尚未公开',
  ARCHIVE_ALREADY_EXISTS: '该医疗机构的信用档案已存在',
  DRAW_ALREADY_EXISTS: '该抽查已存在',
  DRAW_CANCELLED: '该抽查已取消',
  DRAW_ALREADY_PUBLISHED: '该抽查结果已公开',
};

const CAMPAIGN: Messages<CampaignErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  TEXT_TOO_LONG: '{field} 过长[，不能超过 {maxLength} 个字符]',
  DATE_INVALID: '{field} 必须是 YYYY-MM-DD 格式的有效日期',
  YEAR_INVALID: '{field} 不是有效的年度',
  PHASE_DATES_INVALID: '{field} 的结束日期不能早于开始日期',
  PHASE_OUTSIDE_YEAR: '{field} 不在专项行动年度[（{year}年）]之内',
  PHASES_OVERLAP: '{field} 与上一阶段[“{previous}”]的时间重叠：各阶段须按先后顺序排列，后一阶段须在前一阶段结束之后开始',
  PHASE_NAME_DUPLICATE: '{field} 与其他阶段重名',
  REPORT_KIND_UNKNOWN: '{field} 不是可选的报送材料种类',
  REPORT_SCHEDULE_INVALID: '{field} 须给出报送截止日期或报送周期（每月 / 每季度）之一，且只能给出一种',
  REPORT_DUE_OUTSIDE_PHASE: '{field} 的报送截止日期不能早于本阶段开始，也不能晚于本年度结束',
  ISSUING_UNIT_INVALID: '{field} 须是卫生健康行政部门，不能是医疗机构',
  INSTITUTION_OUTSIDE_ISSUER: '{field}[（{institutionId}）] 不在发文单位的管辖范围内',
  UNKNOWN_CAMPAIGN: '{field} 不是您可以归入的专项行动（不存在或不在您的管辖范围内）',
  INSTITUTION_NOT_IN_SCOPE: '{field}[（{institutionId}）] 不在该专项行动的范围内',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  NOT_FOUND: '专项行动不存在',
  ALREADY_EXISTS: '该专项行动已存在',
  CLOSED: '该专项行动已结束',
  OPEN_ROWS: '专项行动台账尚有[ {openRows} 项]问题未销号，不能结束；请先销号，或说明理由后结转（carryOver）',
  SCOPE_IN_USE: '新的范围遗漏了已在本专项行动中开展检查的机构[：{institutionIds}]',
  SCOPE_EMPTY: '按所选条件没有符合范围的医疗机构',
};

const PRIVACY: Messages<PrivacyErrorName> = {
  NOT_ALLOWED: '当前角色无权查看个人信息',
  OUT_OF_SCOPE: '该案件不在您的管辖范围内，无权查看个人信息',
  INVALID_IDENTITY: '{field} 不是有效的身份信息',
  INVALID_SUBJECT: '{field} 不是有效的个人信息主体编号',
  PURPOSE_REQUIRED: '查看个人信息须说明用途',
  REASON_REQUIRED: '此操作须说明理由',
  CIPHERTEXT_MALFORMED: '加密数据格式不正确',
  SCHEME_UNSUPPORTED: '不支持该加密方案',
  CIPHERTEXT_TAMPERED: '加密数据校验失败：数据被篡改或不属于该主体',
  KEY_MISSING: '找不到该主体的密钥',
  SUBJECT_NOT_FOUND: '个人信息主体不存在',
  SUBJECT_ERASED: '该主体的个人信息已删除，不能再写入',
};

/** `{?name}` asks only whether the error carries `name`: one code, thrown for several reasons, says which. */
const DOCUMENTS: Messages<DocumentsErrorName> = {
  NOTICE_KIND_UNKNOWN: '未知的文书种类[“{kind}”][（可用：{kinds}）]',
  TEMPLATE_INVALID:
    '模板不合格[：{?notZip}不是有效的 DOCX 文件（无法作为 ZIP 读取）][：{?notWord}不是 Word 文档（缺少 word/document.xml）][：占位符无法解析：{problems}][：不支持循环或条件段落：{nested}]',
  TEMPLATE_UNKNOWN_FIELD: '模板使用了未知字段[：{unknown}][（可用字段：{known}）]',
  TEMPLATE_FIELD_REQUIRED: '模板必须包含文号占位符[ {required}]',
  NOTICE_NOT_FOUND: '该问题没有[文号为“{documentNo}”的]文书',
  DIGEST_MISMATCH:
    '文书与案卷记录不符[：文书模板第{templateVersion}版与记录不符，无法重新生成][：重新生成的文书摘要（{algorithm}）与案卷记录不符]',
  NUMBER_FORMAT_INVALID:
    '文号格式（documents.numberFormat）不正确[：{?empty}不能为空][：含未知占位符 {unknown}][：必须包含 {required}（序号按单位、按年度连续编排）]',
  ISSUING_UNIT_UNKNOWN: '发文单位[“{unit}”]不在机构目录中',
};

function prefixed<N extends string>(prefix: string, messages: Messages<N>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(messages).map(([name, zh]) => [`${prefix}.${name}`, zh as string]));
}

/** The registries' zh-CN messages by full code (`INSPECTION.FINDING_SIGNED_OFF`). */
export const CONTEXT_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  ...prefixed('INSPECTION', INSPECTION),
  ...prefixed('COMPLAINT', COMPLAINT),
  ...prefixed('ETHICS', ETHICS),
  ...prefixed('CREDIT', CREDIT),
  ...prefixed('CAMPAIGN', CAMPAIGN),
  ...prefixed('PRIVACY', PRIVACY),
  ...prefixed('DOCUMENTS', DOCUMENTS),
};
