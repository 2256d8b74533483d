import { eventSummaries } from '@bihuan/audit';
import { ROLE_LABELS } from '@bihuan/core';
import { Actor } from '@bihuan/core';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';

/** The demo jurisdiction's name of a unit id (卫生健康委员会 / 卫生健康局 shortened to 卫健委 / 卫健局). */
export function unitName(id: unknown): string {
  const name = DEMO_UNITS.find((u) => u.id === id)?.name ?? String(id ?? '');
  return name.replace('卫生健康委员会', '卫健委').replace('卫生健康局', '卫健局');
}

/** The registry every history uses (@bihuan/audit), naming people and units from the demo jurisdiction. */
export const DEMO_SUMMARIES = eventSummaries({
  person: (id) => DEMO_USERS.find((u) => u.id === id)?.name,
  unit: (id) => (DEMO_UNITS.some((u) => u.id === id) ? unitName(id) : undefined),
});

function actorOf(value: unknown): Pick<Actor, 'id' | 'role'> & { unit?: string } {
  const a = (value ?? {}) as { id?: unknown; role?: unknown; unit?: unknown };
  return {
    id: typeof a.id === 'string' ? a.id : '?',
    role: (typeof a.role === 'string' ? a.role : 'system') as Actor['role'],
    ...(typeof a.unit === 'string' ? { unit: a.unit } : {}),
  };
}

/** One line in Chinese for a history entry `{ type, data, actor }` (the registry's summary). */
export function summarise(entry: { readonly [key: string]: unknown }): string {
  const data = entry['data'];
  return DEMO_SUMMARIES.summarise({
    type: String(entry['type']),
    data: typeof data === 'object' && data !== null ? data : {},
    actor: actorOf(entry['actor'] ?? entry['reader']),
  });
}

/** Whether a history entry is bookkeeping the demo folds away, as the audit history does by default. */
export function isBookkeeping(entry: { readonly [key: string]: unknown }): boolean {
  return DEMO_SUMMARIES.isBookkeeping(String(entry['type']));
}

/** `赵监督员（监督员，甲市东城区卫健局）`; timers and sagas read as 系统. */
export function actorText(actor: unknown): string {
  const a = actorOf(actor);
  if (a.role === 'system' || a.role === 'public') return DEMO_SUMMARIES.actorName(a);
  return `${DEMO_SUMMARIES.actorName(a)}（${ROLE_LABELS[a.role] ?? a.role}，${unitName(a.unit)}）`;
}
