import { Alert, Breadcrumb, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AuditLink } from '../audit/AuditLink';
import { evidenceStepLabel } from '../audit/case-kinds';
import { messageOf } from '../client/errors';
import { InspectorComplaintActions } from '../inspector/ComplaintActions';
import { CaseReferrals } from '../referrals/CaseReferrals';
import { useComplaint } from '../inspector/inspector-api';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { CaseFiles } from '../shared/CaseFiles';
import { CaseTimeline } from '../shared/CaseTimeline';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { DueText } from '../shared/DueText';
import { EvidenceUpload } from '../shared/EvidenceUpload';
import { beijingDateTime } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { HospitalComplaintSteps, ticketStream, useRefreshTicket } from './complaint/HospitalComplaintSteps';

/**
 * 投诉 (one ticket): what was complained of, the clocks, the steps open to the reader's role, files
 * and timeline. The hospital never sees who complained: the API withholds it and nothing here asks.
 */
export function ComplaintPage() {
  const { ticketId = '' } = useParams();
  const me = useMe();
  const words = useCatalogue();
  const refresh = useRefreshTicket(ticketId);
  const ticket = useComplaint(ticketId);
  const role = me.data?.actor.role;
  const open = ticket.data && !ticket.data.waitingOnComplainant;
  const daysLeft = useWorkingDaysLeft(
    open
      ? [ticket.data?.acknowledgedAt ? null : ticket.data?.acknowledgeDueAt, ticket.data?.answeredAt ? null : ticket.data?.answerDueAt]
      : [],
  );
  if (ticket.isError)
    return <Result status="warning" title="无法打开该投诉" subTitle={messageOf(ticket.error)} extra={<Link to="/">返回首页</Link>} />;
  if (!ticket.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const t = ticket.data;
  const names = namesOf(t);
  const holding = role === 'hospital' && ['dispatched', 'acknowledged', 'decided'].includes(t.status);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {role === 'hospital' && (
        <Breadcrumb items={[{ title: <Link to={PATHS.hospitalComplaints}>投诉办理</Link> }, { title: `投诉 ${t.ticketCode}` }]} />
      )}
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            投诉 {t.ticketCode}
          </Typography.Title>
        }
        extra={<AuditLink stream={ticketStream(ticketId)} />}
      >
        {t.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="该投诉已超过办理期限，请尽快办理。" />}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            {
              key: 'status',
              label: '状态',
              children: (
                <Space size={4} wrap>
                  <Tag color="blue">{words.label('complaintStatuses', t.status)}</Tag>
                  {t.supervisedAt && <Tag color="volcano">已督办</Tag>}
                  {t.waitingOnComplainant && <Tag>等待投诉人（停表）</Tag>}
                  {t.extensionPending && <Tag color="gold">延期待审批</Tag>}
                </Space>
              ),
            },
            { key: 'category', label: '投诉类别', children: words.label('complaintCategories', t.category) },
            { key: 'channel', label: '来源渠道', children: words.label('complaintChannels', t.channel) },
            { key: 'received', label: '受理时间', children: beijingDateTime(t.receivedAt) },
            {
              key: 'ack',
              label: '签收期限',
              children: t.acknowledgedAt ? (
                `已签收 ${beijingDateTime(t.acknowledgedAt)}`
              ) : (
                <DueText
                  dueAt={t.acknowledgeDueAt}
                  overdue={t.overdue}
                  provisional={t.acknowledgeDueProvisional}
                  workingDaysLeft={daysLeft(t.acknowledgeDueAt)}
                />
              ),
            },
            {
              key: 'answer',
              label: '反馈期限',
              children: t.answeredAt ? (
                `已反馈 ${beijingDateTime(t.answeredAt)}`
              ) : (
                <DueText
                  dueAt={t.answerDueAt}
                  overdue={t.overdue && !!t.acknowledgedAt}
                  provisional={t.answerDueProvisional}
                  workingDaysLeft={daysLeft(t.answerDueAt)}
                />
              ),
            },
            { key: 'institution', label: '承办单位', children: t.institutionId ? (names[t.institutionId] ?? t.institutionId) : '—' },
            { key: 'decision', label: '核查结论', children: t.decision ? words.label('complaintDecisions', t.decision) : '—' },
            { key: 'round', label: '办理轮次', children: `第 ${t.round} 轮` },
            {
              key: 'description',
              label: '投诉内容',
              span: 'filled',
              children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{t.description}</Typography.Paragraph>,
            },
            ...(t.findings
              ? [
                  {
                    key: 'findings',
                    label: '处理意见',
                    span: 'filled' as const,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{t.findings}</span>,
                  },
                ]
              : []),
            ...(t.answer
              ? [
                  {
                    key: 'answerText',
                    label: '反馈内容',
                    span: 'filled' as const,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{t.answer}</span>,
                  },
                ]
              : []),
            ...(t.lastReturnReason ? [{ key: 'returned', label: '退单理由', span: 'filled' as const, children: t.lastReturnReason }] : []),
          ]}
        />
      </Card>
      {role === 'hospital' && <HospitalComplaintSteps ticket={t} />}
      {role === 'inspector' && <InspectorComplaintActions ticketId={ticketId} />}
      <CaseReferrals sourceStream={ticketStream(ticketId)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="材料" size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <CaseFiles stream={ticketStream(ticketId)} stepLabel={(step) => evidenceStepLabel(words, step)} />
              {holding && (
                <EvidenceUpload path={`/complaints/${encodeURIComponent(ticketId)}/evidence`} onUploaded={() => void refresh()} />
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="办理记录" size="small">
            <CaseTimeline
              loading={false}
              names={names}
              entries={t.history.map((entry) => ({
                key: String(entry.position),
                summary: entry.summary,
                at: entry.at,
                actor: entry.actor,
                type: entry.type,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
