import IORedis, { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Opens an ioredis connection fit for BullMQ (`maxRetriesPerRequest: null`) and proves it answers,
 * so a missing Redis is a clear error at start-up instead of commands queued forever.
 */
export async function openRedis(url: string, timeoutMs = 3_000): Promise<Redis> {
  const redis = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, connectTimeout: timeoutMs });
  let lastError: unknown = null;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer to PING')), timeoutMs).unref()),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    const cause = lastError instanceof Error ? lastError.message : error instanceof Error ? error.message : String(error);
    throw new Error(`Redis not reachable at ${url} (${cause}): start redis-server or set REDIS_URL`);
  }
}
