export * from './timer-scheduler.port';
export * from './timer-support';
export * from './adapters/manual';
export * from './adapters/sqlite';
export * from './adapters/bullmq';
