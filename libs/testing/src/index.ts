export * from './fake-clock';
export * from './decider-specification';
export * from './event-store.contract';
export * from './timer-scheduler.contract';
export * from './workflow-specification';
export * from './test-messages';
