import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { useCatalogue } from './catalogue';
import { beijingDateTime } from './time';

/** One line of a case's history, as the API's history routes give it (summary already in Chinese). */
export interface TimelineEntry {
  readonly key: string;
  readonly summary: string | null | undefined;
  readonly at: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly type: string;
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
      items={entries.map((entry) => ({
        key: entry.key,
        children: (
          <>
            <div>{entry.summary || entry.type}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {beijingDateTime(entry.at)} · {words.label('roles', entry.actor.role)}{' '}
              {names?.[entry.actor.id] ?? (entry.actor.role === 'public' ? '' : entry.actor.id)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
