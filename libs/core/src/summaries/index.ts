export * from './event-summary';
export * from './chinese-dates';
export * from './deadline.summaries';
export * from './history-summaries';
export * from './evidence.summaries';
export * from './excerpt';
