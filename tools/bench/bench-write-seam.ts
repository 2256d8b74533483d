import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock, TimeOrderedIdGenerator } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync } from '@bihuan/platform';

/** The write seam as a process builds it, on a fresh SQLite store in a temp directory. */
export interface BenchWriteSeam {
  readonly clock: SystemClock;
  readonly ids: TimeOrderedIdGenerator;
  readonly store: SqliteEventStore;
  readonly execution: CommandExecution;
  /** Closes the store and removes the directory. */
  dispose(): Promise<void>;
}

/** One home for the benches' set-up (commands, streams, credit), so they measure the same seam. */
export function benchWriteSeam(name: string): BenchWriteSeam {
  const dir = mkdtempSync(join(tmpdir(), `bihuan-bench-${name}-`));
  const clock = new SystemClock();
  const ids = new TimeOrderedIdGenerator();
  const store = SqliteEventStore.open({ file: join(dir, `${name}.sqlite`), clock });
  const execution = new CommandExecution(
    store,
    clock,
    ids,
    new ReadModelSync(),
    new CalendarService(store, clock),
    new PolicyRegistry(store, () => clock.now().toISOString()),
  );
  return {
    clock,
    ids,
    store,
    execution,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
