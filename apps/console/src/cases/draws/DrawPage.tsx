import { Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { AuditLink } from '../../audit/AuditLink';
import { messageOf } from '../../client/errors';
import { useMe } from '../../session/use-session';
import { CampaignLink } from '../../shared/CampaignLink';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { DrawCommitment } from './DrawCommitment';
import { mayReadDraws, mayRunDraws, useDraw } from './draw-queries';
import { DrawnVisits } from './DrawnVisits';

const LEVELS = ['A', 'B', 'C', 'D'] as const;

/**
 * One 双随机 draw: what it was drawn from, the commitment published before drawing, the drawn
 * institutions with their visits, and 揭示种子 once every drawn visit is done.
 */
export function DrawPage() {
  const { drawId = '' } = useParams();
  const words = useCatalogue();
  const me = useMe();
  const role = me.data?.actor.role;
  const draw = useDraw(drawId);
  if (me.data && !mayReadDraws(role)) return <Result status="403" title="无权查看双随机抽取" />;
  if (draw.isLoading) return <Spin tip="正在加载抽取…" fullscreen />;
  if (draw.isError || !draw.data) return <Result status="warning" title="无法打开这次抽取" subTitle={messageOf(draw.error)} />;
  const d = draw.data;
  const names = namesOf(d);
  const pool = d.inputs.institutions;
  const byLevel = LEVELS.map((level) => `${level} ${pool.filter((i) => i.creditLevel === level).length}`).join(' · ');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            双随机抽查 · {names[d.jurisdiction] ?? d.jurisdiction}
          </Typography.Title>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={d.status === 'revealed' ? 'green' : 'blue'}>{words.label('creditDrawStatuses', d.status)}</Tag>
          <AuditLink stream={`randomDraw-${drawId}`} />
        </Space>
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label="抽查范围">{names[d.jurisdiction] ?? d.jurisdiction}</Descriptions.Item>
          <Descriptions.Item label="计划检查日期">{beijingDate(d.plannedDate)}</Descriptions.Item>
          <Descriptions.Item label="专项行动">{d.campaignId ? <CampaignLink campaignId={d.campaignId} /> : '—'}</Descriptions.Item>
          <Descriptions.Item label="候选机构">
            {pool.length} 家（信用等级 {byLevel}）
          </Descriptions.Item>
          <Descriptions.Item label="抽取数量">
            {d.inputs.count} 家，每家 {d.inputs.inspectorsPerVisit} 名检查人员
          </Descriptions.Item>
          <Descriptions.Item label="抽取权重">{LEVELS.map((level) => `${level}:${d.inputs.weights[level]}`).join(' ')}</Descriptions.Item>
          <Descriptions.Item label="发起">
            {names[d.requestedBy] ?? d.requestedBy} · {beijingDateTime(d.requestedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="抽取时间">{beijingDateTime(d.drawnAt)}</Descriptions.Item>
          <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
        </Descriptions>
      </Card>
      <DrawCommitment draw={d} mayReveal={mayRunDraws(role)} />
      <DrawnVisits draw={d} names={names} />
    </Space>
  );
}
