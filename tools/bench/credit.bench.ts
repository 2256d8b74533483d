import { benchWriteSeam } from './bench-write-seam';
import { Command, fold, Message, streamName, SYSTEM_ACTOR, TimeOrderedIdGenerator, WorkflowOutput } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CommandSender } from '@bihuan/processing';
import {
  CREDIT_ARCHIVE_CATEGORY,
  CREDIT_POINTS_CATEGORY,
  creditArchiveDecider,
  creditArchiveSenders,
  creditConsequencesWorkflow,
  creditPointsStreamId,
  decideCreditArchive,
} from '@bihuan/credit';
import { report, throughput } from './bench-output';

/**
 * Issue 14, item 4: points-adding commands per second for one institution that already holds 0,
 * 1,000 and 5,000 points entries. Each step is what the worker does for one opened finding: the
 * creditConsequences saga decides its AddCreditPoints, and the credit context's sender delivers it
 * through the one write seam (CommandExecution.deliver → handleCommand) on a SQLite store: it reads
 * the archive for the current cycle, then decides the entry on its own stream (ADR 0006). Before
 * ADR 0006 (one archive stream, whole state copied on each event) this measured 55, 1.4 and 0.03/s.
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

/**
 * The prior record: the archive, then `count` points entries already decided in its current cycle,
 * each in its own stream as the credit context writes them (ADR 0006); appended directly, not timed.
 */
async function seed(
  store: SqliteEventStore,
  institutionId: string,
  count: number,
  now: string,
  ids: TimeOrderedIdGenerator,
): Promise<void> {
  const meta = () => ({
    eventId: ids.next(),
    correlationId: 'seed',
    causationId: null,
    actor: SYSTEM_ACTOR,
    occurredAt: now,
    schemaVersion: 1,
  });
  const commandId = ids.next();
  const open = decideCreditArchive(
    {
      type: 'OpenCreditArchive',
      data: { institutionId },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: SYSTEM_ACTOR, now },
    },
    fold(creditArchiveDecider(), []),
  );
  await store.append(
    streamName(CREDIT_ARCHIVE_CATEGORY, institutionId),
    open.map((e) => ({ ...e, metadata: meta() })),
    'no_stream',
  );
  for (let i = 0; i < count; i++) {
    const pointsId = `seed-${i}`;
    const data = {
      institutionId,
      pointsId,
      cycleNo: 1,
      behaviour: 'disclosure',
      points: 1,
      summary: null,
      source: null,
      causedBy: null,
      occurredAt: now,
      addedBy: 'system',
      policyVersion: 'credit-default@1',
    };
    await store.append(
      streamName(CREDIT_POINTS_CATEGORY, creditPointsStreamId(institutionId, pointsId)),
      [{ type: 'CreditPointsAdded', data, metadata: meta() }],
      'no_stream',
    );
  }
}

export async function creditBench(): Promise<void> {
  const { clock, ids, store, execution, dispose } = benchWriteSeam('credit');
  const senders = new Map<string, CommandSender>(creditArchiveSenders(execution));
  const send = (output: WorkflowOutput): Promise<unknown> => {
    if (output.kind !== 'send') throw new Error(`the saga did not send: ${JSON.stringify(output)}`);
    const category = output.stream.slice(0, output.stream.indexOf('-'));
    return senders.get(category)!.send(output.stream, output.command as Command);
  };
  try {
    const step = (institutionId: string) => {
      let n = 0;
      return async () => {
        const [output] = saga.decide(findingOpened(institutionId, n++, ids.next(), clock.now().toISOString()), saga.initialState);
        await send(output!);
        return 1;
      };
    };
    // Warm-up on an institution of its own, so that the first size measured does not pay for the JIT.
    await seed(store, 'benchwarm', 0, clock.now().toISOString(), ids);
    await throughput(1, step('benchwarm'));
    const rates: number[] = [];
    for (const size of SIZES) {
      const institutionId = `bench${size}`;
      await seed(store, institutionId, size, clock.now().toISOString(), ids);
      rates.push(await throughput(SECONDS, step(institutionId)));
      report(SUITE, `points_added_per_s_at_${size}`, rates[rates.length - 1]!, 'commands/s');
      report(SUITE, `points_command_ms_at_${size}`, 1000 / rates[rates.length - 1]!, 'ms');
    }
    report(SUITE, 'points_added_at_5000_vs_0', rates[2]! / rates[0]!, 'ratio');
  } finally {
    await dispose();
  }
}
