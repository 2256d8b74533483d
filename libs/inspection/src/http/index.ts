export * from './visit.dto';
export * from './finding.dto';
export * from './query.dto';
export * from './visits.controller';
export * from './finding-steps.controller';
export * from './findings.controller';
export * from './ledgers.controller';
