/**
 * @bihuan/inspection — inspections (检查), findings (问题) and rectification ledgers (整改台账).
 * The pure domain and workflows (see docs/events/inspection.md), the application layer (one
 * command message and handler per aggregate, query handlers, the finding sender), read models,
 * HTTP API (docs/api/inspection.md), the Nest module and the worker contribution.
 */
export * from './domain';
export * from './workflows';
export * from './application';
export * from './read-models';
export * from './http';
export { InspectionModule } from './inspection.module';
export { INSPECTION_WORKER } from './inspection.worker';
export * from './summaries/inspection.summaries';
