import { Alert, Card, Col, DatePicker, Row, Space, Spin, Statistic, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../client/errors';
import { useMe } from '../session/use-session';
import { beijingDate, beijingToday } from '../shared/time';
import { useDashboard } from './dashboard-queries';
import { ExportButton, exportPath } from './FigureCard';
import { ComplaintsFigure } from './figures/ComplaintsFigure';
import { CreditLevelsFigure, CreditListsFigure } from './figures/CreditFigure';
import { EscalationLadder } from './figures/EscalationLadder';
import { FindingsByInstitution } from './figures/FindingsByInstitution';
import { FindingsCrossTable } from './figures/FindingsCrossTable';
import { FindingsTrend } from './figures/FindingsTrend';
import { drillPath, percent, periodOf } from './leader-filters';

/** 本月, 本季度, 本年, 近30天 as Beijing days. */
function presets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const today = dayjs(beijingToday());
  const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  return [
    { label: '本月', value: [today.startOf('month'), today] },
    { label: '本季度', value: [quarterStart, today] },
    { label: '本年', value: [today.startOf('year'), today] },
    { label: '近30天', value: [today.subtract(29, 'day'), today] },
  ];
}

/**
 * The leaders' dashboard (仪表盘): the jurisdiction's ledger, complaints and credit as charts, each
 * with its numbers in a table under it; a bar, a slice or a number opens the rows behind it
 * (/leader/findings), and every figure exports as its 通报 table. The period is in the URL, in
 * Beijing dates, so a link or a reload shows the same figures.
 */
export function DashboardPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  const data = useDashboard(period);
  const findings = data.findings;
  // unitPath runs from the user's own unit up to the root.
  const unitName = me.data?.unitPath[0]?.name;
  const range: [Dayjs, Dayjs] | null = period.from && period.to ? [dayjs(period.from), dayjs(period.to)] : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="leader-dashboard">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {unitName ? `${unitName} · ` : ''}监督管理仪表盘
          </Typography.Title>
          <Space wrap>
            <DatePicker.RangePicker
              aria-label="统计期间（北京时间）"
              value={range}
              presets={presets()}
              allowClear
              onChange={(dates) => {
                const next = new URLSearchParams(params);
                next.delete('from');
                next.delete('to');
                if (dates?.[0] && dates[1]) {
                  next.set('from', dates[0].format('YYYY-MM-DD'));
                  next.set('to', dates[1].format('YYYY-MM-DD'));
                }
                setParams(next);
              }}
            />
            <ExportButton path={exportPath(period)} name="统计通报表" label="导出通报表" />
          </Space>
        </Space>
        <Typography.Text type="secondary">
          {period.from ? `统计期间：${period.from} 至 ${period.to}` : `截至 ${beijingDate(findings?.generatedAt)}`}
          （问题按发现日期、投诉按受理日期；逾期与信用等级按当前状态）
        </Typography.Text>
      </Card>
      {data.error !== null && <Alert type="error" showIcon message={`统计数据加载失败：${messageOf(data.error)}`} />}
      <Spin spinning={data.loading}>
        {findings && (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="问题总数" value={findings.total} />
                <Link to={drillPath({}, period)}>查看台账</Link>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="整改中" value={findings.open} />
                <Link to={drillPath({ active: 'true' }, period)}>查看在改问题</Link>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" className="leader-overdue">
                <Statistic title="逾期未改" value={findings.overdue} valueStyle={{ color: findings.overdue > 0 ? '#cf1322' : undefined }} />
                <Link to={drillPath({ overdue: 'true' }, period)}>查看逾期问题</Link>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="投诉反馈按时率 / 满意率"
                  value={`${percent(data.complaintsByInstitution?.totals.answer.onTimeRate)} / ${percent(data.complaintsByInstitution?.totals.satisfaction.satisfactionRate)}`}
                />
                <Typography.Text type="secondary">受理 {data.complaintsByInstitution?.totals.received ?? 0} 件</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <FindingsByInstitution counts={findings} period={period} />
            </Col>
            <Col xs={24} xl={12}>
              <EscalationLadder counts={findings} period={period} />
            </Col>
            <Col xs={24} xl={12}>
              <FindingsCrossTable counts={findings} period={period} />
            </Col>
            <Col xs={24} xl={12}>
              <FindingsTrend counts={findings} period={period} />
            </Col>
            {data.complaintsByInstitution && (
              <Col xs={24} xl={12}>
                <ComplaintsFigure stats={data.complaintsByInstitution} by="institution" period={period} nameOf={data.nameOf} />
              </Col>
            )}
            {data.complaintsByMonth && (
              <Col xs={24} xl={12}>
                <ComplaintsFigure stats={data.complaintsByMonth} by="month" period={period} nameOf={data.nameOf} />
              </Col>
            )}
            {data.credit && (
              <>
                <Col xs={24} xl={12}>
                  <CreditLevelsFigure credit={data.credit} period={period} nameOf={data.nameOf} />
                </Col>
                <Col xs={24} xl={12}>
                  <CreditListsFigure credit={data.credit} period={period} nameOf={data.nameOf} />
                </Col>
              </>
            )}
          </Row>
        )}
      </Spin>
    </Space>
  );
}
