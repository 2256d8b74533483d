import { Job, JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const JOB_NAME = 'timer';

export interface TimerJobData {
  readonly dueAt: string;
  readonly payload: Record<string, unknown>;
}

/** Ids per pipeline when asking Redis which timers exist. */
const CHECK_CHUNK = 2_000;

/**
 * Removes the job with this id and adds its successor in one MULTI (BullMQ's own removeJob and
 * add scripts, queued on one transaction as `addBulk` queues them on a pipeline). Removing and
 * then adding in two round trips lost timers for good when the process died between the two
 * (issue 14): the old job was gone and the new one never written. Returns false, changing
 * nothing, when the job is active (locked): BullMQ refuses to remove it and ignores the add of an
 * existing id, so the caller parks the spec as a replacement instead.
 */
export async function replaceJob(queue: Queue<TimerJobData>, id: string, data: TimerJobData, opts: JobsOptions): Promise<boolean> {
  const client = await queue.client;
  const multi = client.multi();
  queue.scripts.execCommand(multi, 'removeJob', [queue.toKey(id), queue.toKey('repeat'), id, 0, queue.toKey('')]);
  // Queues the add on the transaction synchronously; its promise settles with the transaction, not the job.
  void new Job<TimerJobData>(queue, JOB_NAME, data, { ...opts, jobId: id }, id).addJob(multi).catch(() => undefined);
  const results = (await multi.exec()) ?? [];
  for (const [error] of results) if (error) throw error;
  const removed = Number(results[0]?.[1]);
  if (removed < 0) throw new Error(`BullMQ refused to remove job ${id} (code ${removed})`);
  return removed === 1;
}

/**
 * KEYS: job keys; ARGV[1]: the replacements hash, ARGV[1 + i]: the id of KEYS[i]. Returns the
 * (1-based) positions with neither a job nor a parked replacement. One script per chunk instead
 * of a pipeline of one EXISTS each: the client builds and parses one command, not thousands.
 */
const MISSING_SCRIPT = `
local absent = {}
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 0 and redis.call('HEXISTS', ARGV[1], ARGV[i + 1]) == 0 then
    absent[#absent + 1] = i
  end
end
return absent`;

/**
 * Those of `ids` with neither a job hash (in any state: delayed, waiting, active, retrying) nor a
 * parked replacement, in the order given: one atomic script per 2,000 ids.
 */
export async function missingJobs(redis: Redis, queue: Queue, replacementsKey: string, ids: readonly string[]): Promise<string[]> {
  const absent: string[] = [];
  for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
    const chunk = ids.slice(i, i + CHECK_CHUNK);
    const keys = chunk.map((id) => queue.toKey(id));
    const positions = (await redis.eval(MISSING_SCRIPT, keys.length, ...keys, replacementsKey, ...chunk)) as number[];
    for (const k of positions) absent.push(chunk[k - 1]!);
  }
  return absent;
}
