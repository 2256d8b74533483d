import { Empty, Skeleton, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCatalogue } from './catalogue';
import { beijingDateTime } from './time';

/** One line of a case's history, as the API's history routes give it (summary already in Chinese). */
export interface TimelineEntry {
  readonly key: string;
  readonly summary: string | null | undefined;
  /** When it happened (occurredAt). */
  readonly at: string;
  /** When it was put on the record, shown when it is another minute than `at`. */
  readonly recordedAt?: string;
  readonly actor: { readonly id: string; readonly role: string; readonly unit?: string };
  readonly type: string;
  /** More about the step under its summary (deadlines, cause, files): the audit page's. */
  readonly detail?: ReactNode;
  /** The element id, so a link can scroll to the entry. */
  readonly anchor?: string;
  /** Not yet on the record at the instant being looked at: shown greyed. */
  readonly later?: boolean;
  /** Pointed at just now (a cause followed to it). */
  readonly highlighted?: boolean;
}

/** A step of the audit history (GET /audit/cases/{stream}/history) as a timeline line. */
export function timelineEntryOf(entry: {
  readonly eventId: string;
  readonly summary?: string | null;
  readonly occurredAt: string;
  readonly actor: TimelineEntry['actor'];
  readonly type: string;
}): TimelineEntry {
  return { key: entry.eventId, summary: entry.summary, at: entry.occurredAt, actor: entry.actor, type: entry.type };
}

/** Who did it: role, name and unit by name (the role alone for the public, 系统 for timers and workflows). */
function actorText(actor: TimelineEntry['actor'], roleLabel: string, names: Readonly<Record<string, string>> | undefined): string {
  if (actor.role === 'system' || actor.id === 'system') return '系统';
  const name = names?.[actor.id] ?? (actor.role === 'public' ? '' : actor.id);
  const unit = actor.unit && actor.role !== 'public' ? names?.[actor.unit] : undefined;
  const who = [roleLabel, name].filter(Boolean).join(' ');
  return unit ? `${who}（${unit}）` : who;
}

/** 办理记录: a case's readable history, oldest first, who did what and when (Beijing time). */
export function CaseTimeline({
  entries,
  loading,
  names,
}: {
  entries: readonly TimelineEntry[] | undefined;
  loading: boolean;
  /** The answer's `names` (id → name), so people read names rather than ids. */
  names?: Readonly<Record<string, string>>;
}) {
  const words = useCatalogue();
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!entries || entries.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={entries.map((entry) => {
        const recorded = entry.recordedAt && beijingDateTime(entry.recordedAt) !== beijingDateTime(entry.at) ? entry.recordedAt : null;
        return {
          key: entry.key,
          color: entry.later ? 'gray' : entry.highlighted ? 'red' : 'blue',
          content: (
            <div
              id={entry.anchor}
              className={
                [entry.later ? 'timeline-later' : '', entry.highlighted ? 'timeline-highlighted' : ''].join(' ').trim() || undefined
              }
            >
              <div className="timeline-summary">{entry.summary || entry.type}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {beijingDateTime(entry.at)} · {actorText(entry.actor, words.label('roles', entry.actor.role), names)}
                {recorded && ` · 记录于 ${beijingDateTime(recorded)}`}
              </Typography.Text>
              {entry.detail}
            </div>
          ),
        };
      })}
    />
  );
}
