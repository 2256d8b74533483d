import { Alert, Breadcrumb, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AuditLink } from '../audit/AuditLink';
import { evidenceStepLabel } from '../audit/case-kinds';
import { messageOf } from '../client/errors';
import { InspectorFindingActions } from '../inspector/FindingActions';
import { CaseReferrals } from '../referrals/CaseReferrals';
import { useFinding } from '../inspector/inspector-api';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { CaseFiles } from '../shared/CaseFiles';
import { CaseTimeline, timelineEntryOf } from '../shared/CaseTimeline';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { FindingHeader } from './finding/FindingHeader';
import { findingStream, useFindingHistory } from './finding/finding-queries';
import { HospitalFindingSteps } from './finding/HospitalFindingSteps';

/** 问题 (one ledger row): its facts and deadline, the steps open to the reader's role, files and timeline. */
export function FindingPage() {
  const { findingId = '' } = useParams();
  const me = useMe();
  const words = useCatalogue();
  const detail = useFinding(findingId);
  const history = useFindingHistory(findingId);
  const role = me.data?.actor.role;

  if (detail.isError)
    return <Result status="warning" title="无法打开该问题" subTitle={messageOf(detail.error)} extra={<Link to="/">返回首页</Link>} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = detail.data;
  const names = { ...namesOf(history.data), ...namesOf(data) };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {role === 'hospital' && <Breadcrumb items={[{ title: <Link to={PATHS.hospitalLedger}>整改台账</Link> }, { title: '问题详情' }]} />}
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {words.label('findingCategories', data.finding.category)}
          </Typography.Title>
        }
        extra={<AuditLink stream={findingStream(findingId)} />}
      >
        {data.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="该问题已超过整改期限，请尽快整改并报送。" />}
        <FindingHeader detail={data} names={names} />
      </Card>
      {role === 'hospital' && <HospitalFindingSteps detail={data} />}
      {role === 'inspector' && <InspectorFindingActions findingId={findingId} />}
      <CaseReferrals sourceStream={findingStream(findingId)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="证据材料" size="small">
            <CaseFiles stream={findingStream(findingId)} stepLabel={(step) => evidenceStepLabel(words, step)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="办理记录" size="small">
            {history.isError ? (
              <Typography.Text type="danger">办理记录加载失败：{messageOf(history.error)}</Typography.Text>
            ) : (
              <CaseTimeline loading={history.isLoading} names={names} entries={history.data?.entries.map(timelineEntryOf)} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
