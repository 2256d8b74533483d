import { Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AuditLink } from '../../audit/AuditLink';
import { messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { CampaignLink } from '../../shared/CampaignLink';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDateTime } from '../../shared/time';
import { DraftPanel } from './DraftPanel';
import { mayIssueNotices, useNotice } from './notice-queries';
import { PublishedPanel } from './PublishedPanel';

/**
 * One notice (通报 · 公示): what it reports and who made it; a draft shows the preview of what
 * publishing now would make public, with 修改 and 发布; a published one its number, SM3 digests,
 * public page and Word document, its corrections, and 更正 / 撤销 (a new notice linked to it).
 */
export function NoticePage() {
  const { noticeId = '' } = useParams();
  const words = useCatalogue();
  const me = useMe();
  const notice = useNotice(noticeId);
  if (notice.isLoading) return <Spin tip="正在加载通报…" fullscreen />;
  if (notice.isError || !notice.data) return <Result status="warning" title="无法打开这份通报" subTitle={messageOf(notice.error)} />;
  const n = notice.data;
  const names = namesOf(n);
  const mayIssue = mayIssueNotices(me.data?.actor.role);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {n.title}
          </Typography.Title>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={n.status === 'published' ? 'green' : 'blue'}>{words.label('publicNoticeStatuses', n.status)}</Tag>
          <AuditLink stream={`publicNotice-${noticeId}`} />
        </Space>
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label="类别">{words.label('publicNoticeKinds', n.kind)}</Descriptions.Item>
          <Descriptions.Item label="发文单位">{n.issuingUnitName}</Descriptions.Item>
          {n.period ? (
            <Descriptions.Item label="统计期间">
              {n.period.from} 至 {n.period.to}
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label="专项行动">{n.campaignId ? <CampaignLink campaignId={n.campaignId} /> : '—'}</Descriptions.Item>
          )}
          {n.corrects ? (
            <Descriptions.Item label={n.withdraw ? '撤销的通报' : '更正的通报'}>
              <Link to={PATHS.notice(n.corrects.noticeId)}>
                《{n.corrects.title}》（{n.corrects.documentNo}）
              </Link>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="起草">
            {names[n.draftedBy] ?? n.draftedBy} · {beijingDateTime(n.draftedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="修改">{n.revision} 次</Descriptions.Item>
          {n.publishedBy ? <Descriptions.Item label="发布人">{names[n.publishedBy] ?? n.publishedBy}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {n.status === 'draft' ? <DraftPanel notice={n} mayIssue={mayIssue} /> : <PublishedPanel notice={n} mayIssue={mayIssue} />}
    </Space>
  );
}
