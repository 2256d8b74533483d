import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { visitKey } from '../../inspector/inspector-api';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate } from '../../shared/time';

/** The visit's findings (its ledger rows), each leading to its own page. */
export function VisitFindings({ visitId }: { visitId: string }) {
  const words = useCatalogue();
  const rows = useQuery({
    queryKey: [...visitKey(visitId), 'findings'],
    queryFn: () => call(api.GET('/findings', { params: { query: { visitId, pageSize: 200 } } })),
  });
  if (rows.isLoading)
    return (
      <Spin tip="正在加载问题…">
        <div style={{ minHeight: 80 }} />
      </Spin>
    );
  if (rows.isError) return <Empty description={messageOf(rows.error)} />;
  const items = rows.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次检查尚未登记问题" />;
  return (
    <ol className="case-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="本次检查发现的问题">
      {items.map((row) => (
        <li key={row.findingId}>
          <Card size="small">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {row.seq}. <Link to={PATHS.finding(row.findingId)}>{words.label('findingCategories', row.category)}</Link>
                </Typography.Text>
                <Tag>{words.label('severities', row.severity)}</Tag>
                <Tag color={row.status === 'signedOff' ? 'green' : row.overdue ? 'red' : 'blue'}>
                  {words.label('findingStatuses', row.status)}
                  {row.overdue ? '（逾期）' : ''}
                </Tag>
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {row.description}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {row.responsibleDepartment} · {words.label('requiredActions', row.requiredAction)}
                {row.deadline ? ` · 整改时限 ${beijingDate(row.deadline)}` : ''}
              </Typography.Text>
            </Space>
          </Card>
        </li>
      ))}
    </ol>
  );
}
