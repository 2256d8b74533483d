/**
 * @bihuan/inspection — inspections (检查), findings (问题) and rectification ledgers (整改台账).
 * The pure domain and workflows; see docs/events/inspection.md for the event catalogue.
 */
export * from './domain';
export * from './workflows';
