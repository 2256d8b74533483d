/**
 * @bihuan/complaints — the complaint ticket closed loop (投诉举报 · 转办跟踪 · 督导反馈).
 * Pure domain and workflows; the API, SM4 key store, read models and statistics build on these.
 * Catalogue of commands, events, states and error codes: docs/events/complaints.md.
 */
export * from './domain/complaint-vocabulary';
export * from './domain/complaint-labels';
export * from './domain/complaint-errors';
export * from './domain/complaint-policy';
export * from './domain/complaint-ticket.commands';
export * from './domain/complaint-ticket.events';
export * from './domain/complaint-ticket.state';
export * from './domain/complaint-ticket.visibility';
export * from './domain/complaint-ticket.evidence';
export * from './domain/complaint-reference.visibility';
export { evolveComplaintTicket } from './domain/complaint-ticket.evolve';
export { complaintTicketDecider, decideComplaintTicket, complaintTicketStream } from './domain/complaint-ticket.decider';
export * from './workflows/complaint-consequences.commands';
export * from './workflows/complaint-consequences.policy';
export * from './workflows/complaint-consequences.workflow';
export { COMPLAINTS_POLICY_CONTEXT } from './application/ticket-builds';
export { PUBLIC_ACTOR, TicketRequest } from './application/ticket-request';
export { transferTarget } from './application/ticket-intake';
export { IdentityDto } from './http/intake.dto';
export type { ReceivedTicket, TicketCommandResult, TicketRequestBody } from './application/ticket-request';
export { ComplaintTicketSender } from './application/complaint-ticket.sender';
export { generateTicketCode, normalizeTicketCode, hashSecret, verifySecret } from './application/public-secret';
export * from './read-models/complaints.tables';
export { COMPLAINTS_MIGRATIONS } from './read-models/complaints.migrations';
export { complaintTicketsProjection, applyComplaintEvent } from './read-models/complaint-tickets.projection';
export { ComplaintTicketQueries } from './read-models/complaint-tickets.query';
export type { TicketListFilter, TicketPage } from './read-models/complaint-tickets.query';
export * from './read-models/complaint-statistics.query';
export * from './read-models/open-steps.query';
export type { PublicTicketStatus, TicketDetail, TicketListItem } from './read-models/ticket-views';
export { ComplaintsModule, COMPLAINTS_PRIVACY, privacyResourcesFor } from './complaints.module';
export { COMPLAINTS_WORKER } from './complaints.worker';
export * from './summaries/complaints.summaries';
export { statisticsSheet } from './read-models/complaint-statistics.xlsx';
