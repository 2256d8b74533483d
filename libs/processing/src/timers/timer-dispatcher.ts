import { Clock, Command, isDomainError } from '@bihuan/core';
import { timerCommandId } from '../workflows/deadline-timer-ids';
import { FiredTimer, TimerHandler } from '@bihuan/timers';
import { CommandSender } from '../commands/command-router';

export interface TimerDispatcherOptions {
  /** Told when a wake-up command is refused by a rule (logged, not retried: it would be refused again). */
  readonly onRefused?: (timer: FiredTimer, error: unknown) => void;
}

function isCommand(value: unknown): value is Command {
  const c = value as Partial<Command> | null;
  return (
    !!c &&
    typeof c.type === 'string' &&
    typeof c.data === 'object' &&
    c.data !== null &&
    typeof c.metadata === 'object' &&
    c.metadata !== null
  );
}

/**
 * Turns a fired timer (payload `{ stream, command }`) into a command on its stream. The command id
 * is derived from the timer id and dueAt, so a duplicate or retried wake-up is recognised by
 * handleCommand as the same command; a late one is answered with [] by the decider
 * (`expiryIsDue` / `warningIsDue`). `now` is the firing instant. Hand `handle` to
 * `TimerScheduler.start`; a thrown error makes the scheduler retry.
 */
export class TimerDispatcher {
  constructor(
    private readonly commands: CommandSender,
    private readonly clock: Clock,
    private readonly options: TimerDispatcherOptions = {},
  ) {}

  readonly handle: TimerHandler = async (timer) => {
    const { stream, command } = timer.payload as { stream?: unknown; command?: unknown };
    if (typeof stream !== 'string' || !isCommand(command)) {
      throw new Error(`Timer ${timer.id} payload is not { stream, command }`);
    }
    const wakeUp: Command = {
      ...command,
      metadata: {
        ...command.metadata,
        commandId: timerCommandId(timer.id, timer.dueAt),
        now: this.clock.now().toISOString(),
      },
    };
    try {
      await this.commands.send(stream, wakeUp);
    } catch (error) {
      if (isDomainError(error) && error.kind !== 'conflict') {
        this.options.onRefused?.(timer, error);
        return;
      }
      throw error;
    }
  };
}
