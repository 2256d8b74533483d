import { Clock, deterministicId, isDomainError, Workflow, WorkflowOutput } from '@bihuan/core';
import { EventStore, isWrongExpectedRevision, RecordedEvent } from '@bihuan/event-store';
import { TimerScheduler } from '@bihuan/timers';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';
import { MemoryCheckpointStore } from '../checkpoints/memory-checkpoint-store.adapter';
import { CommandSender } from '../commands/command-router';
import { DeadLetter, DeadLetterStore } from '../dead-letters/dead-letter-store.port';
import { MemoryDeadLetterStore } from '../dead-letters/memory-dead-letter-store.adapter';
import { Projection } from '../projections/projection';
import { ProjectionLag, ProjectionRunner } from '../projections/projection-runner';
import { backoffDelay, errorMessage, realSleep, Sleep } from '../retry';
import { KeyedTaskQueue } from './keyed-task-queue';
import { dispatchedEvent, finaliseOutput, RecordContext, recordEvents, replayWorkflow, timerStream } from './workflow-records';

export interface WorkflowRunnerOptions {
  readonly store: EventStore;
  readonly commands: CommandSender;
  readonly timers: TimerScheduler;
  readonly clock: Clock;
  /** Defaults to memory; the worker gives a TableCheckpointStore on the read-model database. */
  readonly checkpoints?: CheckpointStore;
  readonly deadLetters?: DeadLetterStore;
  /** Instances handled at once (each instance's inputs stay in order). Default 8. */
  readonly concurrency?: number;
  /** Attempts per input (first included) before it is parked. Default 5. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: Sleep;
  /** Told about every failed attempt and every parked input (for logs and metrics). */
  readonly onError?: (error: unknown, context: { workflow: string; input: string; attempt: number; parked: boolean }) => void;
}

/**
 * Runs one workflow (saga) from the log (architecture.md, rule 4). For each input: find the
 * instance, replay its stream, and — if the input is new — decide and append InputRecorded plus one
 * OutputRecorded per output *before* acting; then act (send through the CommandSender with a
 * deterministic command id, schedule / cancel timers) and append OutputsDispatched. Every step is
 * idempotent, so a crash anywhere only means acting again: the checkpoint moves only after
 * acting, and an input found recorded but not dispatched is acted on, never decided again.
 * A failing input is retried with backoff, then parked as a dead letter and the runner moves on.
 * Different instances are handled concurrently (`concurrency`), each instance's inputs in order.
 */
export class WorkflowRunner<S> {
  private readonly runner: ProjectionRunner;
  private readonly letters: DeadLetterStore;
  private readonly queue: KeyedTaskQueue;

  constructor(
    readonly workflow: Workflow<S>,
    private readonly options: WorkflowRunnerOptions,
  ) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(workflow.name))
      throw new Error(`Workflow name "${workflow.name}" must be a dash-free stream category`);
    this.letters = options.deadLetters ?? new MemoryDeadLetterStore();
    const name = `workflow.${workflow.name}`;
    const checkpoints = options.checkpoints ?? new MemoryCheckpointStore();
    // The queue, not the ProjectionRunner, saves the checkpoint: only up to where every input is done.
    this.queue = new KeyedTaskQueue(options.concurrency ?? 8, (position) => checkpoints.save(name, position));
    const projection: Projection = {
      name,
      filter: { eventTypes: workflow.inputs },
      checkpoints,
      handle: (event) => this.queue.push(this.instanceOf(event) ?? `@${event.position}`, event.position, () => this.onInput(event)),
    };
    this.runner = new ProjectionRunner(options.store, projection, { checkpoints });
  }

  start(): Promise<void> {
    return this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.queue.drain();
  }

  /**
   * Resolves once every input up to `position` has been handled or parked. The checkpoint covering
   * them follows within the queue's coalescing delay (`stop` writes it at once): every command's
   * read-your-writes wait asks this, and a checkpoint write (an fsync) per wait was what it cost.
   */
  async caughtUpTo(position: number): Promise<void> {
    await this.runner.caughtUpTo(position);
    await this.queue.finishedThrough(position);
  }

  /** From memory: every input up to `position` delivered and handled (or parked). */
  reached(position: number): boolean {
    return this.runner.reached(position) && this.queue.doneThrough(position);
  }

  /** Where its inputs stand against `head` (see ProjectionRunner.lag); named `workflow.<name>`. */
  lag(head: number | null): Promise<ProjectionLag> {
    return this.runner.lag(head);
  }

  behind(head: number): number | Promise<number> {
    return this.runner.behind(head);
  }

  /** Parked inputs of this workflow, oldest first (admin view). */
  deadLetters(): Promise<DeadLetter[]> {
    return this.letters.list(this.workflow.name);
  }

  /**
   * Handles a parked input again (after a fix). True when it now succeeded and the letter is gone;
   * false when it failed again (the letter is updated with the new error and attempt count).
   */
  async retryDeadLetter(id: string): Promise<boolean> {
    const letter = await this.letters.get(id);
    if (!letter || letter.workflow !== this.workflow.name) throw new Error(`No dead letter ${id} for workflow ${this.workflow.name}`);
    const [input] = await this.options.store.readStream(letter.input.streamName, { fromRevision: letter.input.revision, maxCount: 1 });
    if (!input || input.metadata.eventId !== letter.input.eventId) {
      throw new Error(
        `Input ${letter.input.eventId} of dead letter ${id} is no longer at ${letter.input.streamName}@${letter.input.revision}`,
      );
    }
    const outcome = await this.withRetries(input);
    if (outcome.ok) {
      await this.letters.remove(id);
      return true;
    }
    await this.letters.put({ ...letter, error: outcome.error, attempts: letter.attempts + outcome.attempts, at: this.now() });
    return false;
  }

  /** Handles one input with retries; parks it when they run out. Never throws for the input's sake. */
  private async onInput(input: RecordedEvent): Promise<void> {
    const outcome = await this.withRetries(input);
    if (outcome.ok) return;
    await this.letters.put({
      id: deterministicId('dead-letter', this.workflow.name, input.metadata.eventId),
      workflow: this.workflow.name,
      instance: this.instanceOf(input),
      input: {
        eventId: input.metadata.eventId,
        type: input.type,
        streamName: input.streamName,
        revision: input.revision,
        position: input.position,
      },
      error: outcome.error,
      attempts: outcome.attempts,
      at: this.now(),
    });
  }

  private async withRetries(input: RecordedEvent): Promise<{ ok: true } | { ok: false; error: string; attempts: number }> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const sleep = this.options.sleep ?? realSleep;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.process(input);
        return { ok: true };
      } catch (error) {
        // A rule refusal will refuse again: park at once. Conflicts and failures may pass later.
        const permanent = isDomainError(error) && error.kind !== 'conflict';
        const parked = permanent || attempt >= maxAttempts;
        this.options.onError?.(error, { workflow: this.workflow.name, input: input.metadata.eventId, attempt, parked });
        if (parked) return { ok: false, error: errorMessage(error), attempts: attempt };
        await sleep(backoffDelay(attempt, this.options.baseDelayMs ?? 200, this.options.maxDelayMs ?? 10_000));
      }
    }
  }

  private instanceOf(input: RecordedEvent): string | null {
    try {
      return this.workflow.instanceId(input);
    } catch {
      return null;
    }
  }

  /** Record (if new) then act; safe to run any number of times for the same input. */
  private async process(input: RecordedEvent): Promise<void> {
    const instance = this.workflow.instanceId(input);
    if (instance === null) return;
    const stream = `${this.workflow.name}-${instance}`;
    for (let conflicts = 0; ; conflicts += 1) {
      const history = replayWorkflow(this.workflow, await this.options.store.readStream(stream));
      const ctx: RecordContext = { workflow: this.workflow.name, instance, input, now: this.now() };
      const known = history.inputs.get(input.metadata.eventId);
      if (known) {
        if (!known.dispatched) await this.act(stream, ctx, known.outputs);
        return;
      }
      if (history.completed) return;
      const outputs = this.workflow.decide(input, history.state).map((o, i) => finaliseOutput(ctx, o, i));
      try {
        await this.options.store.append(stream, recordEvents(ctx, outputs), history.expected);
      } catch (error) {
        if (isWrongExpectedRevision(error) && conflicts < 10) continue; // another runner: look again
        throw error;
      }
      if (outputs.some((o) => o.kind === 'send' || o.kind === 'schedule' || o.kind === 'cancel')) await this.act(stream, ctx, outputs);
      return;
    }
  }

  private async act(stream: string, ctx: RecordContext, outputs: readonly WorkflowOutput[]): Promise<void> {
    for (const output of outputs) {
      switch (output.kind) {
        case 'send':
          await this.options.commands.send(output.stream, output.command);
          break;
        case 'schedule':
          await this.options.timers.schedule({
            id: output.timer.id,
            dueAt: output.timer.dueAt,
            payload: { stream: timerStream(output.timer), command: output.timer.command },
          });
          break;
        case 'cancel':
          await this.options.timers.cancel(output.timerId);
          break;
        case 'complete':
        case 'ignore':
          break;
      }
    }
    await this.options.store.append(stream, [dispatchedEvent(ctx, outputs.length)], 'any');
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}
