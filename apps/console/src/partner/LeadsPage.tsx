import { Alert, Button, Card, Descriptions, Empty, Grid, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Schemas } from '../client/client';
import { messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { CursorPager, useCursorPages } from '../shared/CursorPager';
import { namesOf } from '../shared/names';
import { beijingDateTime } from '../shared/time';
import { useLead, useLeadPage } from './lead-queries';
import { LeadForm } from './LeadForm';

type Lead = Schemas['LeadDto'];

/** How far the complaint a lead became has come: its step and dates, as the API tells an agency (never the answer). */
function LeadProgress({ leadId }: { leadId: string }) {
  const words = useCatalogue();
  const lead = useLead(leadId);
  if (lead.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (lead.isError) return <Typography.Text type="danger">进度加载失败：{messageOf(lead.error)}</Typography.Text>;
  const ticket = lead.data?.ticket;
  if (!ticket) return <Typography.Text type="secondary">尚未登记为投诉。</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 3 }}
      items={[
        { key: 'code', label: '投诉编号', children: ticket.ticketCode },
        { key: 'step', label: '办理进度', children: <Tag color="blue">{words.label('publicTicketSteps', ticket.step)}</Tag> },
        { key: 'received', label: '受理时间', children: beijingDateTime(ticket.receivedAt) },
        { key: 'answered', label: '答复时间', children: beijingDateTime(ticket.answeredAt) },
        { key: 'closed', label: '办结时间', children: beijingDateTime(ticket.closedAt ?? ticket.declinedAt) },
      ]}
    />
  );
}

/**
 * 线索移送: the leads the agency sent, newest first, each with the complaint it became (code, and its
 * progress when unfolded), and 移送线索 to send a new one.
 */
export function LeadsPage() {
  const words = useCatalogue();
  const pages = useCursorPages();
  const page = useLeadPage(pages.cursor);
  // On a phone the list keeps when and where it stands (the institution under the date); the rest is on wider screens.
  const wide = Grid.useBreakpoint().md ?? true;
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const names = namesOf(page.data);
  const nameOf = (id: string | null): string => (id ? (names[id] ?? id) : '—');
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          线索移送
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          移送线索
        </Button>
      }
    >
      {sent && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSent(null)}
          style={{ marginBottom: 16 }}
          message={`线索已移送并登记为投诉，投诉编号 ${sent}`}
        />
      )}
      {page.isError && <Typography.Text type="danger">线索加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<Lead>
        rowKey="leadId"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={wide ? { x: 860 } : undefined}
        locale={{ emptyText: <Empty description="暂未移送线索" /> }}
        expandable={{ expandedRowRender: (row) => <LeadProgress leadId={row.leadId} />, expandRowByClick: true }}
        columns={[
          {
            title: '移送时间',
            dataIndex: 'submittedAt',
            width: 140,
            render: (v: string, row) =>
              wide ? (
                beijingDateTime(v)
              ) : (
                <Space orientation="vertical" size={0}>
                  <span>{beijingDateTime(v)}</span>
                  <Typography.Text type="secondary">{nameOf(row.institutionId ?? row.toUnit)}</Typography.Text>
                </Space>
              ),
          },
          { title: '受理单位', dataIndex: 'toUnit', width: 180, responsive: ['md'], render: (v: string) => nameOf(v) },
          { title: '涉及机构', dataIndex: 'institutionId', width: 180, responsive: ['md'], render: (v: string | null) => nameOf(v) },
          {
            title: '类别',
            dataIndex: 'category',
            width: 140,
            responsive: ['md'],
            render: (v: string) => words.label('complaintCategories', v),
          },
          { title: '来文编号', dataIndex: 'agencyReference', width: 150, responsive: ['md'], render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            width: 200,
            render: (_, row) => (
              <Space size={4} wrap>
                <Tag color={row.status === 'registered' ? 'green' : 'default'}>{words.label('leadStatuses', row.status)}</Tag>
                {row.ticketCode && <span>投诉 {row.ticketCode}</span>}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={page.data?.nextCursor} busy={page.isFetching} />
      {open && (
        <LeadForm
          onClose={() => setOpen(false)}
          onSent={(ticketCode) => {
            setOpen(false);
            setSent(ticketCode);
            pages.reset();
          }}
        />
      )}
    </Card>
  );
}
