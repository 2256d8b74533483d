export * from './timer-scheduler.port';
