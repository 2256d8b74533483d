import { Empty, Form, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { CursorPager, useCursorPages } from '../shared/CursorPager';
import { DueText } from '../shared/DueText';
import { namesOf } from '../shared/names';
import { beijingDateTime } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { Referral, ReferralListQuery, useReferralPage } from './referral-queries';

/** Where a referral stands on its acknowledgement: 已签收 (and when), or the deadline with working days left. */
export function AcknowledgeState({ referral, daysLeft }: { referral: Referral; daysLeft: number | undefined }) {
  if (referral.acknowledgedAt)
    return (
      <Space size={4} wrap>
        <span>已签收 {beijingDateTime(referral.acknowledgedAt)}</span>
        {referral.acknowledgeOverdue && <Tag color="red">逾期签收</Tag>}
      </Space>
    );
  return <DueText dueAt={referral.acknowledgeDueAt} overdue={referral.acknowledgeOverdue} workingDaysLeft={daysLeft} />;
}

/**
 * A list of referrals, newest first, paged by the API's cursor, filtered by status (and, for the
 * commission, by case) in the URL; a row opens the referral's page. `side` says whose list it is:
 * the agency's (who referred it) or the commission's (where it went).
 */
export function ReferralList({ side }: { side: 'agency' | 'commission' }) {
  const words = useCatalogue();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as ReferralListQuery['status'];
  const sourceStream = params.get('sourceStream') ?? undefined;
  // On a phone the list keeps the case, the acknowledgement and the status; who and when are on wider screens.
  const wide = Grid.useBreakpoint().md ?? true;
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const page = useReferralPage({ ...(status ? { status } : {}), ...(sourceStream ? { sourceStream } : {}), ...(cursor ? { cursor } : {}) });
  const rows = page.data?.items ?? [];
  const names = namesOf(page.data);
  const daysLeft = useWorkingDaysLeft(rows.map((row) => (row.acknowledgedAt ? null : row.acknowledgeDueAt)));
  const filter = (name: string, value: string | undefined): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.reset();
  };
  const nameOf = (id: string | null): string => (id ? (names[id] ?? id) : '—');

  return (
    <>
      <Form layout="inline" className="ledger-filters">
        <Form.Item label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            value={status}
            onChange={(value?: string) => filter('status', value)}
            options={words.options('referralStatuses')}
          />
        </Form.Item>
        {side === 'commission' && (
          <Form.Item label="案件">
            <Input.Search
              allowClear
              placeholder="案件流水号，如 finding-…"
              defaultValue={sourceStream}
              style={{ width: 260 }}
              onSearch={(value) => filter('sourceStream', value.trim() || undefined)}
            />
          </Form.Item>
        )}
      </Form>
      {page.isError && <Typography.Text type="danger">移交加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<Referral>
        style={{ marginTop: 16 }}
        rowKey="referralId"
        loading={page.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={wide ? { x: 860 } : undefined}
        locale={{ emptyText: <Empty description={side === 'agency' ? '暂无移交给本单位的案件' : '暂无移交'} /> }}
        rowClassName={(row) => (row.acknowledgeOverdue && !row.acknowledgedAt ? 'row-overdue ledger-row' : 'ledger-row')}
        onRow={(row) => ({ onClick: () => navigate(PATHS.referral(row.referralId)) })}
        columns={[
          {
            title: '移交案件',
            width: 200,
            render: (_, row) => (
              <Link to={PATHS.referral(row.referralId)} onClick={(event) => event.stopPropagation()}>
                {words.label('referralSources', row.sourceCategory)}
                {row.institutionId ? ` · ${nameOf(row.institutionId)}` : ''}
              </Link>
            ),
          },
          side === 'agency'
            ? { title: '移交单位', width: 180, responsive: ['md'], render: (_, row) => nameOf(row.fromUnit) }
            : {
                title: '接收部门',
                width: 180,
                responsive: ['md'],
                render: (_, row) => `${nameOf(row.toUnit)}（${words.label('agencyTypes', row.agencyType)}）`,
              },
          { title: '移交时间', dataIndex: 'referredAt', width: 140, responsive: ['md'], render: (v: string) => beijingDateTime(v) },
          {
            title: '签收',
            width: 200,
            render: (_, row) => <AcknowledgeState referral={row} daysLeft={daysLeft(row.acknowledgedAt ? null : row.acknowledgeDueAt)} />,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (v: string) => <Tag color={v === 'closed' ? 'default' : 'blue'}>{words.label('referralStatuses', v)}</Tag>,
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={page.data?.nextCursor} busy={page.isFetching} />
    </>
  );
}
