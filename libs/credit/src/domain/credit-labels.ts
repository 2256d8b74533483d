import { ListEntry } from './archive/credit-archive.state';
import {
  CommitmentKind,
  CreditCheckPurpose,
  CreditInfoClass,
  CreditInformationKind,
  CreditLevel,
  CreditList,
  CreditMeasure,
  CreditSubjectKind,
} from './credit-values';
import { RandomDrawStatus } from './draw/random-draw.decider';

/**
 * The Chinese words of the credit context, one map per closed word list (credit-values.ts): the one
 * home of these labels, served by GET /catalogue. Each map is a `Record` over its code type, so a new
 * code without a label does not compile.
 */

/** 信用信息类别 (seed 002). */
export const CREDIT_INFO_CLASS_LABELS: Readonly<Record<CreditInfoClass, string>> = {
  basic: '基础信息',
  adverse: '不良信息',
  blacklist: '黑名单信息',
};

/** 信用信息的种类 (those known by name; `commendation` 表彰). */
export const CREDIT_INFORMATION_KIND_LABELS: Readonly<Record<CreditInformationKind, string>> = {
  licence: '许可信息',
  penalty: '行政处罚',
  'commitment-breach': '违背信用承诺',
  'joint-discipline': '联合惩戒',
  commendation: '表彰',
};

/** 红黑榜. */
export const CREDIT_LIST_LABELS: Readonly<Record<CreditList, string>> = {
  red: '红名单',
  black: '黑名单',
};

/** 信用等级. */
export const CREDIT_LEVEL_LABELS: Readonly<Record<CreditLevel, string>> = {
  A: 'A级（守信）',
  B: 'B级（基本守信）',
  C: 'C级（失信）',
  D: 'D级（严重失信）',
};

/** 记分达到阈值后的处理措施. */
export const CREDIT_MEASURE_LABELS: Readonly<Record<CreditMeasure, string>> = {
  'key-supervision': '重点监管',
  'written-advice': '书面建议',
  summons: '约谈负责人',
  'no-awards': '当年不得评优',
  'public-notice': '通报',
  'licence-validation-deferred': '暂缓校验',
};

/** 信用承诺类别. */
export const COMMITMENT_KIND_LABELS: Readonly<Record<CommitmentKind, string>> = {
  institution: '机构信用承诺',
  staff: '员工信用承诺',
  'no-red-envelope': '医患双方不收不送红包协议',
  'supplier-integrity': '医院与供应商廉洁诚信协议',
};

/** 准入信用核查的对象类别. */
export const CREDIT_SUBJECT_KIND_LABELS: Readonly<Record<CreditSubjectKind, string>> = {
  organisation: '法人和其他组织',
  person: '自然人',
};

/** 核查事由. */
export const CREDIT_CHECK_PURPOSE_LABELS: Readonly<Record<CreditCheckPurpose, string>> = {
  'institution-registration': '医疗机构执业登记',
  'institution-change': '医疗机构变更登记',
  'institution-validation': '医疗机构校验',
  'physician-registration': '医师执业注册',
  'nurse-registration': '护士执业注册',
  'other-licence': '其他行政许可',
};

/**
 * The credit context's own behaviour codes (CreditPolicy.behaviourPoints); the others are finding
 * and complaint categories, which their contexts label.
 */
export const CREDIT_BEHAVIOUR_LABELS: Readonly<Record<'commitment-breach' | 'false-material', string>> = {
  'commitment-breach': '违反信用承诺',
  'false-material': '提供虚假材料',
};

/** Where a red- or black-list entry stands. */
export const CREDIT_LIST_ENTRY_STATUS_LABELS: Readonly<Record<ListEntry['status'], string>> = {
  active: '有效',
  expired: '已到期',
  removed: '已移出',
};

/** Where a 双随机 draw stands (`none` is never returned). */
export const CREDIT_DRAW_STATUS_LABELS: Readonly<Record<RandomDrawStatus, string>> = {
  committed: '已承诺种子，待抽取',
  drawn: '已抽取，检查完成后公开',
  revealed: '已公开（种子可核验）',
  cancelled: '已取消',
  requested: '已申请抽取（早期抽查）',
  published: '已公开（早期抽查，无种子承诺）',
};

/** Class, list and measure words in one map, for text that shows any of them (the demo's summaries). */
export const CREDIT_LABELS: Readonly<Record<CreditInfoClass | CreditMeasure | CreditList, string>> = {
  ...CREDIT_INFO_CLASS_LABELS,
  ...CREDIT_LIST_LABELS,
  ...CREDIT_MEASURE_LABELS,
};
