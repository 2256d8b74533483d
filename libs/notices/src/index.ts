/**
 * @bihuan/notices — public notices (通报 · 公示, issue 22): a pure decider over `publicNotice-<id>`
 * streams, its visibility and summaries, the application layer (one command message and handler,
 * the publisher that freezes the tables with their SM3, the reads), its tables built from the other
 * contexts' reads (cut to what seed 002 makes public), the printed DOCX, its read model, HTTP API
 * (docs/notices.md), module and worker part. It sits above complaints, inspection, credit, campaigns
 * and documents, which it reads; nothing below it imports it.
 */
export * from './domain/public-notice-values';
export * from './domain/public-notice-labels';
export * from './domain/public-notice-errors';
export * from './domain/public-notice.messages';
export * from './domain/public-notice.state';
export * from './domain/public-notice.decider';
export * from './domain/public-notice.visibility';
export * from './application/tables/notice-table';
export * from './application/notice-access';
export * from './application/notice-views';
export * from './application/notice-reads';
export * from './application/notice-content';
export * from './application/notice-publisher';
export * from './application/notice-request.handler';
export * from './rendering/public-notice-docx';
export * from './read-models/notices-read-model.schema';
export * from './read-models/notices.projection';
export * from './read-models/notices.queries';
export * from './http/public-notice.dto';
export * from './http/public-notice.response';
export * from './summaries/public-notice.summaries';
export { NoticesModule } from './notices.module';
export { NOTICES_WORKER } from './notices.worker';
