import { Breadcrumb, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AuditLink } from '../audit/AuditLink';
import { ApiError, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { CaseFiles } from '../shared/CaseFiles';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { REFERRAL_READER_ROLES, referralFilePath, useReferral } from './referral-queries';
import { ReferralHeader } from './ReferralHeader';
import { ReferralHistory } from './ReferralHistory';
import { ReferralSteps } from './ReferralSteps';

/**
 * 移交 (one referral), for both sides: the agency's partner reads the case file, 签收 and 反馈; the
 * commission's staff follow it, reach the case and its audit, and 办结. Nobody else reads it: a
 * hospital is refused here before anything is asked (the API would refuse it too).
 */
export function ReferralPage() {
  const { referralId = '' } = useParams();
  const words = useCatalogue();
  const role = useMe().data?.actor.role ?? '';
  const reader = REFERRAL_READER_ROLES.includes(role);
  const referral = useReferral(referralId, reader);

  if (role && !reader) return <Result status="403" title="无权查看移交" subTitle="移交案件仅限接收的协同部门和卫生健康行政部门查看。" />;
  if (referral.isError) {
    const refused = referral.error instanceof ApiError && referral.error.status === 403;
    return (
      <Result
        status={refused ? '403' : 'warning'}
        title={refused ? '无权查看该移交' : '无法打开该移交'}
        subTitle={messageOf(referral.error)}
        extra={<Link to="/">返回首页</Link>}
      />
    );
  }
  if (!referral.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = referral.data;
  const names = namesOf(data);
  const documents = data.files.filter((file) => file.digest !== data.dossierDigest);
  const list = role === 'partner' ? { path: PATHS.partner, label: '移交案件' } : { path: PATHS.referrals, label: '移交协查' };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to={list.path}>{list.label}</Link> }, { title: '移交详情' }]} />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            移交 · {words.label('referralSources', data.sourceCategory)}
            {data.institutionId ? ` · ${names[data.institutionId] ?? data.institutionId}` : ''}
          </Typography.Title>
        }
        extra={<AuditLink stream={`referral-${referralId}`} />}
      >
        <ReferralHeader referral={data} names={names} role={role} />
      </Card>
      <ReferralSteps referral={data} role={role} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="协同部门材料" size="small">
            <CaseFiles
              stream={`referral-${referralId}`}
              files={documents}
              names={names}
              filePath={(digest) => referralFilePath(referralId, digest)}
              stepLabel={(step) => words.label('referralEvidenceSteps', step)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="办理经过" size="small">
            <ReferralHistory referral={data} names={names} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
