import { Command, fold } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CalendarService, PolicyRegistry } from '@bihuan/platform';
import { CommandSender, handleCommand, HandleCommandResult } from '@bihuan/processing';
import {
  createFindingDecider,
  DEFAULT_INSPECTION_POLICY,
  ExpireDeadline,
  FindingCommand,
  findingDecider,
  nextDeadlineNeed,
} from '../domain';
import { workingDayWindow } from './deadline-windows';
import { INSPECTION_POLICY_CONTEXT } from './inspection-context';

/**
 * The `finding` category's sender for timers and workflows. An `ExpireDeadline` that climbs the
 * escalation ladder (提醒敦促函 → 整改通知书 → 约谈通知书 → 挂牌督办 → 通报) to a rung with its own
 * deadline gets that rung's working-day window in `data.next`, computed at `metadata.now` (the
 * instant the wake-up is handled) with the calendar and policy in force. Everything else, and
 * every late or duplicate wake-up, goes to the decider unchanged (which answers [] when not due).
 */
export class FindingWakeUpSender implements CommandSender {
  constructor(
    private readonly store: EventStore,
    private readonly calendars: CalendarService,
    private readonly policies: PolicyRegistry,
  ) {}

  async send(stream: string, command: Command): Promise<HandleCommandResult<unknown>> {
    const policy = await this.policies.current(INSPECTION_POLICY_CONTEXT, DEFAULT_INSPECTION_POLICY);
    const enriched = command.type === 'ExpireDeadline' ? await this.enrich(stream, command as ExpireDeadline, policy) : command;
    return handleCommand(this.store, stream, createFindingDecider(policy), enriched as FindingCommand);
  }

  private async enrich(stream: string, command: ExpireDeadline, policy: typeof DEFAULT_INSPECTION_POLICY): Promise<ExpireDeadline> {
    if (command.data.next) return command;
    const state = fold(findingDecider, (await this.store.readStream(stream)) as never[]);
    const need = nextDeadlineNeed(state, command.data, policy);
    if (!need) return command;
    const calendar = await this.calendars.current();
    const next = workingDayWindow(calendar, policy, command.metadata.now, need.workingDays, { rung: need.rung, step: need.step });
    return { ...command, data: { ...command.data, next } };
  }
}
