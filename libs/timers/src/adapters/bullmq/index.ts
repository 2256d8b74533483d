export * from './bullmq-timer-scheduler.adapter';
export { DEFAULT_REDIS_URL, openRedis } from './bullmq-connection';
