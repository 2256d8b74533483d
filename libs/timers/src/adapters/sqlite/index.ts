export * from './sqlite-timer-scheduler.adapter';
export { TIMERS_SCHEMA } from './sqlite-timer.statements';
