import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { beijingDate, beijingDateTime } from '../shared/time';
import { InspectorFindingActions } from './FindingActions';
import { useInstitutions } from './inspector-api';
import './inspector.css';

type LedgerRow = Schemas['InspectionLedgerRowDto'];

function ReviewCard({ row, institutionName, onReview }: { row: LedgerRow; institutionName: string; onReview: () => void }) {
  const words = useCatalogue();
  return (
    <Card
      size="small"
      title={institutionName}
      extra={row.overdue ? <Tag color="red">逾期</Tag> : <Tag color="blue">待审核</Tag>}
      actions={[
        <Button
          key="review"
          type="primary"
          size="large"
          onClick={onReview}
          aria-label={`审核：${institutionName} ${words.label('findingCategories', row.category)}`}
        >
          审核
        </Button>,
        <Link key="open" to={PATHS.finding(row.findingId)}>
          问题详情
        </Link>,
      ]}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{words.label('findingCategories', row.category)}</Typography.Text>
          <Tag>{words.label('severities', row.severity)}</Tag>
          {row.round > 1 && <Tag color="orange">第{row.round}轮整改</Tag>}
        </Space>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {row.description}
        </Typography.Paragraph>
        {row.progressSummary && <Typography.Text type="secondary">整改情况：{row.progressSummary}</Typography.Text>}
        <Typography.Text type="secondary">
          证据 {row.evidenceFiles} 份 · 整改时限 {beijingDate(row.deadline)} · 更新于 {beijingDateTime(row.updatedAt)}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/**
 * 销号审核: the findings whose hospital asked for sign-off (GET /findings?status=signOffRequested, by
 * cursor), each reviewed in a drawer — full screen on a phone — with the evidence viewer.
 */
export function ReviewsPage() {
  const screens = Grid.useBreakpoint();
  const words = useCatalogue();
  const { nameOf } = useInstitutions();
  const [reviewing, setReviewing] = useState<LedgerRow | null>(null);
  const rows = useInfiniteQuery({
    queryKey: ['inspector', 'reviews'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/findings', { params: { query: { status: 'signOffRequested', cursor: pageParam, pageSize: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          销号审核
        </Typography.Title>
      }
    >
      {rows.isLoading ? (
        <Spin tip="正在加载待审核的问题…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : rows.isError ? (
        <Empty description={messageOf(rows.error)} />
      ) : items.length === 0 ? (
        <Empty description="暂无待审核的销号申请" />
      ) : (
        <div className="case-cards">
          {items.map((row) => (
            <ReviewCard key={row.findingId} row={row} institutionName={nameOf(row.institutionId)} onReview={() => setReviewing(row)} />
          ))}
          {rows.hasNextPage && (
            <Button block size="large" loading={rows.isFetchingNextPage} onClick={() => void rows.fetchNextPage()}>
              加载更多
            </Button>
          )}
        </div>
      )}
      <Drawer
        title={reviewing ? `${nameOf(reviewing.institutionId)} · ${words.label('findingCategories', reviewing.category)}` : ''}
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 640 : '100%'}
        destroyOnHidden
      >
        {reviewing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reviewing.description}</Typography.Paragraph>
            <InspectorFindingActions findingId={reviewing.findingId} />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
