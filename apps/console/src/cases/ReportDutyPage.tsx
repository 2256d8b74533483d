import { Alert, Breadcrumb, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AuditLink } from '../audit/AuditLink';
import { useCaseHistory } from '../audit/audit-queries';
import { messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { CaseFiles } from '../shared/CaseFiles';
import { CaseTimeline, timelineEntryOf } from '../shared/CaseTimeline';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { isOwed, reportDutyStream, reportName, useReportDuty } from './duty/duty-queries';
import { ReportDutyHeader } from './duty/ReportDutyHeader';
import { ReportSubmissions } from './duty/ReportSubmissions';
import { ReviewReportActions } from './duty/ReviewReportActions';
import { SubmitReportForm } from './duty/SubmitReportForm';

/**
 * 报送任务 (one duty): what is owed to which campaign by when, the hand-ins and their reviews, the
 * files and the history; the owing unit (a hospital; a lower commission's inspectors and leaders)
 * hands the report in (again after a return), the issuing office
 * passes or returns it. Whoever may read the duty opens it here (the links of to-dos and notifications).
 */
export function ReportDutyPage() {
  const { dutyId = '' } = useParams();
  const me = useMe();
  const words = useCatalogue();
  const detail = useReportDuty(dutyId);
  const stream = reportDutyStream(dutyId);
  const history = useCaseHistory(stream, 1, false);
  const role = me.data?.actor.role;
  if (detail.isError)
    return <Result status="warning" title="无法打开该报送任务" subTitle={messageOf(detail.error)} extra={<Link to="/">返回首页</Link>} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const duty = detail.data;
  const names = { ...namesOf(history.data), ...namesOf(duty) };
  // The owing unit's own people hand it in: an institution's hospital users, a lower commission's inspectors and leaders.
  const ownUnit = me.data?.actor.unit === duty.institutionId;
  const reporter = duty.owingUnitKind === 'commission' ? role === 'inspector' || role === 'leader' : role === 'hospital';
  const list = role === 'hospital' ? PATHS.hospitalReports : duty.owingUnitKind === 'commission' && ownUnit ? PATHS.inspectorReports : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {list && <Breadcrumb items={[{ title: <Link to={list}>报送任务</Link> }, { title: reportName(words, duty) }]} />}
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {reportName(words, duty)}
          </Typography.Title>
        }
        extra={<AuditLink stream={stream} />}
      >
        {duty.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="该材料已超过报送期限，请尽快报送。" />}
        {duty.status === 'withdrawn' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="专项行动已不再要求报送该材料，无需报送。" />
        )}
        <ReportDutyHeader duty={duty} names={names} />
      </Card>
      {ownUnit && reporter && isOwed(duty.status) && <SubmitReportForm duty={duty} />}
      {(role === 'inspector' || role === 'leader') && !ownUnit && duty.status === 'submitted' && (
        <ReviewReportActions duty={duty} names={names} />
      )}
      <Card title="报送记录" size="small">
        <ReportSubmissions duty={duty} names={names} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="附件" size="small">
            <CaseFiles stream={stream} names={names} stepLabel={() => '报送材料'} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="办理记录" size="small">
            {history.isError ? (
              <Typography.Text type="danger">办理记录加载失败：{messageOf(history.error)}</Typography.Text>
            ) : (
              <CaseTimeline
                loading={history.isLoading}
                names={names}
                entries={history.data?.entries
                  // The duty's own steps; the campaign's and its other duties' are on the audit page (完整历史与核验).
                  .filter((entry) => entry.stream === stream)
                  .map(timelineEntryOf)}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
