export * from './inspection-read-model.schema';
export * from './ledger-row';
export * from './ledger.projection';
export * from './visits.projection';
export * from './ledger.queries';
export * from './counts.queries';
export * from './visits.queries';
export * from './ledger-export';
