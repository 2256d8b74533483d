import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Grid, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { InspectorComplaintActions } from './ComplaintActions';
import { IntakeForm } from './complaint/IntakeForm';
import { useComplaint, useInstitutions } from './inspector-api';
import './inspector.css';

type Ticket = Schemas['ComplaintTicketDto'];
type Filter = 'received' | 'overdue' | 'answered' | 'all';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'received', label: '待转办' },
  { value: 'overdue', label: '逾期' },
  { value: 'answered', label: '待回访' },
  { value: 'all', label: '全部' },
];

function queryOf(filter: Filter) {
  if (filter === 'received' || filter === 'answered') return { status: filter } as const;
  if (filter === 'overdue') return { overdue: true } as const;
  return {};
}

function TicketCard({ ticket, institutionName, onHandle }: { ticket: Ticket; institutionName: string; onHandle: () => void }) {
  const words = useCatalogue();
  const due = ticket.status === 'dispatched' ? ticket.acknowledgeDueAt : ticket.answerDueAt;
  return (
    <Card
      size="small"
      title={
        <Space>
          <Typography.Text code>{ticket.ticketCode}</Typography.Text>
          {words.label('complaintCategories', ticket.category)}
        </Space>
      }
      extra={
        <Tag color={ticket.overdue ? 'red' : ticket.status === 'closed' ? 'green' : 'blue'}>
          {words.label('complaintStatuses', ticket.status)}
        </Tag>
      }
      actions={[
        <Button key="handle" type="primary" size="large" onClick={onHandle} aria-label={`办理 ${ticket.ticketCode}`}>
          办理
        </Button>,
        <Link key="open" to={PATHS.complaint(ticket.ticketId)}>
          详情
        </Link>,
      ]}
    >
      <Space wrap size={[16, 4]}>
        <span>{words.label('complaintChannels', ticket.channel)}</span>
        <span>{institutionName}</span>
        <span>受理 {beijingDateTime(ticket.receivedAt)}</span>
        {due && ticket.status !== 'closed' && <span>期限 {beijingDateTime(due)}</span>}
        {ticket.overdue && <Tag color="red">逾期</Tag>}
        {ticket.supervisedAt && <Tag color="orange">已督办</Tag>}
        {ticket.waitingOnComplainant && <Tag>停表中</Tag>}
      </Space>
    </Card>
  );
}

/** What the ticket is about, above its steps in the drawer. */
function TicketSummary({ ticketId }: { ticketId: string }) {
  const words = useCatalogue();
  const { nameOf } = useInstitutions();
  const ticket = useComplaint(ticketId);
  if (!ticket.data) return null;
  const t = ticket.data;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>
        <Typography.Text code>{t.ticketCode}</Typography.Text>
        <Tag>{words.label('complaintCategories', t.category)}</Tag>
        <Tag color="blue">{words.label('complaintStatuses', t.status)}</Tag>
      </Space>
      <Typography.Text type="secondary">
        {words.label('complaintChannels', t.channel)} · 受理 {beijingDateTime(t.receivedAt)} · 被投诉 {nameOf(t.concernedInstitutionId)}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{t.description}</Typography.Paragraph>
    </Space>
  );
}

/** 投诉受理与督办: intake of complaints by phone or letter, the tickets of the jurisdiction, and their steps. */
export function ComplaintsPage() {
  const screens = Grid.useBreakpoint();
  const { nameOf } = useInstitutions();
  const [filter, setFilter] = useState<Filter>('received');
  const [intake, setIntake] = useState(false);
  const [handling, setHandling] = useState<string | null>(null);
  const tickets = useInfiniteQuery({
    queryKey: ['complaints', 'inspector-list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/complaints', { params: { query: { ...queryOf(filter), cursor: pageParam, pageSize: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];
  const drawer = {
    placement: screens.md ? ('right' as const) : ('bottom' as const),
    size: screens.md ? 560 : '100%',
    destroyOnHidden: true,
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          投诉受理与督办
        </Typography.Title>
      }
      extra={
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setIntake(true)}>
          登记投诉
        </Button>
      }
    >
      <Segmented<Filter> block value={filter} onChange={setFilter} options={FILTERS} style={{ marginBottom: 16 }} />
      {tickets.isLoading ? (
        <Spin tip="正在加载投诉…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : tickets.isError ? (
        <Empty description={messageOf(tickets.error)} />
      ) : items.length === 0 ? (
        <Empty description="暂无投诉" />
      ) : (
        <div className="case-cards">
          {items.map((ticket) => (
            <TicketCard
              key={ticket.ticketId}
              ticket={ticket}
              institutionName={nameOf(ticket.institutionId)}
              onHandle={() => setHandling(ticket.ticketId)}
            />
          ))}
          {tickets.hasNextPage && (
            <Button block size="large" loading={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
              加载更多
            </Button>
          )}
        </div>
      )}
      <Drawer title="登记投诉" open={intake} onClose={() => setIntake(false)} {...drawer}>
        <IntakeForm
          onOpenTicket={(ticketId) => {
            setIntake(false);
            setHandling(ticketId);
          }}
        />
      </Drawer>
      <Drawer title="办理投诉" open={handling !== null} onClose={() => setHandling(null)} {...drawer}>
        {handling && (
          <>
            <TicketSummary ticketId={handling} />
            <InspectorComplaintActions ticketId={handling} />
          </>
        )}
      </Drawer>
    </Card>
  );
}
