export * from './manual-timer-scheduler.adapter';
