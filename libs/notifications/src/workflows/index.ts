export * from './case-facts';
export * from './notification-intent';
export * from './notification-wording';
export * from './notification-rules';
