import { App, Pagination, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf } from '../client/errors';
import { CaseTimeline } from '../shared/CaseTimeline';
import { useCaseFileList } from '../shared/CaseFiles';
import { namesOf } from '../shared/names';
import { recordedAfter } from './as-of';
import { TIMELINE_PAGE_SIZE, useCaseHistory } from './audit-queries';
import { AuditEntry, CauseRef, TimelineStepDetail } from './TimelineStepDetail';

const anchorOf = (position: number): string => `event-${position}`;

/** How long a step pointed at stays marked. */
const HIGHLIGHT_MS = 4000;

/**
 * 案件经过: the merged timeline of every linked case, as it stands now, with each step's deadlines,
 * cause and effects, and cited files; steps recorded after `asOf` greyed (or left out). Following a
 * cause scrolls to it, turning the page when it is on another one (`instants` says where).
 */
export function AuditTimeline({
  root,
  asOf,
  all,
  positions,
}: {
  root: string;
  asOf: string | null;
  all: boolean;
  /** Positions of every step of the timeline in its order (GET …/instants): which page a step is on. */
  positions: readonly number[] | undefined;
}) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [hideLater, setHideLater] = useState(false);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const history = useCaseHistory(root, page, all);
  const files = useCaseFileList(root);
  const entries = history.data?.entries ?? [];

  useEffect(() => setPage(1), [all]);
  // Once the step pointed at is on the page, bring it into view; the mark fades after a while.
  useEffect(() => {
    if (highlighted === null || !entries.some((e) => e.position === highlighted)) return undefined;
    document.getElementById(anchorOf(highlighted))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted, entries]);

  if (history.isError) return <Typography.Text type="danger">案件经过加载失败：{messageOf(history.error)}</Typography.Text>;
  const names = namesOf(history.data);
  const byEvent = new Map(entries.map((e) => [e.eventId, e]));
  const fileMap = new Map((files.data?.files ?? []).map((f) => [f.digest, f]));
  const effectsOf = (entry: AuditEntry) => entries.filter((e) => (e.origin ?? e.causedBy)?.eventId === entry.eventId);
  const previousInStream = (index: number): AuditEntry | undefined =>
    entries
      .slice(0, index)
      .reverse()
      .find((e) => e.stream === entries[index]!.stream);

  const follow = (ref: CauseRef): void => {
    if (byEvent.has(ref.eventId)) return setHighlighted(ref.position);
    const at = positions?.indexOf(ref.position) ?? -1;
    if (at < 0) {
      void message.info(all ? '该记录不在本案件可查看的范围内' : '该记录是系统内部记录，已折叠；打开“显示内部记录”可查看');
      return;
    }
    setPage(Math.floor(at / TIMELINE_PAGE_SIZE) + 1);
    setHighlighted(ref.position);
  };

  const shown = entries
    .map((entry, index) => ({ entry, index, later: recordedAfter(entry.recordedAt, asOf) }))
    .filter(({ later }) => !(hideLater && later));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {asOf && (
        <Space size={8}>
          <Switch size="small" checked={hideLater} onChange={setHideLater} aria-label="隐藏该时刻之后的步骤" />
          <span>隐藏该时刻之后的步骤</span>
        </Space>
      )}
      <CaseTimeline
        loading={history.isLoading}
        names={names}
        entries={shown.map(({ entry, index, later }) => {
          const ref = entry.origin ?? entry.causedBy;
          return {
            key: entry.eventId,
            anchor: anchorOf(entry.position),
            summary: entry.summary,
            at: entry.occurredAt,
            recordedAt: entry.recordedAt,
            actor: entry.actor,
            type: entry.type,
            later,
            highlighted: highlighted === entry.position,
            detail: (
              <TimelineStepDetail
                entry={entry}
                root={root}
                previous={previousInStream(index)}
                later={later}
                cause={ref ? { ref, summary: byEvent.get(ref.eventId)?.summary ?? null } : null}
                effects={effectsOf(entry)}
                files={fileMap}
                onFollow={follow}
              />
            ),
          };
        })}
      />
      {history.data && history.data.pages > 1 && (
        <Pagination
          current={page}
          pageSize={TIMELINE_PAGE_SIZE}
          total={history.data.total}
          showSizeChanger={false}
          onChange={setPage}
          showTotal={(total) => `共 ${total} 个步骤`}
        />
      )}
      {history.data?.folded ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          另有 {history.data.folded} 条系统内部记录（流程记录、期限计时）已折叠。
        </Typography.Text>
      ) : null}
    </Space>
  );
}
