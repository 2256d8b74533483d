import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module';
import PizZip from 'pizzip';
import { documentsError } from '../documents-errors';
import { isNoticeField, NOTICE_FIELD_NAMES, NoticeField } from './notice-fields';

/** Where in an upload request the template bytes are (named in every refusal). */
const FIELD = 'file';

interface TemplateErrorLike {
  readonly properties?: {
    readonly errors?: readonly { readonly message?: string; readonly properties?: { readonly explanation?: string } }[];
  };
  readonly message?: string;
}

function parseProblems(error: unknown): string {
  const e = error as TemplateErrorLike;
  const inner = e.properties?.errors ?? [];
  const texts = inner.map((i) => i.properties?.explanation ?? i.message ?? '').filter((t) => t.length > 0);
  return (texts.length > 0 ? texts : [e.message ?? String(error)]).slice(0, 5).join('；');
}

/**
 * Checks an uploaded template before anything is kept: a DOCX (a ZIP with word/document.xml)
 * whose placeholders parse, name only known fields (templates/notice-fields.ts), use no loops or
 * conditions, and include `{documentNo}` (a notice without its number cannot be checked against
 * the log). Answers the fields it uses; refuses with 400 naming `file` (the form field) otherwise.
 */
export function inspectTemplate(bytes: Uint8Array): NoticeField[] {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw documentsError('TEMPLATE_INVALID', '模板不是有效的 DOCX 文件（无法作为 ZIP 读取）', FIELD);
  }
  if (!zip.file('word/document.xml')) throw documentsError('TEMPLATE_INVALID', '模板不是 Word 文档（缺少 word/document.xml）', FIELD);
  const inspect = new InspectModule();
  try {
    new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, modules: [inspect] });
  } catch (error) {
    throw documentsError('TEMPLATE_INVALID', `模板占位符无法解析：${parseProblems(error)}`, FIELD);
  }
  const tags = inspect.getAllTags();
  const names = Object.keys(tags);
  const unknown = names.filter((n) => !isNoticeField(n));
  if (unknown.length > 0) {
    throw documentsError(
      'TEMPLATE_UNKNOWN_FIELD',
      `模板使用了未知字段：${unknown.join('、')}（可用字段：${NOTICE_FIELD_NAMES.join('、')}）`,
      FIELD,
    );
  }
  const nested = names.filter((n) => Object.keys((tags[n] ?? {}) as object).length > 0);
  if (nested.length > 0) throw documentsError('TEMPLATE_INVALID', `模板不支持循环或条件段落：${nested.join('、')}`, FIELD);
  if (!names.includes('documentNo')) throw documentsError('TEMPLATE_FIELD_REQUIRED', '模板必须包含文号占位符 {documentNo}', FIELD);
  return names.filter(isNoticeField);
}
