import { Public } from '@bihuan/auth';
import { Controller, Injectable, Module, Post } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { deadlineCaseDecider } from '@bihuan/processing';
import { CommandExecution } from '@bihuan/platform';

/** A latch the test opens: the request has entered, and may go on once released. */
@Injectable()
export class Latch {
  private enter: () => void = () => undefined;
  private go: () => void = () => undefined;
  readonly entered = new Promise<void>((resolve) => (this.enter = resolve));
  readonly released = new Promise<void>((resolve) => (this.go = resolve));
  arrive(): void {
    this.enter();
  }
  release(): void {
    this.go();
  }
}

const decider = deadlineCaseDecider({ deadlineId: 'due', purpose: 'test', calendarVersion: 'none', alreadyOpen: 'CASE.ALREADY_OPEN' });

/** A command request the test holds in flight (after it arrived, before it writes) while the app stops. */
@Public()
@Controller('__held')
export class HeldRequestController {
  constructor(
    private readonly latch: Latch,
    private readonly commands: CommandExecution,
  ) {}

  @Post()
  async run(): Promise<{ stream: string }> {
    this.latch.arrive();
    await this.latch.released;
    const outcome = await this.commands.execute(SYSTEM_ACTOR, {
      category: 'heldCase',
      id: '1',
      decider,
      build: () => ({ type: 'OpenCase' as const, data: { dueAt: '2025-03-10T01:00:00.000Z' } }),
    });
    return { stream: outcome.stream };
  }
}

@Module({ controllers: [HeldRequestController], providers: [Latch] })
export class HeldRequestModule {}
