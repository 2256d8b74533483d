import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCalendarStatus, useDeadLetters, useDeliveries, useProjections, useUnits } from './manage-queries';

/** One area of the workspace: its figure, what it means, and the way there. */
function Area({ to, title, children, error }: { to: string; title: string; children: ReactNode; error?: unknown }) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Card size="small" title={<Link to={to}>{title}</Link>} style={{ height: '100%' }}>
        {error ? <Typography.Text type="secondary">{messageOf(error)}</Typography.Text> : children}
      </Card>
    </Col>
  );
}

/**
 * 系统概况, where an admin lands: what needs attention — next year's calendar before the year end,
 * dead letters, failed deliveries, read models behind — and the size of the directory.
 */
export function ManageHomePage() {
  const calendar = useCalendarStatus();
  const letters = useDeadLetters();
  const failed = useDeliveries('failed');
  const projections = useProjections();
  const units = useUnits();
  const outlook = calendar.data?.outlook;
  const provisional = Object.values(outlook?.provisionalPending ?? {}).reduce((sum, n) => sum + n, 0);
  const behind = (projections.data?.projections ?? []).filter((p) => (p.behind ?? 0) > 0 || p.running === false).length;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          系统概况
        </Typography.Title>
      }
    >
      {outlook?.nextYearMissing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${outlook.nextYear} 年的节假日安排尚未导入`}
          description={<Link to={PATHS.manageCalendar}>前往工作日历导入</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Area to={PATHS.manageDirectory} title="机构与用户" error={units.error}>
          <Statistic title="单位" value={units.data?.units.length ?? '—'} suffix="个" />
        </Area>
        <Area to={PATHS.manageCalendar} title="工作日历" error={calendar.error}>
          <Statistic title="暂定期限" value={calendar.data ? provisional : '—'} suffix="项" />
        </Area>
        <Area to={PATHS.manageDeadLetters} title="死信处理" error={letters.error}>
          <Statistic
            title="待处理死信"
            value={letters.data?.length ?? '—'}
            suffix="条"
            styles={{ content: (letters.data?.length ?? 0) > 0 ? { color: '#cf1322' } : {} }}
          />
        </Area>
        <Area to={PATHS.manageDeliveries} title="通知投递" error={failed.error}>
          <Statistic
            title="投递失败"
            value={failed.data?.length ?? '—'}
            suffix="条"
            styles={{ content: (failed.data?.length ?? 0) > 0 ? { color: '#cf1322' } : {} }}
          />
        </Area>
        <Area to={PATHS.manageProjections} title="读模型" error={projections.error}>
          <Statistic
            title="落后或停止"
            value={projections.data ? behind : '—'}
            suffix={`/ ${projections.data?.projections.length ?? '—'}`}
          />
        </Area>
        <Area to={PATHS.managePolicies} title="政策参数">
          <Typography.Text type="secondary">各项时限、分值与密码策略，修改须说明原因并留痕。</Typography.Text>
        </Area>
      </Row>
    </Card>
  );
}
