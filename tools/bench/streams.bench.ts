import { benchWriteSeam } from './bench-write-seam';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Actor, Command, Decider, DomainEvent } from '@bihuan/core';
import { EventStore, EventToAppend } from '@bihuan/event-store';
import { commandEventId, handleCommand, StreamStateCache } from '@bihuan/processing';
import { report } from './bench-output';

/**
 * What one command and one read of a case cost as its stream grows (issue 14, item 3): a progress
 * report on a case of 10, 1,000, 5,000 and 10,000 events (the process's first command on the case,
 * then p50/p99 of handleCommand, and of CommandExecution.state as a GET folds it), then the event-loop delay (monitorEventLoopDelay) and
 * a short case's command latency while the longest case takes commands back to back beside it.
 * The decider's evolve is O(1) (it keeps a count and the last report), so what grows is the cost
 * of reading and folding the stream, not of one decider.
 */
const SUITE = 'streams';
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 1);
const LENGTHS = [10, 1_000, 5_000, 10_000] as const;
const ACTOR: Actor = { id: 'inspector-1', role: 'inspector', unit: 'hz-1' };
/** About the size of a real progress report's text and evidence list. */
const TEXT = '整改进度：已完成设备检修与人员培训，附现场照片。'.repeat(20);

type Report = Command<'ReportProgress', { text: string }>;
type Reported = DomainEvent<'ProgressReported', { text: string; evidence: string[] }>;
interface Progress {
  readonly reports: number;
  readonly last: Reported['data'] | null;
}
const progress: Decider<Report, Reported, Progress> = {
  initialState: { reports: 0, last: null },
  evolve: (state, event) => ({ reports: state.reports + 1, last: event.data }),
  decide: (command, state) => [{ type: 'ProgressReported', data: { text: command.data.text, evidence: [`photo-${state.reports}.jpg`] } }],
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Latencies (ms) of `step` run back to back for `seconds` (at least `min` times). */
async function timed(seconds: number, min: number, step: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  while (out.length < min || (process.hrtime.bigint() < until && out.length < 2_000)) {
    const start = process.hrtime.bigint();
    await step();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

function reportLatency(metric: string, sorted: readonly number[]): void {
  // Sub-millisecond figures matter here: report µs.
  report(SUITE, `${metric}_p50`, percentile(sorted, 50) * 1000, 'us');
  report(SUITE, `${metric}_p99`, percentile(sorted, 99) * 1000, 'us');
}

export async function streamsBench(): Promise<void> {
  const { clock, ids, store, execution, dispose } = benchWriteSeam('streams');
  const command = (): Report => {
    const commandId = ids.next();
    return {
      type: 'ReportProgress',
      data: { text: TEXT },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: ACTOR, now: clock.now().toISOString() },
    };
  };
  const seeded = (n: number): EventToAppend => {
    const commandId = ids.next();
    const now = clock.now().toISOString();
    return {
      type: 'ProgressReported',
      data: { text: TEXT, evidence: [`photo-${n}.jpg`] },
      metadata: {
        eventId: commandEventId(commandId, 0),
        correlationId: commandId,
        causationId: commandId,
        actor: ACTOR,
        occurredAt: now,
        schemaVersion: 1,
      },
    };
  };
  const send = (id: string) => handleCommand(store, `progressCase-${id}`, progress, command());
  try {
    for (const length of LENGTHS) {
      for (let at = 0; at < length; at += 500) {
        const batch = Array.from({ length: Math.min(500, length - at) }, (_, i) => seeded(at + i));
        await store.append(`progressCase-L${length}`, batch, at === 0 ? 'no_stream' : at - 1);
      }
    }
    await store.append(
      'progressCase-short',
      Array.from({ length: 10 }, (_, i) => seeded(i)),
      'no_stream',
    );
    for (const length of LENGTHS) {
      // The first command of this process on the case: a stream state cache starts empty, so this
      // one folds the whole stream; the ones after it show what every later command costs.
      const [first] = await timed(0, 1, () => send(`L${length}`));
      report(SUITE, `first_command_at_${length}`, first! * 1000, 'us');
      reportLatency(`command_at_${length}`, await timed(SECONDS, 5, () => send(`L${length}`)));
      reportLatency(`read_at_${length}`, await timed(SECONDS, 5, () => execution.state(progress, 'progressCase', `L${length}`)));
    }
    await underLongStreamLoad(store, send);
  } finally {
    await dispose();
  }
}

/**
 * Short commands alone, then beside a background load on the longest case: its commands back to
 * back (the cache warm), then its cold loads back to back (a fresh cache each time: what the first
 * command after a start or an eviction folds). Reports how long the event loop stalls (what every
 * other request waits) and what a short case's command costs beside it.
 */
async function underLongStreamLoad(store: EventStore, send: (id: string) => Promise<unknown>): Promise<void> {
  const longest = `L${LENGTHS[LENGTHS.length - 1]}`;
  // Baseline: the short commands alone (a commit's fsync runs on the loop: better-sqlite3 is synchronous).
  await beside('short_commands_alone', null, send);
  await beside('long_stream_commands', () => send(longest), send);
  await beside('cold_long_stream_loads', () => new StreamStateCache(store).load(`progressCase-${longest}`, progress), send);
}

async function beside(name: string, background: (() => Promise<unknown>) | null, send: (id: string) => Promise<unknown>): Promise<void> {
  let running = true;
  let done = 0;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const load = (async () => {
    while (running && background) {
      await background();
      done += 1;
    }
  })();
  const started = process.hrtime.bigint();
  const short = await timed(SECONDS * 2, 5, () => send('short'));
  running = false;
  await load;
  histogram.disable();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  report(SUITE, `loop_delay_p99_${name}`, histogram.percentile(99) / 1e3, 'us');
  report(SUITE, `loop_delay_max_${name}`, histogram.max / 1e3, 'us');
  if (background) report(SUITE, `${name}_per_s`, done / seconds, 'ops/s');
  reportLatency(`short_command_beside_${name}`, short);
}
