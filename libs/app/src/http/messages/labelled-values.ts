import { NoticeRefusal } from '@bihuan/inspection';
import { VOCABULARIES } from '../../catalogue/vocabularies';

/** The password policy's rules (AUTH.PASSWORD_POLICY's `rule`); another rule name is shown as it is. */
const PASSWORD_RULES: Readonly<Record<string, string>> = {
  minLength: '密码过短',
  maxLength: '密码过长',
  minCharacterClasses: '密码的字符种类不足',
  notUserId: '密码不得包含用户名',
  notCurrent: '新密码不得与当前密码相同',
};

/** Why a notice may not be issued now (INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED's `refusal`); typed, so a new reason needs words. */
const NOTICE_REFUSALS: Readonly<Record<NoticeRefusal, string>> = {
  withdrawn: '该问题已撤销',
  notSignedOff: '该问题尚未销号',
  signedOff: '该问题已销号',
  noRequirement: '尚未下达整改要求（整改时限未确定）',
  notInLadder: '现行督办阶梯不含此环节',
  notEscalated: '本轮整改尚未逾期升级到此环节',
};

/**
 * Placeholders whose values are codes of a vocabulary: shown by their label (`hospital` → 医院,
 * `summons` → 约谈通知书), so an error carries codes and each language says them in its own words.
 */
export const LABELLED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role: VOCABULARIES.roles,
  allowed: VOCABULARIES.roles,
  rule: PASSWORD_RULES,
  noticeKind: VOCABULARIES.noticeKinds,
  refusal: NOTICE_REFUSALS,
};
