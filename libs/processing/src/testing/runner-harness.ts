import { Command, Workflow } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { ManualTimerScheduler, SettableClock } from '@bihuan/timers';
import { MemoryCheckpointStore } from '../checkpoints/memory-checkpoint-store.adapter';
import { CommandRouter, CommandSender } from '../commands/command-router';
import { MemoryDeadLetterStore } from '../dead-letters/memory-dead-letter-store.adapter';
import { TimerDispatcher } from '../timers/timer-dispatcher';
import { WorkflowRunner, WorkflowRunnerOptions } from '../workflow-runner/workflow-runner';
import { caseDecider } from './case.decider';
import { TEST_ACTOR } from './counter.decider';

/**
 * Memory store + manual timers + a fake clock, wired as the worker wires the real ones.
 * The clock comes from the spec (FakeClock), and this file need not import the testing lib (excluded from the build).
 */
export class RunnerHarness {
  readonly store: MemoryEventStore;
  timers: ManualTimerScheduler;
  readonly router: CommandRouter;
  readonly dispatcher: TimerDispatcher;
  readonly checkpoints = new MemoryCheckpointStore();
  readonly deadLetters = new MemoryDeadLetterStore();
  readonly runners: WorkflowRunner<unknown>[] = [];
  private seq = 0;

  constructor(readonly clock: SettableClock) {
    this.store = new MemoryEventStore(clock);
    this.timers = new ManualTimerScheduler(clock);
    this.router = new CommandRouter(this.store).register('case', caseDecider);
    this.dispatcher = new TimerDispatcher(this.router, clock);
  }

  async startTimers(timers = this.timers): Promise<void> {
    this.timers = timers;
    await timers.start(this.dispatcher.handle);
  }

  async run<S>(workflow: Workflow<S>, options: Partial<WorkflowRunnerOptions> = {}): Promise<WorkflowRunner<S>> {
    const runner = new WorkflowRunner(workflow, {
      store: this.store,
      commands: this.router,
      timers: this.timers,
      clock: this.clock,
      checkpoints: this.checkpoints,
      deadLetters: this.deadLetters,
      sleep: async () => undefined,
      ...options,
    });
    await runner.start();
    this.runners.push(runner as WorkflowRunner<unknown>);
    return runner;
  }

  command(type: string, data: object): Command {
    this.seq += 1;
    return {
      type,
      data,
      metadata: {
        commandId: `cmd-${this.seq}`,
        correlationId: `corr-${this.seq}`,
        causationId: null,
        actor: TEST_ACTOR,
        now: this.clock.now().toISOString(),
      },
    };
  }

  send(stream: string, type: string, data: object, sender: CommandSender = this.router): Promise<unknown> {
    return sender.send(stream, this.command(type, data));
  }

  /** Waits until every running runner has handled everything, including what handling appended. */
  async settle(runners = this.runners): Promise<void> {
    for (let round = 0; round < 50; round += 1) {
      const head = await this.store.headPosition();
      if (head === null) return;
      for (const r of runners) await r.caughtUpTo(head);
      if ((await this.store.headPosition()) === head) return;
    }
    throw new Error('runners did not settle');
  }

  async types(stream: string): Promise<string[]> {
    return (await this.store.readStream(stream)).map((e) => e.type);
  }

  async close(): Promise<void> {
    for (const r of this.runners) await r.stop();
    await this.timers.stop();
    await this.store.close();
  }
}
