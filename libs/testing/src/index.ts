export * from './fake-clock';
export * from './decider-specification';
