/**
 * @bihuan/complaints — the complaint ticket closed loop (投诉举报 · 转办跟踪 · 督导反馈).
 * Pure domain and workflows; the API, SM4 key store, read models and statistics build on these.
 * Catalogue of commands, events, states and error codes: docs/events/complaints.md.
 */
export * from './domain/complaint-vocabulary';
export * from './domain/complaint-errors';
export * from './domain/complaint-policy';
export * from './domain/complaint-ticket.commands';
export * from './domain/complaint-ticket.events';
export * from './domain/complaint-ticket.state';
export { evolveComplaintTicket } from './domain/complaint-ticket.evolve';
export { complaintTicketDecider, decideComplaintTicket, complaintTicketStream } from './domain/complaint-ticket.decider';
export * from './workflows/complaint-consequences.commands';
export * from './workflows/complaint-consequences.policy';
export * from './workflows/complaint-consequences.workflow';
