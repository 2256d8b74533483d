import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../client/client';
import { messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { CalendarImport } from './CalendarImport';
import { useCalendarStatus, useProvisionalDeadlines } from './manage-queries';

type Provisional = Schemas['ProvisionalDeadlineDto'];
const SHOWN = 50;

/** The year-end warnings of the outlook: next year (from 1 November) or this year not imported. */
function Outlook({ outlook }: { outlook: Schemas['CalendarOutlookDto'] }) {
  return (
    <>
      {outlook.currentYearMissing && (
        <Alert type="error" showIcon title="本年度的节假日安排尚未导入：期限正按法定规则暂定计算，请尽快导入。" />
      )}
      {outlook.nextYearMissing && (
        <Alert
          type="warning"
          showIcon
          title={`${outlook.nextYear} 年的节假日安排尚未导入`}
          description="跨年的期限暂按法定节假日规则计算（暂定），导入国务院公布的安排后将自动重新计算。"
        />
      )}
    </>
  );
}

/** 工作日历: the calendar in force, the years imported, 导入年度日历, and the deadlines counted on a provisional year. */
export function CalendarPage() {
  const words = useCatalogue();
  const status = useCalendarStatus();
  const provisional = useProvisionalDeadlines(SHOWN);
  if (status.isLoading) return <Spin />;
  if (status.isError) return <Empty description={messageOf(status.error)} />;
  const calendar = status.data!;
  const count = provisional.data?.count ?? 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            工作日历
          </Typography.Title>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Outlook outlook={calendar.outlook} />
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="日历版本">
              <Typography.Text code>{calendar.version}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="已有数据的年份">
              {calendar.years.length
                ? `${calendar.years[0]}–${calendar.years[calendar.years.length - 1]} 年（共 ${calendar.years.length} 年）`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="运行中导入的年份">
              {calendar.importedYears.length
                ? calendar.importedYears.map((year) => (
                    <Tag key={year.year} color="blue" title={`SM3 ${year.hash}`}>
                      {year.year} 年
                    </Tag>
                  ))
                : '无'}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      </Card>
      <Card size="small" title="导入年度日历">
        <CalendarImport />
      </Card>
      <Card size="small" title={`暂定期限（${count} 项）`}>
        <Typography.Paragraph type="secondary">
          这些期限跨入了尚未导入节假日安排的年份，按法定规则暂定计算；导入该年日历后自动重算。
          {count > SHOWN ? `按到期先后列出前 ${SHOWN} 项。` : ''}
        </Typography.Paragraph>
        <Table<Provisional>
          size="small"
          rowKey={(row) => `${row.stream}/${row.deadlineId}`}
          loading={provisional.isLoading}
          dataSource={provisional.data?.first ?? []}
          pagination={false}
          locale={{ emptyText: provisional.isError ? messageOf(provisional.error) : '没有暂定的期限' }}
          scroll={{ x: 720 }}
          columns={[
            { title: '案件', dataIndex: 'stream', render: (stream: string) => <Link to={PATHS.caseAudit(stream)}>{stream}</Link> },
            { title: '期限', dataIndex: 'purpose', render: (purpose: string) => words.label('deadlinePurposes', purpose) },
            { title: '状态', dataIndex: 'status', render: (value: string) => words.label('deadlineStatuses', value) },
            { title: '暂定到期', dataIndex: 'dueAt', render: (dueAt: string) => beijingDateTime(dueAt) },
            {
              title: '暂定年份',
              dataIndex: 'provisionalYears',
              render: (years: number[]) =>
                years.map((year) => (
                  <Tag key={year} color="orange">
                    {year} 年
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
