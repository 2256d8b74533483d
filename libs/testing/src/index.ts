export * from './fake-clock';
export * from './decider-specification';
export * from './event-store.contract';
export * from './timer-scheduler.contract';
export * from './workflow-specification';
export * from './racing-processes';
export * from './test-messages';
export * from './test-postgres';
