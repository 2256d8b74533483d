import { DirectoryFileProblem } from '@bihuan/directory';
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
 * Why a directory import file was refused as a whole (DIRECTORY.IMPORT_FILE_*'s `fileProblem`).
 * A label may say the error's other values (`{maxRows}`).
 */
const DIRECTORY_FILE_PROBLEMS: Readonly<Record<DirectoryFileProblem, string>> = {
  empty: '文件为空',
  duplicateSheet: '工作簿中有不止一个「{sheet}」工作表',
  missingSheet: '工作簿中没有「{sheet}」工作表',
  noSheets: '工作簿中没有「单位」「科室」「用户」工作表',
  csvKindUnknown: '无法从表头判断CSV文件是单位、科室还是用户名单，请指明',
  notXlsx: '文件不是XLSX工作簿（请用Excel或WPS另存为.xlsx格式）',
  xlsxBroken: '无法读取XLSX工作簿，文件可能已损坏',
  xlsxIncomplete: '无法读取XLSX工作簿，文件可能不完整',
  notPlainXlsx: '文件不是普通的XLSX工作簿',
  xlsxNotCsv: '文件是XLSX工作簿而不是CSV，请按XLSX格式上传',
  notText: '文件不是文本格式的CSV',
  csvBomMismatch: 'CSV文件的编码与其字节顺序标记不符，无法读取',
  csvEncoding: '无法识别CSV文件的编码（应为UTF-8或GBK/GB18030）',
  csvMalformed: 'CSV文件格式不正确（引号或分隔符不成对），无法读取',
  bytes: '文件大小超过上限（最大{maxKb}KB），请分批导入',
  rows: '共{rows}行，超过每次导入的上限{maxRows}行，请分批导入',
  xlsxRows: '工作表行数超过上限（每次最多导入{maxRows}行，设置了格式的空行也计入），请删除多余的行',
  csvRows: 'CSV文件行数超过上限（每次最多导入{maxRows}行）',
  unpacked: '工作簿解压后过大',
  unpackedMb: '工作簿解压后超过{maxMb}MB，请分批导入',
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
  fileProblem: DIRECTORY_FILE_PROBLEMS,
};
