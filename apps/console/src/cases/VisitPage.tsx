import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { AuditLink } from '../audit/AuditLink';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { useInstitutions, visitKey } from '../inspector/inspector-api';
import { useMe } from '../session/use-session';
import { CampaignLink } from '../shared/CampaignLink';
import { CaseFiles } from '../shared/CaseFiles';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { beijingDate, beijingDateTime } from '../shared/time';
import { FindingChecklist } from './visit/FindingChecklist';
import { RecordVisitForm } from './visit/RecordVisitForm';
import { VisitFindings } from './visit/VisitFindings';

const OPEN_FOR_FINDINGS = ['conducted', 'findingsRegistered'];

/**
 * 检查: what was planned and done, the form of the step open now (记录检查 while planned, the
 * checklist of findings once conducted), the visit's photos and its findings.
 */
export function VisitPage() {
  const { visitId = '' } = useParams();
  const words = useCatalogue();
  const me = useMe();
  const { nameOf } = useInstitutions();
  const visit = useQuery({
    queryKey: [...visitKey(visitId), 'detail'],
    queryFn: () => call(api.GET('/visits/{visitId}', { params: { path: { visitId } } })),
  });
  if (visit.isLoading) return <Spin tip="正在加载检查…" fullscreen />;
  if (visit.isError || !visit.data) return <Result status="warning" title="无法打开这次检查" subTitle={messageOf(visit.error)} />;
  const v = visit.data;
  const role = me.data?.actor.role;
  const mayAct = role === 'inspector' || (role === 'hospital' && v.kind === 'self');
  const title = `${nameOf(v.institutionId)} · ${words.label('visitKinds', v.kind)}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {title}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Tag color={v.status === 'closed' ? 'green' : 'blue'}>{words.label('visitStatuses', v.status)}</Tag>
            <AuditLink stream={`visit-${visitId}`} />
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label="计划日期">{beijingDate(v.plannedDate)}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{beijingDate(v.conductedOn)}</Descriptions.Item>
          <Descriptions.Item label="问题">
            {v.ledger.total} 项（已销号 {v.ledger.signedOff}，逾期 {v.ledger.overdue}）
          </Descriptions.Item>
          {v.campaignId && (
            <Descriptions.Item label="专项行动">
              <CampaignLink campaignId={v.campaignId} />
            </Descriptions.Item>
          )}
          {v.summary && <Descriptions.Item label="检查情况">{v.summary}</Descriptions.Item>}
          {v.cancelledReason && <Descriptions.Item label="取消原因">{v.cancelledReason}</Descriptions.Item>}
          {v.closedAt && <Descriptions.Item label="办结时间">{beijingDateTime(v.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {mayAct && v.status === 'planned' && (
        <Card title="记录检查">
          <RecordVisitForm visitId={visitId} />
        </Card>
      )}
      {mayAct && OPEN_FOR_FINDINGS.includes(v.status) && (
        <Card title="登记问题（按清单勾选）">
          <FindingChecklist visitId={visitId} />
        </Card>
      )}
      <Card title={`发现的问题（${v.findingIds.length}）`}>
        {v.status === 'planned' || v.status === 'cancelled' ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={v.status === 'planned' ? '记录检查后可登记问题' : '检查已取消'} />
        ) : (
          <VisitFindings visitId={visitId} />
        )}
      </Card>
      <Card title="检查照片与材料">
        <CaseFiles
          stream={`visit-${visitId}`}
          files={v.files}
          names={namesOf(v)}
          stepLabel={(step) => words.label('inspectionEvidenceSteps', step)}
          large
        />
      </Card>
    </Space>
  );
}
