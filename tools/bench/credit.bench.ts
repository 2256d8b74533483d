import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, fold, Message, SYSTEM_ACTOR, SystemClock, TimeOrderedIdGenerator, WorkflowOutput } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync, WorkerDeps } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import {
  CREDIT_ARCHIVE_CATEGORY,
  CREDIT_WORKER,
  CreditArchiveEvent,
  creditArchiveDecider,
  creditConsequencesWorkflow,
  decideCreditArchive,
  evolveCreditArchive,
} from '@bihuan/credit';
import { report, throughput } from './bench-output';

/**
 * Issue 14, item 4: points-adding commands per second for one institution that already holds 0,
 * 1,000 and 5,000 points entries. Each step is what the worker does for one opened finding: the
 * creditConsequences saga decides its AddCreditPoints, and the credit context's sender delivers it
 * through the one write seam (CommandExecution.deliver → handleCommand) on a SQLite store.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const SUITE = 'credit';
const SIZES = [0, 1000, 5000];
const saga = creditConsequencesWorkflow();

/** A FindingOpened as the saga receives it from the log (fresh ids, now). */
function findingOpened(institutionId: string, n: number, eventId: string, now: string): Message {
  return {
    type: 'FindingOpened',
    data: { findingId: `f-${institutionId}-${n}`, institutionId, category: 'red-envelopes', severity: 'general', description: 'bench' },
    metadata: { eventId, correlationId: eventId, causationId: null, actor: SYSTEM_ACTOR, occurredAt: now },
  } as Message;
}

/** The prior record: `count` points entries already decided (appended in batches, not timed). */
async function seed(
  store: SqliteEventStore,
  institutionId: string,
  count: number,
  now: string,
  ids: TimeOrderedIdGenerator,
): Promise<void> {
  const meta = (commandId: string) => ({ commandId, correlationId: commandId, causationId: null, actor: SYSTEM_ACTOR, now });
  let state = fold(creditArchiveDecider(), []);
  const pending: CreditArchiveEvent[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    await store.append(
      `${CREDIT_ARCHIVE_CATEGORY}-${institutionId}`,
      batch.map((e) => ({
        type: e.type,
        data: e.data,
        metadata: { eventId: ids.next(), correlationId: 'seed', causationId: null, actor: SYSTEM_ACTOR, occurredAt: now, schemaVersion: 1 },
      })),
      'any',
    );
  };
  const open = decideCreditArchive({ type: 'OpenCreditArchive', data: { institutionId }, metadata: meta(ids.next()) }, state);
  for (const e of open) state = evolveCreditArchive(state, e);
  pending.push(...open);
  for (let i = 0; i < count; i++) {
    const command = {
      type: 'AddCreditPoints' as const,
      data: { institutionId, pointsId: `seed-${i}`, behaviour: 'disclosure', occurredAt: now },
      metadata: meta(ids.next()),
    };
    const events = decideCreditArchive(command, state);
    for (const e of events) state = evolveCreditArchive(state, e);
    pending.push(...events);
    if (pending.length >= 500) await flush();
  }
  await flush();
}

export async function creditBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-credit-'));
  const clock = new SystemClock();
  const ids = new TimeOrderedIdGenerator();
  const store = SqliteEventStore.open({ file: join(dir, 'credit.sqlite'), clock });
  const execution = new CommandExecution(
    store,
    clock,
    ids,
    new ReadModelSync(),
    new CalendarService(store, clock),
    new PolicyRegistry(store, () => clock.now().toISOString()),
  );
  // Only the write seam is read by the credit senders.
  const senders = new Map<string, CommandSender>(CREDIT_WORKER.senders!({ commands: execution } as WorkerDeps));
  const send = (output: WorkflowOutput): Promise<unknown> => {
    if (output.kind !== 'send') throw new Error(`the saga did not send: ${JSON.stringify(output)}`);
    const category = output.stream.slice(0, output.stream.indexOf('-'));
    return senders.get(category)!.send(output.stream, output.command as Command);
  };
  try {
    const rates: number[] = [];
    for (const size of SIZES) {
      const institutionId = `bench${size}`;
      await seed(store, institutionId, size, clock.now().toISOString(), ids);
      let n = 0;
      rates.push(
        await throughput(SECONDS, async () => {
          const eventId = ids.next();
          const [output] = saga.decide(findingOpened(institutionId, n++, eventId, clock.now().toISOString()), saga.initialState);
          await send(output!);
          return 1;
        }),
      );
      report(SUITE, `points_added_per_s_at_${size}`, rates[rates.length - 1]!, 'commands/s');
      report(SUITE, `points_command_ms_at_${size}`, 1000 / rates[rates.length - 1]!, 'ms');
    }
    report(SUITE, 'points_added_at_5000_vs_0', rates[2]! / rates[0]!, 'ratio');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
