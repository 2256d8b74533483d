import { Actor, Command, Decider, DomainEvent, fold, SYSTEM_ACTOR } from '@bihuan/core';
import { DeadlineWindow } from './deadline-rules';

/** Test fixtures (not exported from the lib): actors, instants, command and window builders. */
export const T0 = '2025-03-03T02:00:00.000Z';

export const inspector: Actor = { id: 'u-inspector-1', role: 'inspector', unit: 'city-1' };
export const hospital: Actor = { id: 'u-hospital-1', role: 'hospital', unit: 'inst-1' };
export const otherHospital: Actor = { id: 'u-hospital-2', role: 'hospital', unit: 'inst-2' };
export const leader: Actor = { id: 'u-leader-1', role: 'leader', unit: 'city-1' };
export const system: Actor = SYSTEM_ACTOR;

/** ISO instant `days` calendar days after T0 (plus `hours`). */
export function at(days: number, hours = 0): string {
  return new Date(Date.parse(T0) + days * 86_400_000 + hours * 3_600_000).toISOString();
}

let counter = 0;
export function cmd<C extends Command>(type: C['type'], data: C['data'], actor: Actor = inspector, now: string = T0): C {
  counter += 1;
  return { type, data, metadata: { commandId: `cmd-${counter}`, correlationId: 'corr-1', causationId: null, actor, now } } as C;
}

/** A computed deadline window as the application layer would send it. */
export function window(startedAt: string, dueAt: string, workingDays: number, warnAt: readonly string[] = []): DeadlineWindow {
  return { startedAt, dueAt, workingDays, calendarVersion: 'cn-2025@test', warnAt, policy: { workingDays } };
}

/** Runs commands through a decider and returns every event, to build `given` histories. */
export function history<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: readonly C[]): E[] {
  const events: E[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events)));
  return events;
}
