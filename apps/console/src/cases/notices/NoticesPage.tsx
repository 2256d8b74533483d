import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDateTime } from '../../shared/time';
import { mayIssueNotices, type NoticeKind, NOTICES_KEY } from './notice-queries';
import { NoticeForm } from './NoticeForm';
import '../../inspector/inspector.css';

type NoticeItem = Schemas['StaffNoticeListItemDto'];
type NoticeStatus = NoticeItem['status'];

function NoticeCard({ notice, unitName }: { notice: NoticeItem; unitName: string }) {
  const words = useCatalogue();
  const published = notice.status === 'published';
  return (
    <Card
      size="small"
      title={
        <Link to={PATHS.notice(notice.noticeId)} style={{ whiteSpace: 'normal' }}>
          {notice.title}
        </Link>
      }
      extra={<Tag color={published ? 'green' : 'blue'}>{words.label('publicNoticeStatuses', notice.status)}</Tag>}
    >
      <Space wrap size={[16, 4]}>
        <span>{notice.documentNo ?? '未编号（草稿）'}</span>
        <span>{words.label('publicNoticeKinds', notice.kind)}</span>
        {notice.period ? (
          <span>
            {notice.period.from} 至 {notice.period.to}
          </span>
        ) : null}
        <span>{unitName}</span>
        <span>{published ? `发布于 ${beijingDateTime(notice.publishedAt)}` : `起草于 ${beijingDateTime(notice.draftedAt)}`}</span>
        {notice.correctsId ? <Tag color="purple">{notice.withdraw ? '撤销通报' : '更正通报'}</Tag> : null}
        {notice.correctedById ? <Tag color="orange">已被更正</Tag> : null}
      </Space>
    </Card>
  );
}

/**
 * 通报公示: the notices of the user's units, drafts and published, newest drafted first, filtered by
 * status and kind; the issuers (inspectors and leaders) draft a new one here.
 */
export function NoticesPage() {
  const words = useCatalogue();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const me = useMe();
  const [drafting, setDrafting] = useState(false);
  const [status, setStatus] = useState<NoticeStatus | undefined>();
  const [kind, setKind] = useState<NoticeKind | undefined>();
  const notices = useInfiniteQuery({
    queryKey: [...NOTICES_KEY, 'list', status, kind],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/public-notices', { params: { query: { status, kind, cursor: pageParam, pageSize: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = notices.data?.pages.flatMap((page) => page.items) ?? [];
  const names = Object.assign({}, ...(notices.data?.pages.map(namesOf) ?? [])) as Record<string, string>;
  const mayDraft = mayIssueNotices(me.data?.actor.role);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          通报公示
        </Typography.Title>
      }
      extra={
        mayDraft ? (
          <Button type="primary" icon={<PlusOutlined />} size="large" onClick={() => setDrafting(true)}>
            起草通报
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16, width: '100%' }}>
        <Select<NoticeStatus>
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={words.options('publicNoticeStatuses').map((option) => ({ ...option, value: option.value as NoticeStatus }))}
        />
        <Select<NoticeKind>
          aria-label="按类别筛选"
          allowClear
          placeholder="全部类别"
          style={{ minWidth: 200 }}
          value={kind}
          onChange={setKind}
          options={words.options('publicNoticeKinds').map((option) => ({ ...option, value: option.value as NoticeKind }))}
        />
      </Space>
      {notices.isLoading ? (
        <Spin tip="正在加载通报…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : notices.isError ? (
        <Empty description={messageOf(notices.error)} />
      ) : items.length === 0 ? (
        <Empty description={mayDraft ? '暂无通报。点击“起草通报”开始。' : '暂无通报。'} />
      ) : (
        <div className="case-cards">
          {items.map((notice) => (
            <NoticeCard key={notice.noticeId} notice={notice} unitName={names[notice.issuingUnitId] ?? notice.issuingUnitId} />
          ))}
          {notices.hasNextPage && (
            <Button block size="large" loading={notices.isFetchingNextPage} onClick={() => void notices.fetchNextPage()}>
              加载更多
            </Button>
          )}
        </div>
      )}
      <Drawer
        title="起草通报"
        open={drafting}
        onClose={() => setDrafting(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 520 : '90%'}
        destroyOnHidden
      >
        <NoticeForm
          onSaved={(noticeId) => {
            setDrafting(false);
            navigate(PATHS.notice(noticeId));
          }}
        />
      </Drawer>
    </Card>
  );
}
