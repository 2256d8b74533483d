import { CampaignErrorName } from '@bihuan/campaigns';
import { NoticeErrorName } from '@bihuan/notices';
import { ReferralErrorName } from '@bihuan/referrals';
import { Messages } from './context-messages';

/*
 * zh-CN messages of the contexts the source notices organise the loops around (campaigns and their
 * reporting duties, public notices, referrals), beside the loops' own in context-error-messages.ts.
 */

export const CAMPAIGN: Messages<CampaignErrorName> = {
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
  COMMISSION_UNIT_INVALID: '{field}[（{unitId}）] 须是发文单位下级的卫生健康行政部门',
  UNKNOWN_CAMPAIGN: '{field} 不是您可以归入的专项行动（不存在或不在您的管辖范围内）',
  INSTITUTION_NOT_IN_SCOPE: '{field}[（{institutionId}）] 不在该专项行动的范围内',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  NOT_FOUND: '专项行动不存在',
  ALREADY_EXISTS: '该专项行动已存在',
  CLOSED: '该专项行动已结束',
  OPEN_ROWS: '专项行动台账尚有[ {openRows} 项]问题未销号，不能结束；请先销号，或说明理由后结转（carryOver）',
  SCOPE_IN_USE: '新的范围遗漏了已在本专项行动中开展检查的机构[：{institutionIds}]',
  SCOPE_EMPTY: '按所选条件没有符合范围的医疗机构',
  DUTY_NOT_FOUND: '报送任务不存在',
  DUTY_INSTITUTION_FORBIDDEN: '只能报送本单位的材料',
  DUTY_NOT_OPEN: '报送期尚未开始[，{opensOn} 起可以报送]',
  DUTY_WITHDRAWN: '该报送任务已撤销',
  DUTY_ALREADY_SUBMITTED: '材料已报送，正在等待审核',
  DUTY_ALREADY_ACCEPTED: '报送材料已审核通过',
  DUTY_NOT_SUBMITTED: '尚未报送材料，无可审核的内容',
  DUTY_EVIDENCE_UNKNOWN: '{field} 引用的文件未上传到该报送任务，请先上传',
  DUTY_DEADLINE_INVALID: '{field} 不是有效的报送期限',
  DUTY_DEADLINE_REQUIRED: '{field} 缺少报送期限',
};

export const NOTICE: Messages<NoticeErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  TEXT_TOO_LONG: '{field} 过长[，不能超过 {maxLength} 个字符]',
  DATE_INVALID: '{field} 必须是 YYYY-MM-DD 格式的有效日期',
  KIND_UNKNOWN: '{field} 不是可选的通报种类',
  PERIOD_INVALID: '{field} 的截止日期不能早于开始日期',
  PERIOD_NOT_ALLOWED: '{field}：专项行动情况通报按专项行动统计，不填统计期间',
  CAMPAIGN_NOT_ALLOWED: '{field}：只有专项行动情况通报才填写专项行动',
  WITHDRAW_WITHOUT_CORRECTION: '{field}：只有更正通报才能撤销原通报',
  ISSUING_UNIT_INVALID: '{field}[（{unitId}）] 不是卫生健康行政部门，不能作为发文单位',
  CAMPAIGN_UNKNOWN: '{field}[（{campaignId}）] 不是该发文单位可以通报的专项行动（不存在、不在管辖范围内或由上级单位发起）',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  NOT_FOUND: '通报不存在',
  PUBLICITY_ENDED: '该通报的公示期已满[（至 {until}）]，不再公开',
  ALREADY_EXISTS: '该通报已存在',
  ALREADY_PUBLISHED: '通报已发布，不能再修改；如有错误，请发布更正通报',
  DRAFT_CHANGED: '发布过程中草稿已被修改，请重新发布',
  NOT_PUBLISHED: '该通报尚未发布：草稿可直接修改，无需更正',
  ALREADY_CORRECTED: '该通报已有更正通报[（{correctedBy}）]，请对最新的更正通报进行更正',
  DIGEST_MISMATCH: '通报文书与发布时的记录不符[：重新生成的文书摘要（{algorithm}）与记录不一致]',
  PERIOD_NOT_OVER: '统计期间[截至 {to}，]尚未结束，期满后才能发布该期间的通报',
};

export const REFERRAL: Messages<ReferralErrorName> = {
  FIELD_REQUIRED: '{field} 为必填项',
  TEXT_TOO_LONG: '{field} 超过允许的长度',
  DATE_INVALID: '{field} 必须是有效的日期',
  ROLE_FORBIDDEN: '当前角色[（{role}）]无权进行此操作[，仅限：{allowed}]',
  SOURCE_NOT_REFERABLE: '{field} 须为可移交的案件：问题、投诉或医德档案',
  NOT_AN_AGENCY: '{field} 不是机构目录中的协同部门',
  OUTCOME_UNKNOWN: '{field} 不是可选的处理结果',
  INVALID_EVIDENCE: '材料文件信息不完整（摘要、大小、类型、文件名）',
  INVALID_TERMS: '签收时限与移交规则不符',
  NOT_FOUND: '移交不存在',
  SOURCE_NOT_FOUND: '{field} 所指的案件不存在',
  LEAD_NOT_FOUND: '线索不存在',
  FILE_NOT_FOUND: '该移交没有此文件[（{digest}）]',
  NOT_THE_AGENCY: '只有接收移交的协同部门可以办理此步骤',
  ALREADY_EXISTS: '该移交或线索已存在',
  ALREADY_ACKNOWLEDGED: '该移交已签收',
  ALREADY_ANSWERED: '该移交已反馈处理结果',
  ALREADY_CLOSED: '该移交已办结',
  LEAD_ALREADY_REGISTERED: '该线索已登记为投诉工单',
  AGENCY_NOT_COMPETENT: '{field} 所指的协同部门不负责该案件所在辖区',
  NOT_ACKNOWLEDGED: '请先签收移交，再反馈处理结果',
  NOT_ANSWERED: '协同部门尚未反馈处理结果，不能办结',
  EVIDENCE_NOT_ATTACHED: '{field} 须引用已上传到该移交的材料文件（先上传，再按文件摘要引用）',
};
