import { App, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { messageOf } from '../../client/errors';
import { downloadFile } from '../../client/files';
import { caseFilePath } from '../../shared/CaseFiles';
import { beijingDateTime } from '../../shared/time';
import { ReportDuty, reportDutyStream } from './duty-queries';

/**
 * 报送记录: each hand-in, newest first — its text, the files it cites (download), on time or late —
 * with the issuing office's answer to it (通过 with a comment, 退回 with the reasons).
 */
export function ReportSubmissions({ duty, names }: { duty: ReportDuty; names: Readonly<Record<string, string>> }) {
  const { message } = App.useApp();
  if (duty.submissions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送" />;
  const stream = reportDutyStream(duty.dutyId);
  const download = (digest: string, name: string): void =>
    void downloadFile(caseFilePath(stream, digest), name).catch((error: unknown) => message.error(messageOf(error)));
  return (
    <List
      aria-label="报送记录"
      dataSource={[...duty.submissions].reverse()}
      rowKey={(submission) => `${submission.round}-${submission.submittedAt}`}
      renderItem={(submission) => {
        const review = duty.reviews.find((r) => r.round === submission.round);
        return (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space size={4} wrap>
                <Typography.Text strong>第 {submission.round} 轮报送</Typography.Text>
                <Tag color={submission.onTime ? 'green' : 'orange'}>{submission.onTime ? '按时' : '逾期报送'}</Tag>
                <Typography.Text type="secondary">
                  {beijingDateTime(submission.submittedAt)} · {names[submission.submittedBy] ?? submission.submittedBy}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{submission.text}</Typography.Paragraph>
              {submission.evidence.length > 0 && (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">所附材料：</Typography.Text>
                  {submission.evidence.map((file) => (
                    <Button key={file.digest} type="link" size="small" onClick={() => download(file.digest, file.name)}>
                      {file.name}
                    </Button>
                  ))}
                </Space>
              )}
              {review && (
                <div
                  style={{
                    padding: '8px 12px',
                    borderRadius: 4,
                    background: review.outcome === 'returned' ? '#fff2e8' : '#f6ffed',
                  }}
                >
                  <Space size={4} wrap>
                    <Tag color={review.outcome === 'returned' ? 'volcano' : 'green'}>
                      {review.outcome === 'returned' ? '已退回' : '已通过'}
                    </Tag>
                    <Typography.Text type="secondary">
                      {beijingDateTime(review.at)} · {names[review.by] ?? review.by}
                    </Typography.Text>
                  </Space>
                  {review.note && (
                    <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                      {review.outcome === 'returned' ? '退回理由：' : '审核意见：'}
                      {review.note}
                    </Typography.Paragraph>
                  )}
                </div>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
