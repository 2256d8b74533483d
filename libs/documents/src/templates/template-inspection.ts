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
  return (texts.length > 0 ? texts : [e.message ?? String(error)]).slice(0, 5).join('; ');
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
    throw documentsError('TEMPLATE_INVALID', 'The template is not a valid DOCX file (it cannot be read as a ZIP)', {
      field: FIELD,
      notZip: true,
    });
  }
  if (!zip.file('word/document.xml'))
    throw documentsError('TEMPLATE_INVALID', 'The template is not a Word document (word/document.xml is missing)', {
      field: FIELD,
      notWord: true,
    });
  const inspect = new InspectModule();
  try {
    new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, modules: [inspect] });
  } catch (error) {
    const problems = parseProblems(error);
    throw documentsError('TEMPLATE_INVALID', `The template's placeholders cannot be parsed: ${problems}`, { field: FIELD, problems });
  }
  const tags = inspect.getAllTags();
  const names = Object.keys(tags);
  const unknown = names.filter((n) => !isNoticeField(n));
  if (unknown.length > 0) {
    throw documentsError(
      'TEMPLATE_UNKNOWN_FIELD',
      `The template uses unknown fields: ${unknown.join(', ')} (known: ${NOTICE_FIELD_NAMES.join(', ')})`,
      { field: FIELD, unknown, known: NOTICE_FIELD_NAMES },
    );
  }
  const nested = names.filter((n) => Object.keys((tags[n] ?? {}) as object).length > 0);
  if (nested.length > 0) {
    throw documentsError('TEMPLATE_INVALID', `Templates may not have loops or conditional sections: ${nested.join(', ')}`, {
      field: FIELD,
      nested,
    });
  }
  if (!names.includes('documentNo')) {
    throw documentsError('TEMPLATE_FIELD_REQUIRED', 'The template must contain the document number placeholder {documentNo}', {
      field: FIELD,
      required: '{documentNo}',
    });
  }
  return names.filter(isNoticeField);
}
