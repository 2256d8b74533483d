import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { CAMPAIGNS_KEY, useCampaign } from '../../shared/campaigns';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingToday } from '../../shared/time';
import { CampaignListItem, ISSUING_ROLES } from './campaign-queries';
import { LaunchCampaignForm } from './LaunchCampaignForm';
import './campaign.css';

type Status = CampaignListItem['status'];

/**
 * The phase a running campaign is in on the server's day (its page's `currentPhase`): the list's
 * read model keeps only the first and last day, and a page holds at most 20 campaigns, each read
 * once and shared with its page.
 */
function PhaseNow({ campaign }: { campaign: CampaignListItem }) {
  const detail = useCampaign(campaign.status === 'launched' ? campaign.campaignId : null);
  if (campaign.status === 'closed') return <span>—</span>;
  if (!detail.data) return <Typography.Text type="secondary">…</Typography.Text>;
  const { phases, currentPhase } = detail.data;
  const current = currentPhase === null ? null : phases[currentPhase];
  if (current)
    return (
      <Space size={4} wrap>
        <Tag color="processing">{current.name}</Tag>
        <Typography.Text type="secondary">至 {current.to}</Typography.Text>
      </Space>
    );
  const next = phases.find((phase) => phase.status === 'upcoming');
  return <Typography.Text type="secondary">{next ? `${next.name} ${next.from} 开始` : '各阶段已结束，待总结'}</Typography.Text>;
}

/** A campaign on a phone: the table's columns as lines of a card. */
function CampaignCard({ campaign, issuer }: { campaign: CampaignListItem; issuer: string }) {
  const words = useCatalogue();
  return (
    <Card
      size="small"
      title={<Link to={PATHS.campaign(campaign.campaignId)}>{campaign.title}</Link>}
      extra={<Tag color={campaign.status === 'closed' ? 'default' : 'blue'}>{words.label('campaignStatuses', campaign.status)}</Tag>}
    >
      <Space orientation="vertical" size={4}>
        <span>{issuer}</span>
        <span>
          {campaign.startsOn} 至 {campaign.endsOn} · {campaign.institutionCount} 家
        </span>
        <PhaseNow campaign={campaign} />
      </Space>
    </Card>
  );
}

/** 专项行动: the campaigns the reader may see, newest first, by status; 发起专项行动 opens the form in a drawer. */
export function CampaignsPage() {
  const words = useCatalogue();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<Status | undefined>();
  const [launching, setLaunching] = useState(false);
  const campaigns = useInfiniteQuery({
    queryKey: [...CAMPAIGNS_KEY, 'list', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/campaigns', { params: { query: { status, cursor: pageParam, pageSize: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pages = campaigns.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const names = Object.assign({}, ...pages.map((page) => namesOf(page))) as Record<string, string>;
  const mayLaunch = ISSUING_ROLES.includes(me.data?.actor.role ?? '');
  const emptyText = mayLaunch ? '暂无专项行动。点击“发起专项行动”开始。' : '暂无专项行动';

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          专项行动
        </Typography.Title>
      }
      extra={
        mayLaunch && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLaunching(true)}>
            发起专项行动
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<Status>
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={words.options('campaignStatuses').map((option) => ({ ...option, value: option.value as Status }))}
        />
      </Space>
      {campaigns.isError && <Typography.Text type="danger">专项行动加载失败：{messageOf(campaigns.error)}</Typography.Text>}
      {screens.md ? (
        <Table<CampaignListItem>
          rowKey="campaignId"
          size="middle"
          aria-label="专项行动列表"
          loading={campaigns.isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          columns={[
            {
              title: '行动名称',
              dataIndex: 'title',
              width: 240,
              fixed: 'left',
              render: (title: string, row) => <Link to={PATHS.campaign(row.campaignId)}>{title}</Link>,
            },
            { title: '发文单位', dataIndex: 'issuingUnitId', width: 170, render: (id: string) => names[id] ?? id },
            {
              title: '行动期间',
              key: 'period',
              width: 200,
              render: (_, row) => `${row.startsOn} 至 ${row.endsOn}`,
            },
            { title: '当前阶段', key: 'phase', width: 200, render: (_, row) => <PhaseNow campaign={row} /> },
            { title: '范围', dataIndex: 'institutionCount', width: 90, render: (count: number) => `${count} 家` },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (value: Status) => (
                <Tag color={value === 'closed' ? 'default' : 'blue'}>{words.label('campaignStatuses', value)}</Tag>
              ),
            },
          ]}
        />
      ) : items.length || campaigns.isLoading ? (
        <div className="campaign-cards">
          {items.map((campaign) => (
            <CampaignCard key={campaign.campaignId} campaign={campaign} issuer={names[campaign.issuingUnitId] ?? campaign.issuingUnitId} />
          ))}
        </div>
      ) : (
        <Empty description={emptyText} />
      )}
      {campaigns.hasNextPage && (
        <Button block style={{ marginTop: 16 }} loading={campaigns.isFetchingNextPage} onClick={() => void campaigns.fetchNextPage()}>
          加载更多
        </Button>
      )}
      <Drawer
        title="发起专项行动"
        open={launching}
        onClose={() => setLaunching(false)}
        placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 720 : '94%'}
        destroyOnHidden
      >
        <LaunchCampaignForm defaultYear={Number(beijingToday().slice(0, 4))} onDone={() => setLaunching(false)} />
      </Drawer>
    </Card>
  );
}
