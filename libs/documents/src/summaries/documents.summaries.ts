import { EventSummaries, summaryCatalogue } from '@bihuan/core';
import { isNoticeKind, NOTICE_KIND_LABELS } from '@bihuan/inspection';
import { DocumentNumberEvent, PUBLIC_NOTICE_DOCUMENT_KIND } from '../numbering/document-number.decider';
import { NoticeTemplateVersionAdded as NoticeTemplateEvent } from '../templates/notice-template.decider';

const kindLabel = (kind: string): string =>
  isNoticeKind(kind) ? NOTICE_KIND_LABELS[kind] : kind === PUBLIC_NOTICE_DOCUMENT_KIND ? '通报（公示）' : kind;

/** The number register's and the templates' events in words (docs/events/documents.md). */
export const DOCUMENT_SUMMARIES: EventSummaries<DocumentNumberEvent | NoticeTemplateEvent> = {
  DocumentNumberAssigned: (d, c) => `${c.person(d.assignedBy)} 取得文号 ${d.documentNo}（${kindLabel(d.kind)}）`,
  DocumentNumberVoided: (d, c) => `${c.person(d.voidedBy)} 作废文号 ${d.documentNo}：${d.reason}`,
  NoticeTemplateVersionAdded: (d, c) =>
    `${c.person(d.addedBy)} 启用${kindLabel(d.kind)}模板第${d.version}版${d.source === 'default' ? '（内置）' : ''}：${d.reason}`,
};

/** Numbers and templates are the register's bookkeeping: the finding's NoticeDocumentIssued tells the story. */
export const DOCUMENTS_SUMMARY_CATALOGUE = summaryCatalogue<DocumentNumberEvent | NoticeTemplateEvent>('documents', DOCUMENT_SUMMARIES, {
  bookkeeping: { DocumentNumberAssigned: true, DocumentNumberVoided: true },
});
