/**
 * @bihuan/documents — printable notices (DOCX) with gap-free document numbers recorded on the case
 * (issue 17; docs/api/documents.md, ADR 0009): 整改通知书, 提醒敦促函, 约谈通知书, 挂牌督办通知, 销号确认.
 */
export * from './documents-errors';
export * from './documents-policy';
export * from './numbering/document-number-format';
export * from './numbering/document-number.decider';
export * from './numbering/document-number.register';
export * from './rendering/docx-render';
export * from './rendering/official-layout';
export * from './numbering/document-number.visibility';
export * from './templates/notice-fields';
export * from './templates/notice-template.decider';
export * from './templates/notice-templates';
export * from './templates/template-inspection';
export { buildDefaultTemplate } from './templates/default-templates';
export * from './application/notice-field-values';
export * from './application/notice-views';
export * from './application/issue-notice.handler';
export * from './application/notice.queries';
export { sendDocx, type FileResponse } from './http/send-docx';
export { DocumentsModule } from './documents.module';
export * from './summaries/documents.summaries';
