import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { casePageOf, ReferralDetail, referralFilePath, REFERRING_ROLES } from './referral-queries';
import { AcknowledgeState } from './ReferralList';

/**
 * The referral's facts: where it went and from whom, the case referred (its page and audit page for
 * the commission's staff only: a partner reads the case through its case file), why, where it stands,
 * the acknowledgement deadline, the outcome and the close; and the case file sent, by its SM3 digest.
 */
export function ReferralHeader({
  referral,
  names,
  role,
}: {
  referral: ReferralDetail;
  names: Readonly<Record<string, string>>;
  role: string;
}) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const daysLeft = useWorkingDaysLeft([referral.acknowledgedAt ? null : referral.acknowledgeDueAt]);
  const nameOf = (id: string | null | undefined): string => (id ? (names[id] ?? id) : '—');
  const commission = REFERRING_ROLES.includes(role) || role === 'admin';
  const casePage = commission ? casePageOf(referral.sourceStream) : null;
  const dossier = referral.files.find((file) => file.digest === referral.dossierDigest);
  const caseText = `${words.label('referralSources', referral.sourceCategory)}${referral.institutionId ? ` · ${nameOf(referral.institutionId)}` : ''}`;
  const outcome = referral.outcome;

  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 2 }}
      // Labels stay on one line: on a phone a narrow label column would stack them a character a line.
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'status',
          label: '状态',
          children: <Tag color={referral.status === 'closed' ? 'default' : 'blue'}>{words.label('referralStatuses', referral.status)}</Tag>,
        },
        {
          key: 'agency',
          label: '接收部门',
          children: `${nameOf(referral.toUnit)}（${words.label('agencyTypes', referral.agencyType)}）`,
        },
        { key: 'from', label: '移交单位', children: nameOf(referral.fromUnit) },
        { key: 'at', label: '移交时间', children: `${beijingDateTime(referral.referredAt)} · ${nameOf(referral.referredBy)}` },
        {
          key: 'case',
          label: '移交案件',
          children: (
            <Space size={8} wrap>
              {casePage ? <Link to={casePage}>{caseText}</Link> : <span>{caseText}</span>}
              {commission && (
                <Link to={PATHS.caseAudit(referral.sourceStream)}>
                  <SafetyCertificateOutlined /> 案件完整历史
                </Link>
              )}
            </Space>
          ),
        },
        {
          key: 'ack',
          label: '签收时限',
          children: <AcknowledgeState referral={referral} daysLeft={daysLeft(referral.acknowledgeDueAt)} />,
        },
        {
          key: 'reason',
          label: '移交理由',
          span: 'filled',
          children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{referral.reason}</Typography.Paragraph>,
        },
        {
          key: 'dossier',
          label: '移交案卷',
          span: 'filled',
          children: (
            <Space orientation="vertical" size={4} style={{ maxWidth: '100%' }}>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void downloadFile(referralFilePath(referral.referralId, referral.dossierDigest), dossier?.name ?? '移交案卷.html').catch(
                    (error: unknown) => message.error(messageOf(error)),
                  )
                }
              >
                下载案卷
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                SM3 摘要 {referral.dossierDigest}（下载后可据此核验案卷未被改动；不含投诉人等个人信息）
              </Typography.Text>
            </Space>
          ),
        },
        ...(outcome
          ? [
              {
                key: 'outcome',
                label: '处理结果',
                span: 'filled' as const,
                children: (
                  <Space orientation="vertical" size={4}>
                    <Space size={4} wrap>
                      <Tag color="green">{words.label('referralOutcomes', outcome.outcome)}</Tag>
                      <Typography.Text type="secondary">
                        {beijingDateTime(outcome.recordedAt)} · {nameOf(outcome.recordedBy)}
                      </Typography.Text>
                    </Space>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{outcome.text}</span>
                  </Space>
                ),
              },
            ]
          : []),
        ...(referral.closedAt
          ? [
              {
                key: 'closed',
                label: '办结',
                span: 'filled' as const,
                children: `${beijingDateTime(referral.closedAt)} · ${nameOf(referral.closedBy)}${referral.closeNote ? `：${referral.closeNote}` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}
